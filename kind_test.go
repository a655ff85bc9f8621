package cases

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specsOf returns n valid string field specs with distinct names.
func specsOf(n int) []FieldSpec {
	specs := make([]FieldSpec, n)
	for i := range specs {
		specs[i] = FieldSpec{Name: "f" + strconv.Itoa(i), Type: FieldString,
			Description: "Answer."}
	}
	return specs
}

func TestMissingInformationRequest_Fields(t *testing.T) {
	p := "/request/fields"
	set := func(specs []FieldSpec) func(*Case) {
		return func(c *Case) { c.Request = &MissingInformationRequest{Fields: specs} }
	}
	dup := func(names ...string) []FieldSpec {
		specs := specsOf(len(names))
		for i, n := range names {
			specs[i].Name = n
		}
		return specs
	}
	runCaseRows(t, []caseRow{
		{name: "one field", change: set(specsOf(1))},
		{name: "50 fields", change: set(specsOf(50))},
		{name: "51 fields", change: set(specsOf(51)), want: []at{{p, CodeTooMany}}},
		{name: "no fields", change: set([]FieldSpec{}), want: []at{{p, CodeTooFew}}},
		{name: "fields missing", change: set(nil), want: []at{{p, CodeRequired}}},
		{name: "duplicate name", change: set(dup("a", "b", "a")),
			want: []at{{p + "/2/name", CodeDuplicate}}},
		{name: "name three times", change: set(dup("a", "a", "a")),
			want: []at{{p + "/1/name", CodeDuplicate}, {p + "/2/name", CodeDuplicate}}},
		{name: "two pairs", change: set(dup("a", "b", "b", "a")),
			want: []at{{p + "/2/name", CodeDuplicate}, {p + "/3/name", CodeDuplicate}}},
		{name: "request missing", change: func(c *Case) { c.Request = nil },
			want: []at{{"/request", CodeRequired}}},
		{name: "request of another kind",
			change: func(c *Case) { c.Request = &RATerminationRequest{Reason: RAOther} },
			want:   []at{{"/request", CodeInvalidType}}},
		{name: "raw request", change: func(c *Case) { c.Request = RawPayload(`{}`) },
			want: []at{{"/request", CodeInvalidType}}},
	})
}

func TestMissingInformationResponse_Shape(t *testing.T) {
	tests := []struct {
		name  string
		resp  Payload
		check []at
		valid []at
	}{
		{name: "no response", resp: nil, check: []at{{"", CodeRequired}}},
		{name: "fields missing", resp: &MissingInformationResponse{},
			check: []at{{"/fields", CodeRequired}},
			valid: []at{{"/response/fields", CodeRequired}}},
		{name: "response of another kind", resp: &RATerminationResponse{Acknowledged: true},
			check: []at{{"", CodeInvalidType}},
			valid: []at{{"/response", CodeInvalidType}}},
		{name: "raw response", resp: RawPayload(`{"fields":{}}`),
			check: []at{{"", CodeInvalidType}},
			valid: []at{{"/response", CodeInvalidType}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustOpen(t, validOpen())

			assertInvalid(t, c.CheckResponse(tc.resp), tc.check...)
			if tc.resp != nil {
				c.Response = tc.resp
				assertInvalid(t, c.Validate(), tc.valid...)
			}
		})
	}
}

func TestUnknownKind_KeepsPayloadsUnchecked(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Kind = "beneficial_owner_update"
	c.Request = RawPayload(`{"anything":[1,2]}`)
	c.Response = RawPayload(`{"fields":"not an object"}`)

	assert.NoError(t, c.CheckResponse(RawPayload(`{}`)))
	assertInvalid(t, c.Validate(), at{"/kind", CodeUnknownValue})
}

// TestUnknownKind_RawPayloadsCompare checks that raw payloads, which are
// slices, are compared by their text, so that an update that changes
// nothing in a case of an unknown kind is a no-op.
func TestUnknownKind_RawPayloadsCompare(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Kind = "beneficial_owner_update"
	c.Request = RawPayload(`{"anything":[1,2]}`)
	c.Response = RawPayload(`{"fields":{}}`)

	got, events, err := Update(c, &UpdateRequest{}, testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, c, got)
	assert.Empty(t, events)

	assert.True(t, samePayload(c.Request, RawPayload(`{"anything":[1,2]}`)))
	assert.False(t, samePayload(c.Request, RawPayload(`{"anything":[1]}`)))
	assert.True(t, samePayload(RawPayload(nil), nil))
	assert.False(t, samePayload(c.Request, nil))
}

// raRow is one change to a valid ra_termination case.
type raRow struct {
	name   string
	change func(c *Case, req *RATerminationRequest)
	want   []at
}

