package cases

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcAnswers returns validAnswers with the given answers set; a nil value
// in set stores a null answer, and the key "-name" deletes name.
func lcAnswers(set map[string]any) *MissingInformationResponse {
	r := validAnswers()
	for k, v := range set {
		if name, ok := strings.CutPrefix(k, "-"); ok {
			delete(r.Fields, name)
			continue
		}
		r.Fields[k] = v
	}
	return r
}

func lcOffice(change map[string]any) map[string]any {
	m := validAnswers().Fields["office"].(map[string]any)
	for k, v := range change {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	return m
}

// lcAnswerCases are answers to validOpen's request, with the problems
// Respond and CheckResponse report, at pointers relative to the body. They
// also seed FuzzCheckResponse.
var lcAnswerCases = []struct {
	name    string
	answers func() Payload
	want    []at
}{
	{"valid", func() Payload { return validAnswers() }, nil},
	{"every field", func() Payload {
		return lcAnswers(map[string]any{"email": "ops@example.com", "entity": "llc"})
	}, nil},
	{"optional null", func() Payload {
		return lcAnswers(map[string]any{"email": nil, "entity": nil})
	}, nil},
	{"optional blank", func() Payload { return lcAnswers(map[string]any{"email": " "}) }, nil},
	{"required missing", func() Payload {
		return lcAnswers(map[string]any{"-legal_name": nil, "-office": nil})
	}, []at{{"/fields/legal_name", CodeRequired}, {"/fields/office", CodeRequired}}},
	{"required null", func() Payload { return lcAnswers(map[string]any{"legal_name": nil}) },
		[]at{{"/fields/legal_name", CodeRequired}}},
	{"required blank", func() Payload { return lcAnswers(map[string]any{"legal_name": " \t"}) },
		[]at{{"/fields/legal_name", CodeRequired}}},
	{"wrong type", func() Payload { return lcAnswers(map[string]any{"legal_name": true}) },
		[]at{{"/fields/legal_name", CodeInvalidType}}},
	{"too long", func() Payload {
		return lcAnswers(map[string]any{"legal_name": strings.Repeat("a", 1001)})
	}, []at{{"/fields/legal_name", CodeTooLong}}},
	{"two lines", func() Payload { return lcAnswers(map[string]any{"legal_name": "a\nb"}) },
		[]at{{"/fields/legal_name", CodeInvalidFormat}}},
	{"bad email", func() Payload { return lcAnswers(map[string]any{"email": "ops@"}) },
		[]at{{"/fields/email", CodeInvalidFormat}}},
	{"email with display name", func() Payload {
		return lcAnswers(map[string]any{"email": "Ops <ops@example.com>"})
	}, []at{{"/fields/email", CodeInvalidFormat}}},
	{"enum outside options", func() Payload {
		return lcAnswers(map[string]any{"entity": "partnership"})
	}, []at{{"/fields/entity", CodeInvalidValue}}},
	{"unknown field", func() Payload { return lcAnswers(map[string]any{"nickname": "Ac"}) },
		[]at{{"/fields/nickname", CodeUnknownField}}},
	{"field name needing escape", func() Payload {
		return lcAnswers(map[string]any{"a/b~c": "x"})
	}, []at{{"/fields/a~1b~0c", CodeUnknownField}}},
	{"address without country", func() Payload {
		return lcAnswers(map[string]any{"office": lcOffice(map[string]any{"country": nil})})
	}, []at{{"/fields/office/country", CodeRequired}}},
	{"address with lower-case country", func() Payload {
		return lcAnswers(map[string]any{"office": lcOffice(map[string]any{"country": "us"})})
	}, []at{{"/fields/office/country", CodeInvalidFormat}}},
	{"address with unknown key", func() Payload {
		return lcAnswers(map[string]any{"office": lcOffice(map[string]any{"floor": "2"})})
	}, []at{{"/fields/office/floor", CodeUnknownField}}},
	{"address as a string", func() Payload {
		return lcAnswers(map[string]any{"office": "1 Main St, Dover"})
	}, []at{{"/fields/office", CodeInvalidType}}},
	{"no fields", func() Payload { return &MissingInformationResponse{} },
		[]at{{"/fields", CodeRequired}}},
	{"every problem at once", func() Payload {
		return &MissingInformationResponse{Fields: map[string]any{
			"legal_name": 42, "email": "nope", "entity": "sole", "nickname": "x",
			"office": map[string]any{"city": "Dover", "country": "XX"},
		}}
	}, []at{
		{"/fields/email", CodeInvalidFormat},
		{"/fields/entity", CodeInvalidValue},
		{"/fields/legal_name", CodeInvalidType},
		{"/fields/nickname", CodeUnknownField},
		{"/fields/office/country", CodeInvalidFormat},
		{"/fields/office/postal_code", CodeRequired},
		{"/fields/office/region", CodeRequired},
		{"/fields/office/street_line_1", CodeRequired},
	}},
}

func TestRespond_Answers(t *testing.T) {
	for _, tt := range lcAnswerCases {
		t.Run(tt.name, func(t *testing.T) {
			c := lcNeedsResponse(t)
			before := c.Clone()
			resp := tt.answers()

			got, events, err := Respond(c, resp, testEnv(lcNow))
			assert.Equal(t, before, c)
			assert.Equal(t, tt.answers(), resp)
			if tt.want != nil {
				assertInvalid(t, err, tt.want...)
				assert.Nil(t, got)
				assert.Nil(t, events)
				assertInvalid(t, c.CheckResponse(resp), tt.want...)
				return
			}
			require.NoError(t, err)
			assert.NoError(t, c.CheckResponse(resp))
			want := c.Clone()
			want.Response = tt.answers()
			want.Status = StatusUnderReview
			want.UpdatedAt = lcNow
			assert.Equal(t, want, got)
			assert.NoError(t, got.Validate())
			lcCheckEvents(t, c, got, events, lcNow)
		})
	}
}

func TestRespond_WrongPayload(t *testing.T) {
	tests := []struct {
		name string
		resp Payload
		want at
	}{
		{"nil", nil, at{"", CodeRequired}},
		{"another kind's response", &RATerminationResponse{Acknowledged: true},
			at{"", CodeInvalidType}},
		{"a request", &MissingInformationRequest{}, at{"", CodeInvalidType}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcNeedsResponse(t)

			got, events, err := Respond(c, tt.resp, testEnv(lcNow))
			assertInvalid(t, err, tt.want)
			assert.Nil(t, got)
			assert.Nil(t, events)
		})
	}
}

