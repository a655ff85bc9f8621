package cases

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcOpened returns the case that Open makes of validOpen at t0 with
// testEnv, built field by field.
func lcOpened(status Status) *Case {
	o := validOpen()
	c := &Case{
		ID: lcID(1), CreatedAt: t0, UpdatedAt: t0,
		Metadata:   Metadata{"external_id": "user_123"},
		ParentType: ParentFiling, ParentID: "fil_1a2b3c",
		Kind: KindMissingInformation, Status: status,
		Summary: o.Summary, Details: ptr("The state rejected the name."),
		Request: o.Request, DueAt: ptr(t0.Add(72 * time.Hour)),
	}
	if status == StatusNeedsResponse {
		c.OpenedAt = ptr(t0)
	}
	return c
}

func TestOpen_Statuses(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		events []EventType
	}{
		{"needs_response is visible", StatusNeedsResponse, []EventType{EventCaseOpened}},
		{"under_review is internal", StatusUnderReview, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOpen()
			o.Status = tt.status

			got, events, err := Open(o, testEnv(t0))
			require.NoError(t, err)
			want := lcOpened(tt.status)
			assert.Equal(t, want, got)
			assert.NoError(t, got.Validate())
			require.Len(t, events, len(tt.events))
			for i, e := range events {
				assert.Equal(t, lcID(2+i), e.ID)
				assert.Equal(t, tt.events[i], e.Type)
				assert.Equal(t, t0, e.CreatedAt)
				assert.Equal(t, want, e.Data)
				assert.NotSame(t, got, e.Data)
			}
		})
	}
}

func TestOpen_RATermination(t *testing.T) {
	got, events, err := Open(validRAOpen(), testEnv(t0))
	require.NoError(t, err)

	assert.Equal(t, KindRATermination, got.Kind)
	assert.Equal(t, &RATerminationRequest{Reason: RASwitchingProviders}, got.Request)
	assert.Equal(t, Metadata{}, got.Metadata)
	assert.Nil(t, got.Details)
	assert.Nil(t, got.DueAt)
	assert.NoError(t, got.Validate())
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseOpened, events[0].Type)
}

func TestOpen_StatusNotOpen(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		want   at
	}{
		{"resolved", StatusResolved, at{"/status", CodeInvalidValue}},
		{"superseded", StatusSuperseded, at{"/status", CodeInvalidValue}},
		{"empty", "", at{"/status", CodeRequired}},
		{"unknown", "closed", at{"/status", CodeUnknownValue}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOpen()
			o.Status = tt.status

			got, events, err := Open(o, testEnv(t0))
			assertInvalid(t, err, tt.want)
			assert.Nil(t, got)
			assert.Nil(t, events)
		})
	}
}

func TestOpen_DueAt(t *testing.T) {
	tests := []struct {
		name string
		due  *time.Time
		want []at
	}{
		{"none", nil, nil},
		{"just after now", ptr(t0.Add(time.Nanosecond)), nil},
		{"a year ahead", ptr(t0.AddDate(1, 0, 0)), nil},
		{"now", ptr(t0), []at{{"/due_at", CodeInvalidValue}}},
		{"now in another zone", ptr(t0.In(time.FixedZone("CET", 3600))),
			[]at{{"/due_at", CodeInvalidValue}}},
		{"just before now", ptr(t0.Add(-time.Nanosecond)), []at{{"/due_at", CodeInvalidValue}}},
		{"long ago", ptr(t0.AddDate(-5, 0, 0)), []at{{"/due_at", CodeInvalidValue}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOpen()
			o.DueAt = tt.due

			got, _, err := Open(o, testEnv(t0))
			if tt.want != nil {
				assertInvalid(t, err, tt.want...)
				return
			}
			require.NoError(t, err)
			if tt.due == nil {
				assert.Nil(t, got.DueAt)
				return
			}
			assert.True(t, tt.due.Equal(*got.DueAt))
		})
	}
}

// SPEC 1.1: timestamps are UTC, and input in any offset is converted.
func TestOpen_DueAtInAnotherZone_StoredInUTC(t *testing.T) {
	o := validOpen()
	o.DueAt = ptr(t0.Add(72 * time.Hour).In(time.FixedZone("CET", 3600)))

	got, _, err := Open(o, testEnv(t0))
	require.NoError(t, err)
	assert.Equal(t, ptr(t0.Add(72*time.Hour)), got.DueAt)
}

func TestOpenRequest_Validate_IgnoresDueAt(t *testing.T) {
	o := validOpen()
	o.DueAt = ptr(t0.AddDate(-5, 0, 0))

	assert.NoError(t, o.Validate())
	_, _, err := Open(o, testEnv(t0))
	assertInvalid(t, err, at{"/due_at", CodeInvalidValue})
}