func TestRATermination_Request(t *testing.T) {
	p := "/request/reason_detail"
	detail := func(r RAReason, d *string) func(*Case, *RATerminationRequest) {
		return func(_ *Case, q *RATerminationRequest) { q.Reason, q.ReasonDetail = r, d }
	}
	parent := func(pt ParentType) func(*Case, *RATerminationRequest) {
		return func(c *Case, _ *RATerminationRequest) { c.ParentType = pt }
	}
	tests := []raRow{
		{name: "business parent", change: parent(ParentBusiness)},
		{name: "filing parent", change: parent(ParentFiling),
			want: []at{{"/parent_type", CodeInvalidValue}}},
		{name: "verification parent", change: parent(ParentVerification),
			want: []at{{"/parent_type", CodeInvalidValue}}},
		{name: "session parent", change: parent(ParentSession),
			want: []at{{"/parent_type", CodeInvalidValue}}},
		{name: "unknown parent", change: parent("Business"),
			want: []at{{"/parent_type", CodeUnknownValue}}},
		{name: "switching providers", change: detail(RASwitchingProviders, nil)},
		{name: "business dissolved", change: detail(RABusinessDissolved, nil)},
		{name: "business offboarding", change: detail(RABusinessOffboarding, ptr("Closed."))},
		{name: "other with detail", change: detail(RAOther, ptr("Moved abroad."))},
		{name: "reason empty", change: detail("", nil),
			want: []at{{"/request/reason", CodeRequired}}},
		{name: "reason unknown", change: detail("fired", nil),
			want: []at{{"/request/reason", CodeUnknownValue}}},
		{name: "reason capitalised", change: detail("Other", ptr("x")),
			want: []at{{"/request/reason", CodeUnknownValue}}},
		{name: "other without detail", change: detail(RAOther, nil),
			want: []at{{p, CodeRequired}}},
		{name: "other with empty detail", change: detail(RAOther, ptr("")),
			want: []at{{p, CodeRequired}}},
		{name: "other with blank detail", change: detail(RAOther, ptr(" \n ")),
			want: []at{{p, CodeRequired}}},
		{name: "detail of 500 characters",
			change: detail(RAOther, ptr(strings.Repeat("é", 500)))},
		{name: "detail of 501 characters",
			change: detail(RAOther, ptr(strings.Repeat("é", 501))),
			want:   []at{{p, CodeTooLong}}},
		{name: "detail of 501 characters, other reason",
			change: detail(RASwitchingProviders, ptr(strings.Repeat("a", 501))),
			want:   []at{{p, CodeTooLong}}},
		{name: "detail on lines", change: detail(RAOther, ptr("a\nb\r\n\tc"))},
		{name: "detail with NUL", change: detail(RAOther, ptr("a\x00b")),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "detail not UTF-8", change: detail(RAOther, ptr("a\xff")),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "filing parent and unknown reason", change: func(c *Case, q *RATerminationRequest) {
			c.ParentType, q.Reason = ParentFiling, "fired"
		}, want: []at{{"/parent_type", CodeInvalidValue}, {"/request/reason", CodeUnknownValue}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustOpen(t, validRAOpen())
			req := &RATerminationRequest{Reason: RASwitchingProviders}
			c.Request = req
			tc.change(c, req)

			err := c.Validate()

			if len(tc.want) == 0 {
				assert.NoError(t, err)
				return
			}
			assertInvalid(t, err, tc.want...)
		})
	}
}