func TestRespond_NeedsResponse_StoresResponse(t *testing.T) {
	c := lcNeedsResponse(t)

	got, events, err := Respond(c, validAnswers(), testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, StatusUnderReview, got.Status)
	assert.Equal(t, validAnswers(), got.Response)
	assert.Equal(t, lcNow, got.UpdatedAt)
	assert.Equal(t, ptr(t0), got.OpenedAt)
	assert.Nil(t, got.ResolvedAt)
	require.Len(t, events, 1)
	assert.Equal(t, Event{ID: lcID(1), Type: EventCaseUpdated, CreatedAt: lcNow, Data: got},
		events[0])
}

func TestRespond_AnsweredAndFlippedBack_ReplacesResponse(t *testing.T) {
	c := lcStartNamed(t, "needs_response_answered")
	second := lcAnswers(map[string]any{"legal_name": "Acme Two LLC"})

	got, events, err := Respond(c, second, testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, second, got.Response)
	assert.Equal(t, StatusUnderReview, got.Status)
	assert.Equal(t, lcNow, got.UpdatedAt)
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
}

func TestRespond_UnderReview_IdenticalResponseIsNoOp(t *testing.T) {
	c := lcAnswered(t)
	before := c.Clone()

	got, events, err := Respond(c, validAnswers(), testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, before, c)
	assert.Equal(t, c, got)
	assert.NotSame(t, c, got)
	assert.Equal(t, lcRespondAt, got.UpdatedAt)
	assert.Empty(t, events)
}