func TestOpen_EveryProblemAtOnce(t *testing.T) {
	o := &OpenRequest{
		ParentType: "Filing",
		ParentID:   "fil 1",
		Kind:       KindMissingInformation,
		Status:     StatusResolved,
		Summary:    "  ",
		Details:    ptr("bell\a"),
		Request: &MissingInformationRequest{Fields: []FieldSpec{
			{Name: "Legal", Type: FieldString, Description: "Name."},
		}},
		DueAt:    ptr(t0.Add(-time.Hour)),
		Metadata: Metadata{"a[b]": "x", "ok": strings.Repeat("v", 501)},
	}

	got, events, err := Open(o, testEnv(t0))
	assertInvalid(t, err,
		at{"/details", CodeInvalidFormat},
		at{"/due_at", CodeInvalidValue},
		at{"/metadata/a[b]", CodeInvalidFormat},
		at{"/metadata/ok", CodeTooLong},
		at{"/parent_id", CodeInvalidFormat},
		at{"/parent_type", CodeUnknownValue},
		at{"/request/fields/0/name", CodeInvalidFormat},
		at{"/status", CodeInvalidValue},
		at{"/summary", CodeRequired},
	)
	assert.Nil(t, got)
	assert.Nil(t, events)
}

func TestOpen_Env_TimeStoredInUTC(t *testing.T) {
	env := testEnv(t0.In(time.FixedZone("EST", -5*3600)))

	got, events, err := Open(validOpen(), env)
	require.NoError(t, err)
	assert.Equal(t, t0, got.CreatedAt)
	assert.Equal(t, t0, got.UpdatedAt)
	assert.Equal(t, ptr(t0), got.OpenedAt)
	require.Len(t, events, 1)
	assert.Equal(t, t0, events[0].CreatedAt)
}

func TestOpen_ZeroEnv_CurrentTimeAndUUIDv7(t *testing.T) {
	o := validOpen()
	o.DueAt = nil
	before := time.Now()

	got, events, err := Open(o, Env{})
	after := time.Now()
	require.NoError(t, err)
	id, err := uuid.Parse(got.ID)
	require.NoError(t, err)
	assert.Equal(t, uuid.Version(7), id.Version())
	assert.Equal(t, id.String(), got.ID)
	assert.Equal(t, time.UTC, got.CreatedAt.Location())
	assert.False(t, got.CreatedAt.Before(before), got.CreatedAt)
	assert.False(t, got.CreatedAt.After(after), got.CreatedAt)
	require.Len(t, events, 1)
	assert.NotEqual(t, got.ID, events[0].ID)
	assert.NoError(t, events[0].Validate())
}

func TestOpen_NewIDFails(t *testing.T) {
	boom := errors.New("no more IDs")
	tests := []struct {
		name  string
		fail  int // the call of NewID that fails
		input func() *OpenRequest
	}{
		{"case ID", 1, validOpen},
		{"event ID", 2, validOpen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			env := Env{Now: t0, NewID: func() (uuid.UUID, error) {
				n++
				if n == tt.fail {
					return uuid.Nil, boom
				}
				return uuid.MustParse(lcID(n)), nil
			}}

			got, events, err := Open(tt.input(), env)
			assert.ErrorIs(t, err, boom)
			assert.EqualError(t, err, "cases: generating an ID: no more IDs")
			var e *Error
			assert.False(t, errors.As(err, &e), "a failing ID source is not an *Error")
			assert.Equal(t, 500, ProblemFor(err).Status)
			assert.Nil(t, got)
			assert.Nil(t, events)
		})
	}
}

func TestOpen_NoIDForInvalidInput(t *testing.T) {
	calls := 0
	env := Env{Now: t0, NewID: func() (uuid.UUID, error) {
		calls++
		return uuid.MustParse(lcID(calls)), nil
	}}
	o := validOpen()
	o.Summary = ""

	_, _, err := Open(o, env)
	assertInvalid(t, err, at{"/summary", CodeRequired})
	assert.Zero(t, calls)
}