func TestRATermination_Response(t *testing.T) {
	addr := func() *Address {
		return &Address{StreetLine1: "2 Side St", City: "Reno", Region: "NV",
			PostalCode: "89501", Country: "US"}
	}
	agent := func(name string, change func(a *Address)) *RATerminationResponse {
		a := addr()
		if change != nil {
			change(a)
		}
		return &RATerminationResponse{Acknowledged: true,
			SuccessorAgent: &SuccessorAgent{Name: name, Address: a}}
	}
	sa := "/successor_agent"
	tests := []struct {
		name string
		resp *RATerminationResponse
		want []at
	}{
		{name: "acknowledged", resp: &RATerminationResponse{Acknowledged: true}},
		{name: "not acknowledged", resp: &RATerminationResponse{},
			want: []at{{"/acknowledged", CodeInvalidValue}}},
		{name: "successor", resp: agent("Agents Inc.", nil)},
		{name: "successor name of 255 characters",
			resp: agent(strings.Repeat("é", 255), nil)},
		{name: "successor name of 256 characters",
			resp: agent(strings.Repeat("é", 256), nil),
			want: []at{{sa + "/name", CodeTooLong}}},
		{name: "successor name empty", resp: agent("", nil),
			want: []at{{sa + "/name", CodeRequired}}},
		{name: "successor name blank", resp: agent("  ", nil),
			want: []at{{sa + "/name", CodeRequired}}},
		{name: "successor name on two lines", resp: agent("a\nb", nil),
			want: []at{{sa + "/name", CodeInvalidFormat}}},
		{name: "address with optional parts", resp: agent("A", func(a *Address) {
			a.StreetLine2, a.County = ptr("Suite 4"), ptr("Washoe")
		})},
		{name: "address lowercase country", resp: agent("A", func(a *Address) {
			a.Country = "us"
		}), want: []at{{sa + "/address/country", CodeInvalidFormat}}},
		{name: "address without city", resp: agent("A", func(a *Address) {
			a.City = ""
		}), want: []at{{sa + "/address/city", CodeRequired}}},
		{name: "address street_line_2 with tab", resp: agent("A", func(a *Address) {
			a.StreetLine2 = ptr("a\tb")
		}), want: []at{{sa + "/address/street_line_2", CodeInvalidFormat}}},
		{name: "several problems", resp: func() *RATerminationResponse {
			r := agent("", func(a *Address) { a.Country = "usa" })
			r.Acknowledged = false
			return r
		}(), want: []at{
			{"/acknowledged", CodeInvalidValue},
			{sa + "/address/country", CodeInvalidFormat},
			{sa + "/name", CodeRequired},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustOpen(t, validRAOpen())

			check := c.CheckResponse(tc.resp)
			c.Response = tc.resp
			valid := c.Validate()

			if len(tc.want) == 0 {
				assert.NoError(t, check)
				assert.NoError(t, valid)
				return
			}
			assertInvalid(t, check, tc.want...)
			prefixed := make([]at, len(tc.want))
			for i, w := range tc.want {
				prefixed[i] = at{"/response" + w.Pointer, w.Code}
			}
			assertInvalid(t, valid, prefixed...)
		})
	}
}

func TestRATermination_ResponseOfAnotherKind(t *testing.T) {
	c := mustOpen(t, validRAOpen())

	assertInvalid(t, c.CheckResponse(validAnswers()), at{"", CodeInvalidType})
	c.Response = validAnswers()
	assertInvalid(t, c.Validate(), at{"/response", CodeInvalidType})
}

func TestKind_IsKnown(t *testing.T) {
	assert.Equal(t, []Kind{"missing_information", "ra_termination"}, Kinds())

	tests := []struct {
		name  string
		kind  Kind
		known bool
	}{
		{name: "missing_information", kind: KindMissingInformation, known: true},
		{name: "ra_termination", kind: KindRATermination, known: true},
		{name: "empty", kind: ""},
		{name: "capitalised", kind: "Missing_Information"},
		{name: "hyphenated", kind: "ra-termination"},
		{name: "unknown", kind: "beneficial_owner_update"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.kind.IsKnown())
		})
	}
}

func TestRAReason_IsKnown(t *testing.T) {
	assert.Equal(t, []RAReason{
		"switching_providers", "business_dissolved", "business_offboarding", "other",
	}, RAReasons())

	tests := []struct {
		name   string
		reason RAReason
		known  bool
	}{
		{name: "switching_providers", reason: RASwitchingProviders, known: true},
		{name: "business_dissolved", reason: RABusinessDissolved, known: true},
		{name: "business_offboarding", reason: RABusinessOffboarding, known: true},
		{name: "other", reason: RAOther, known: true},
		{name: "empty", reason: ""},
		{name: "capitalised", reason: "Other"},
		{name: "unknown", reason: "fired"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.reason.IsKnown())
		})
	}
}

func TestRawPayload_MarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		raw  RawPayload
		want string
	}{
		{name: "nil", raw: nil, want: "null"},
		{name: "empty", raw: RawPayload{}, want: "null"},
		{name: "kept byte for byte", raw: RawPayload(`{ "b" : 1,"a":[ ] }`),
			want: `{ "b" : 1,"a":[ ] }`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.raw.MarshalJSON()

			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestRawPayload_CloneSharesNothing(t *testing.T) {
	raw := RawPayload(`{"a":1}`)

	d := raw.clone().(RawPayload)
	d[2] = 'z'

	assert.Equal(t, `{"a":1}`, string(raw))
}

func TestDecoder_Case_UnknownKind(t *testing.T) {
	text := codecCaseText()
	var members map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(text), &members))
	text = codecSwap(text, `"kind":"missing_information"`, `"kind":"new_kind"`)
	text = codecSwap(text, string(members["request"]), codecRawRequest)

	_, err := codecStrict.Case([]byte(text))
	assertInvalid(t, err, at{"/kind", CodeUnknownValue}, at{"/request/y/z", CodeDuplicate})

	c, err := codecLenient.Case([]byte(text))
	require.NoError(t, err)
	assert.Equal(t, Kind("new_kind"), c.Kind)
	assert.Equal(t, RawPayload(codecRawRequest), c.Request)
	assert.Equal(t, RawPayload(members["response"]), c.Response)
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, text, string(out))
}