func TestRespond_NotAwaitingResponse(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		resp   func() Payload
		family error
		want   at
	}{
		{"different response under review", "under_review_answered",
			func() Payload { return lcAnswers(map[string]any{"legal_name": "Other LLC"}) },
			ErrNotAwaitingResponse, at{"", CodeNotAwaiting}},
		{"under review without a response", "under_review_visible",
			func() Payload { return validAnswers() },
			ErrNotAwaitingResponse, at{"", CodeNotAwaiting}},
		{"internal case", "under_review_internal",
			func() Payload { return validAnswers() },
			ErrNotAwaitingResponse, at{"", CodeNotAwaiting}},
		{"resolved", "resolved", func() Payload { return validAnswers() },
			ErrClosed, at{"", CodeCaseClosed}},
		{"resolved with the same response", "resolved_answered",
			func() Payload { return validAnswers() },
			ErrClosed, at{"", CodeCaseClosed}},
		{"superseded", "superseded", func() Payload { return validAnswers() },
			ErrClosed, at{"", CodeCaseClosed}},
		{"superseded with the same response", "superseded_answered",
			func() Payload { return validAnswers() },
			ErrClosed, at{"", CodeCaseClosed}},
		{"superseded internal", "superseded_internal",
			func() Payload { return validAnswers() },
			ErrClosed, at{"", CodeCaseClosed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			before := c.Clone()

			got, events, err := Respond(c, tt.resp(), testEnv(lcNow))
			assertItems(t, err, tt.family, tt.want)
			assert.Equal(t, 409, ProblemFor(err).Status)
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
		})
	}
}

// TestRespond_InputProblemsBeforeState checks the precedence Respond
// documents: answers that do not fit the request are refused for what
// they are (400) in any status; valid ones meet the state (409).
func TestRespond_InputProblemsBeforeState(t *testing.T) {
	bad := func() Payload { return lcAnswers(map[string]any{"legal_name": 5, "x": 1}) }
	for _, start := range []string{"resolved", "superseded_answered", "under_review_answered"} {
		t.Run(start, func(t *testing.T) {
			c := lcStartNamed(t, start)

			_, _, err := Respond(c, bad(), testEnv(lcNow))
			assertInvalid(t, err,
				at{"/fields/legal_name", CodeInvalidType},
				at{"/fields/x", CodeUnknownField})
			assert.Equal(t, 400, ProblemFor(err).Status)
		})
	}
}

func TestRespond_RATermination(t *testing.T) {
	agent := &SuccessorAgent{Name: "New Agent Inc.", Address: &Address{
		StreetLine1: "2 Side St", City: "Dover", Region: "DE", PostalCode: "19901",
		Country: "US",
	}}
	tests := []struct {
		name string
		resp *RATerminationResponse
		want []at
	}{
		{"acknowledged", &RATerminationResponse{Acknowledged: true}, nil},
		{"with a successor", &RATerminationResponse{Acknowledged: true, SuccessorAgent: agent},
			nil},
		{"not acknowledged", &RATerminationResponse{},
			[]at{{"/acknowledged", CodeInvalidValue}}},
		{"successor without a name", &RATerminationResponse{Acknowledged: true,
			SuccessorAgent: &SuccessorAgent{Address: agent.Address}},
			[]at{{"/successor_agent/name", CodeRequired}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustOpen(t, validRAOpen())

			got, events, err := Respond(c, tt.resp, testEnv(lcNow))
			if tt.want != nil {
				assertInvalid(t, err, tt.want...)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.resp, got.Response)
			assert.NotSame(t, tt.resp, got.Response)
			assert.Equal(t, StatusUnderReview, got.Status)
			assert.NoError(t, got.Validate())
			lcCheckEvents(t, c, got, events, lcNow)
		})
	}
}