func TestOpen_OptionalValuesAbsent(t *testing.T) {
	o := validOpen()
	o.Details, o.DueAt, o.Metadata = nil, nil, nil

	got, _, err := Open(o, testEnv(t0))
	require.NoError(t, err)
	assert.Nil(t, got.Details)
	assert.Nil(t, got.DueAt)
	assert.NotNil(t, got.Metadata)
	assert.Empty(t, got.Metadata)
	data, err := got.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"metadata":{}`)
	assert.Contains(t, string(data), `"details":null`)
}

func TestOpenRequest_MarshalJSON_RoundTrip(t *testing.T) {
	text := validOpen()
	text.Summary = `Say "hi" — café 😀`
	text.Details = ptr("a\n\tb\u2028c")
	for name, o := range map[string]*OpenRequest{
		"missing_information": validOpen(),
		"ra_termination":      validRAOpen(),
		"text":                text,
	} {
		t.Run(name, func(t *testing.T) {
			first, err := o.MarshalJSON()
			require.NoError(t, err)
			var keys map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(first, &keys))
			assert.Len(t, keys, 9)

			d, err := codecStrict.Open(first)
			require.NoError(t, err)
			if o.Metadata == nil {
				o.Metadata = Metadata{}
			}
			assert.Equal(t, o, d)
			second, err := d.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(first), string(second))
		})
	}
}

// codecOracleOpen mirrors an open body with plain types, for encoding/json.
type codecOracleOpen struct {
	ParentType ParentType      `json:"parent_type"`
	ParentID   string          `json:"parent_id"`
	Kind       Kind            `json:"kind"`
	Status     Status          `json:"status"`
	Summary    string          `json:"summary"`
	Details    *string         `json:"details"`
	Request    json.RawMessage `json:"request"`
	DueAt      *time.Time      `json:"due_at"`
	Metadata   Metadata        `json:"metadata"`
}

// codecValidOpens are open bodies that strict decoding accepts.
func codecValidOpens() []struct{ name, body string } {
	return []struct{ name, body string }{
		{"base", codecOpen()},
		{"ra_termination", codecRAOpen()},
		{"absent optionals", codecOpen("details", "", "due_at", "", "metadata", "")},
		{"null optionals", codecOpen("details", "null", "due_at", "null",
			"metadata", "null")},
		{"empty metadata", codecOpen("metadata", "{}")},
		{"escapes", codecOpen(
			"summary", `"Caf\u00e9 \ud83d\ude00 \/ \"q\" \\"`,
			"details", `"line 1\nline 2\ttab\r\n\u00e9\u2028"`,
			"metadata", `{"k\u00e9y":"v\u2028\u0041","\ud83d\ude00":"\"x\""}`)},
		{"raw unicode", codecOpen("summary", `"Café 😀 — ok"`,
			"metadata", `{"ключ":"значение"}`)},
		{"offset due_at", codecOpen("due_at", `"2099-01-02T05:04:05.25+02:00"`)},
		{"whitespace", " \n\t{\r\n \"summary\" :\t\"S.\" ,\n" +
			strings.TrimPrefix(codecOpen("summary", ""), "{") + " \n"},
		{"examples and options", codecOpen("request", `{"fields":[`+
			`{"name":"n","type":"integer","description":"N.","example":42},`+
			`{"name":"x","type":"number","description":"X.","example":1.5e3},`+
			`{"name":"b","type":"boolean","description":"B.","required":false,`+
			`"example":true},`+
			`{"name":"d","type":"date","description":"D.","example":"2030-01-02"},`+
			`{"name":"e","type":"enum","description":"E.","options":["a","b"],`+
			`"example":"b"},`+
			`{"name":"a","type":"address","description":"A.","example":`+
			`{"street_line_1":"1 Main St","city":"Dover","region":"DE",`+
			`"postal_code":"19901","country":"US","county":null}}]}`)},
	}
}

func TestDecoder_Open_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range codecValidOpens() {
		t.Run(tc.name, func(t *testing.T) {
			var want codecOracleOpen
			codecUnmarshal(t, []byte(tc.body), &want)
			got, err := codecStrict.Open([]byte(tc.body))
			require.NoError(t, err)

			assert.Equal(t, want.ParentType, got.ParentType)
			assert.Equal(t, want.ParentID, got.ParentID)
			assert.Equal(t, want.Kind, got.Kind)
			assert.Equal(t, want.Status, got.Status)
			assert.Equal(t, want.Summary, got.Summary)
			assert.Equal(t, want.Details, got.Details)
			assert.Equal(t, want.Metadata, got.Metadata)
			if want.DueAt == nil {
				assert.Nil(t, got.DueAt)
			} else {
				require.NotNil(t, got.DueAt)
				assert.True(t, want.DueAt.Equal(*got.DueAt))
				assert.Equal(t, time.UTC, got.DueAt.Location())
			}
			switch got.Kind {
			case KindMissingInformation:
				var req MissingInformationRequest
				codecUnmarshal(t, want.Request, &req)
				assert.Equal(t, &req, got.Request)
			case KindRATermination:
				var req RATerminationRequest
				codecUnmarshal(t, want.Request, &req)
				assert.Equal(t, &req, got.Request)
			default:
				t.Fatalf("unexpected kind %q", got.Kind)
			}
		})
	}
}