func TestDecoder_Response_UnknownKind(t *testing.T) {
	body := []byte(" \n" + codecRawRequest + "\t ")
	_, err := codecStrict.Response(Kind("new_kind"), body)
	assertInvalid(t, err, at{"/y/z", CodeDuplicate})

	p, err := codecLenient.Response(Kind("new_kind"), body)
	require.NoError(t, err)
	assert.Equal(t, RawPayload(codecRawRequest), p)
	out, err := p.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, codecRawRequest, string(out))
}

// TestPayload_NilPointerIsAbsent passes a nil pointer of each payload type
// wherever a payload goes: it behaves as an absent payload, never panics.
func TestPayload_NilPointerIsAbsent(t *testing.T) {
	nilMIReq, nilMIResp := (*MissingInformationRequest)(nil), (*MissingInformationResponse)(nil)
	nilRAReq, nilRAResp := (*RATerminationRequest)(nil), (*RATerminationResponse)(nil)

	t.Run("MarshalJSON", func(t *testing.T) {
		for _, p := range []Payload{nilMIReq, nilMIResp, nilRAReq, nilRAResp, RawPayload(nil)} {
			b, err := p.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, "null", string(b))
		}
	})
	t.Run("Respond", func(t *testing.T) {
		c := mustOpen(t, validOpen())
		got, events, err := Respond(c, nilMIResp, testEnv(lcNow))
		assertInvalid(t, err, at{"", CodeRequired})
		assert.Nil(t, got)
		assert.Nil(t, events)
		assertInvalid(t, c.CheckResponse(nilMIResp), at{"", CodeRequired})

		ra := mustOpen(t, validRAOpen())
		_, _, err = Respond(ra, nilRAResp, testEnv(lcNow))
		assertInvalid(t, err, at{"", CodeRequired})
	})
	t.Run("Open", func(t *testing.T) {
		o := validRAOpen()
		o.Request = nilRAReq
		_, _, err := Open(o, testEnv(t0))
		assertInvalid(t, err, at{"/request", CodeRequired})
		assertInvalid(t, o.Validate(), at{"/request", CodeRequired})
		b, err := o.MarshalJSON()
		require.NoError(t, err)
		assert.Contains(t, string(b), `"request":null`)

		o = validOpen()
		o.Request = nilMIReq
		_, _, err = Open(o, testEnv(t0))
		assertInvalid(t, err, at{"/request", CodeRequired})
	})
	t.Run("Validate and MarshalJSON of a case", func(t *testing.T) {
		c := mustOpen(t, validOpen())
		c.Request = nilMIReq
		c.Response = nilMIResp
		assertInvalid(t, c.Validate(), at{"/request", CodeRequired})
		b, err := c.MarshalJSON()
		require.NoError(t, err)
		assert.Contains(t, string(b), `"request":null,"response":null`)

		// A nil response is no response: resolving with response_received
		// needs one.
		c = lcStartNamed(t, "resolved_answered")
		c.Response = nilMIResp
		assertInvalid(t, c.Validate(), at{"/resolution_reason", CodeInvalidValue})
	})
	t.Run("Clone", func(t *testing.T) {
		c := mustOpen(t, validOpen())
		c.Response = nilMIResp
		d := c.Clone()
		assert.Nil(t, d.Response)
		assert.True(t, samePayload(c.Response, d.Response))
	})
	t.Run("Update", func(t *testing.T) {
		c := mustOpen(t, validOpen())
		c.Response = nilMIResp
		_, _, err := Update(c, lcMove(StatusResolved, ""), testEnv(lcNow))
		assertItems(t, err, ErrTransition, at{"/resolution_reason", CodeReasonRequired})
		got, _, err := Update(c, lcMove(StatusUnderReview, ""), testEnv(lcNow))
		require.NoError(t, err)
		assert.Nil(t, got.Response)
	})
	t.Run("event", func(t *testing.T) {
		c := mustOpen(t, validOpen())
		c.Request = nilMIReq
		e := Event{ID: lcID(9), Type: EventCaseUpdated, CreatedAt: t0, Data: c}
		assertInvalid(t, e.Validate(), at{"/data/request", CodeRequired})
		b, err := e.MarshalJSON()
		require.NoError(t, err)
		assert.Contains(t, string(b), `"request":null`)
	})
}

// TestAnswer_NilAddressIsNoAnswer checks that a nil *Address answer, which
// encodes as null, counts as no answer.
func TestAnswer_NilAddressIsNoAnswer(t *testing.T) {
	c := mustOpen(t, validOpen())
	answers := validAnswers()
	answers.Fields["office"] = (*Address)(nil)
	assertInvalid(t, c.CheckResponse(answers), at{"/fields/office", CodeRequired})

	b, err := answers.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"office":null`)
}