func TestRespond_ThenResolve_DefaultReason(t *testing.T) {
	c := lcAnswered(t)

	got, events, err := Update(c, lcMove(StatusResolved, ""), testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, ReasonResponseReceived, got.ResolutionReason)
	assert.Equal(t, ptr(lcNow), got.ResolvedAt)
	assert.NoError(t, got.Validate())
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
}

func TestCase_CheckResponse_UnrequestedFields(t *testing.T) {
	tests := []struct {
		name    string
		answers map[string]any
		want    []at
	}{
		{name: "one unknown", answers: map[string]any{"f": "a", "g": "b"},
			want: []at{{"/fields/g", CodeUnknownField}}},
		{name: "unknown null", answers: map[string]any{"f": "a", "g": nil},
			want: []at{{"/fields/g", CodeUnknownField}}},
		{name: "escaped name", answers: map[string]any{"f": "a", "a/b~c": "x"},
			want: []at{{"/fields/a~1b~0c", CodeUnknownField}}},
		{name: "several, sorted", answers: map[string]any{"z": 1, "f": "a", "b": 2},
			want: []at{{"/fields/b", CodeUnknownField}, {"/fields/z", CodeUnknownField}}},
		{name: "unknown and missing", answers: map[string]any{"g": "b"},
			want: []at{{"/fields/f", CodeRequired}, {"/fields/g", CodeUnknownField}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := caseWithSpecs(t, FieldSpec{Name: "f", Type: FieldString,
				Description: "d", Required: true})

			err := c.CheckResponse(&MissingInformationResponse{Fields: tc.answers})

			assertInvalid(t, err, tc.want...)
		})
	}
}

// TestCase_CheckResponse_AllProblems checks that one response reports the
// problems of every field at once, in pointer order.
func TestCase_CheckResponse_AllProblems(t *testing.T) {
	c := mustOpen(t, validOpen())
	resp := &MissingInformationResponse{Fields: map[string]any{
		"office":  map[string]any{"street_line_1": "1 Main St", "country": "us"},
		"email":   "Name <a@b.co>",
		"entity":  "lp",
		"nickame": "x",
	}}

	err := c.CheckResponse(resp)

	assertInvalid(t, err,
		at{"/fields/email", CodeInvalidFormat},
		at{"/fields/entity", CodeInvalidValue},
		at{"/fields/legal_name", CodeRequired},
		at{"/fields/nickame", CodeUnknownField},
		at{"/fields/office/city", CodeRequired},
		at{"/fields/office/country", CodeInvalidFormat},
		at{"/fields/office/postal_code", CodeRequired},
		at{"/fields/office/region", CodeRequired},
	)
}

func TestDecoder_Response_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind Kind
		body string
		want Payload
	}{
		{"no answers", KindMissingInformation, `{"fields":{}}`,
			&MissingInformationResponse{}},
		{"answers", KindMissingInformation,
			`{"fields":{"a":"Caf\u00e9","b":-1.5e-3,"c":false,"d":null,` +
				`"e":{"x":[1,"2",{"y":null}]},"\ud83d\ude00":"\/"}}`,
			&MissingInformationResponse{}},
		{"acknowledgement", KindRATermination, `{"acknowledged":true}`,
			&RATerminationResponse{}},
		{"successor", KindRATermination,
			`{"acknowledged":true,"successor_agent":{"name":"Agents",` +
				`"address":{"street_line_1":"1 Main St","street_line_2":"Suite 2",` +
				`"city":"Dover","county":"Kent","region":"DE","postal_code":"19901",` +
				`"country":"US"}}}`, &RATerminationResponse{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			codecUnmarshal(t, []byte(tc.body), tc.want)
			got, err := codecStrict.Response(tc.kind, []byte(tc.body))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
