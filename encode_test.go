package cases

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecCaseKeys are the keys of a case object, in the order of SPEC 1.1.
var codecCaseKeys = []string{
	"id", "object", "created_at", "updated_at", "metadata", "parent_type",
	"parent_id", "kind", "status", "summary", "details", "request", "response",
	"opened_at", "due_at", "resolved_at", "resolution_reason",
}

// codecMembers encodes c and splits the result into its members.
func codecMembers(t *testing.T, c *Case) map[string]string {
	t.Helper()
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(out, &raw))
	members := make(map[string]string, len(raw))
	for k, v := range raw {
		members[k] = string(v)
	}
	return members
}

func TestCase_MarshalJSON_Exact(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    *Case
		want string
	}{
		{"open ra_termination", &Case{
			ID:        "00000000-0000-7000-8000-000000000001",
			CreatedAt: t0, UpdatedAt: t0.Add(1500 * time.Millisecond),
			ParentType: ParentBusiness, ParentID: "biz_1", Kind: KindRATermination,
			Status: StatusUnderReview, Summary: "Agent service ends.",
			Request:  &RATerminationRequest{Reason: RAOther, ReasonDetail: ptr("Moving.")},
			Response: &RATerminationResponse{Acknowledged: true},
			OpenedAt: ptr(t0),
		}, `{"id":"00000000-0000-7000-8000-000000000001","object":"case",` +
			`"created_at":"2026-03-01T09:00:00Z","updated_at":"2026-03-01T09:00:01.5Z",` +
			`"metadata":{},"parent_type":"business","parent_id":"biz_1",` +
			`"kind":"ra_termination","status":"under_review",` +
			`"summary":"Agent service ends.","details":null,` +
			`"request":{"reason":"other","reason_detail":"Moving."},` +
			`"response":{"acknowledged":true,"successor_agent":null},` +
			`"opened_at":"2026-03-01T09:00:00Z","due_at":null,"resolved_at":null,` +
			`"resolution_reason":null}`},
		{"resolved missing_information", &Case{
			ID:        "00000000-0000-7000-8000-000000000002",
			CreatedAt: t0, UpdatedAt: t0.Add(time.Hour),
			Metadata:   Metadata{"b": "2", "a": "1"},
			ParentType: ParentFiling, ParentID: "fil_1", Kind: KindMissingInformation,
			Status: StatusResolved, Summary: "S.", Details: ptr("D."),
			Request: &MissingInformationRequest{Fields: []FieldSpec{
				{Name: "e", Type: FieldEnum, Description: "E.", Required: true,
					Options: []string{"x", "y"}, Example: "y"},
				{Name: "n", Type: FieldNumber, Description: "N."},
			}},
			Response: &MissingInformationResponse{Fields: map[string]any{
				"n": json.Number("1.50"), "e": "x",
			}},
			OpenedAt:         ptr(t0),
			DueAt:            ptr(t0.Add(48 * time.Hour)),
			ResolvedAt:       ptr(t0.Add(time.Hour)),
			ResolutionReason: ReasonResponseReceived,
		}, `{"id":"00000000-0000-7000-8000-000000000002","object":"case",` +
			`"created_at":"2026-03-01T09:00:00Z","updated_at":"2026-03-01T10:00:00Z",` +
			`"metadata":{"a":"1","b":"2"},"parent_type":"filing","parent_id":"fil_1",` +
			`"kind":"missing_information","status":"resolved","summary":"S.",` +
			`"details":"D.","request":{"fields":[{"name":"e","type":"enum",` +
			`"description":"E.","required":true,"example":"y","options":["x","y"]},` +
			`{"name":"n","type":"number","description":"N.","required":false}]},` +
			`"response":{"fields":{"e":"x","n":1.50}},` +
			`"opened_at":"2026-03-01T09:00:00Z","due_at":"2026-03-03T09:00:00Z",` +
			`"resolved_at":"2026-03-01T10:00:00Z",` +
			`"resolution_reason":"response_received"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.c.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(out))

			// The value and the pointer encode alike through encoding/json.
			byValue, err := json.Marshal(*tc.c)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(byValue))
			byPointer, err := json.Marshal(tc.c)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(byPointer))
		})
	}
}

func TestCase_MarshalJSON_EveryKey(t *testing.T) {
	internal := validOpen()
	internal.Status = StatusUnderReview
	for _, tc := range []struct {
		name  string
		c     *Case
		nulls []string
	}{
		{"open without optionals", codecRA(),
			[]string{"details", "response", "due_at", "resolved_at", "resolution_reason"}},
		{"internal", mustOpen(t, internal),
			[]string{"response", "opened_at", "resolved_at", "resolution_reason"}},
		{"resolved", codecResolved(), nil},
		{"zero case", &Case{}, []string{"details", "request", "response", "opened_at",
			"due_at", "resolved_at", "resolution_reason"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			members := codecMembers(t, tc.c)
			var keys []string
			for k := range members {
				keys = append(keys, k)
			}
			assert.ElementsMatch(t, codecCaseKeys, keys)
			for _, k := range codecCaseKeys {
				if codecContains(tc.nulls, k) {
					assert.Equal(t, "null", members[k], k)
				} else {
					assert.NotEqual(t, "null", members[k], k)
				}
			}
			assert.Equal(t, `"case"`, members["object"])
		})
	}
}

func codecContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCase_MarshalJSON_Metadata(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    Metadata
		want string
	}{
		{"nil", nil, `{}`},
		{"empty", Metadata{}, `{}`},
		{"sorted", Metadata{"z": "1", "a": "2", "é": "3"}, `{"a":"2","z":"1","é":"3"}`},
		{"escaped", Metadata{`a"b`: "\u2028"}, `{"a\"b":"\u2028"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := codecOpened()
			c.Metadata = tc.m
			assert.Equal(t, tc.want, codecMembers(t, c)["metadata"])
		})
	}
}

// codecEscape is a string and its exact JSON form; an empty want checks
// only that the form decodes back to the string.
type codecEscape struct {
	name string
	s    string
	want string
}

var codecEscapes = []codecEscape{
	{"plain", "abc", `"abc"`},
	{"quote", `say "hi"`, `"say \"hi\""`},
	{"backslash", `a\b`, `"a\\b"`},
	{"line breaks and tab", "a\nb\r\tc", `"a\nb\r\tc"`},
	{"control characters", "\x00\x01\x1f", `"\u0000\u0001\u001f"`},
	{"backspace and form feed", "\b\f", ""},
	{"line and paragraph separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
	{"DEL", "\x7f", "\"\x7f\""},
	{"C1 control", "\u0085", ""},
	{"non-ASCII", "é — 😀", `"é — 😀"`},
	{"HTML", "</script>&'", `"</script>&'"`},
	{"slash", "/", `"/"`},
	{"replacement character", "\uFFFD", "\"\uFFFD\""},
	{"noncharacter", "\uFFFF", "\"\uFFFF\""},
}

func TestCase_MarshalJSON_Escaping(t *testing.T) {
	for _, tc := range codecEscapes {
		t.Run(tc.name, func(t *testing.T) {
			c := codecOpened()
			c.Summary = tc.s
			c.Details = &tc.s
			c.Metadata = Metadata{tc.s: tc.s}
			out, err := c.MarshalJSON()
			require.NoError(t, err)
			require.True(t, json.Valid(out))
			for _, r := range string(out) {
				assert.False(t, r < 0x20 || r == '\u2028' || r == '\u2029',
					"unescaped %U", r)
			}

			members := codecMembers(t, c)
			if tc.want != "" {
				assert.Equal(t, tc.want, members["summary"])
				assert.Equal(t, tc.want, members["details"])
				assert.Equal(t, "{"+tc.want+":"+tc.want+"}", members["metadata"])
			}
			var back string
			require.NoError(t, json.Unmarshal([]byte(members["summary"]), &back))
			assert.Equal(t, tc.s, back)

			d, err := codecLenient.Case(out)
			require.NoError(t, err)
			assert.Equal(t, tc.s, d.Summary)
			assert.Equal(t, Metadata{tc.s: tc.s}, d.Metadata)
		})
	}
}

// codecBadEncodings are values built in Go that have no JSON form: invalid
// UTF-8 in a string, and numbers JSON cannot write.
func codecBadEncodings() []struct {
	name    string
	marshal func() ([]byte, error)
} {
	const bad = "a\xffb"
	onCase := func(edit func(c *Case)) func() ([]byte, error) {
		return func() ([]byte, error) {
			c := codecOpened()
			edit(c)
			return c.MarshalJSON()
		}
	}
	answer := func(v any) func() ([]byte, error) {
		return onCase(func(c *Case) {
			c.Response = &MissingInformationResponse{Fields: map[string]any{"a": v}}
		})
	}
	spec := func(edit func(s *FieldSpec)) func() ([]byte, error) {
		return onCase(func(c *Case) {
			edit(&c.Request.(*MissingInformationRequest).Fields[0])
		})
	}
	agent := func(edit func(a *SuccessorAgent)) func() ([]byte, error) {
		return onCase(func(c *Case) {
			a := &SuccessorAgent{Name: "A", Address: &Address{
				StreetLine1: "1 Main St", City: "Dover", Region: "DE",
				PostalCode: "19901", Country: "US",
			}}
			edit(a)
			c.Kind = KindRATermination
			c.Request = &RATerminationRequest{Reason: RAOther}
			c.Response = &RATerminationResponse{Acknowledged: true, SuccessorAgent: a}
		})
	}
	event := func(edit func(e *Event)) func() ([]byte, error) {
		return func() ([]byte, error) {
			_, events, err := Open(validOpen(), testEnv(t0))
			if err != nil {
				return nil, err
			}
			edit(&events[0])
			return events[0].MarshalJSON()
		}
	}
	return []struct {
		name    string
		marshal func() ([]byte, error)
	}{
		{"case id", onCase(func(c *Case) { c.ID = bad })},
		{"summary", onCase(func(c *Case) { c.Summary = bad })},
		// 0x80 is the first byte past ASCII, and alone it is no character.
		{"lone continuation byte", onCase(func(c *Case) { c.Summary = "a\x80b" })},
		{"parent id", onCase(func(c *Case) { c.ParentID = bad })},
		{"parent type", onCase(func(c *Case) { c.ParentType = ParentType(bad) })},
		{"status", onCase(func(c *Case) { c.Status = Status(bad) })},
		{"resolution reason", onCase(func(c *Case) {
			c.ResolutionReason = ResolutionReason(bad)
		})},
		{"details", onCase(func(c *Case) { c.Details = ptr(bad) })},
		{"metadata key", onCase(func(c *Case) { c.Metadata = Metadata{bad: "v"} })},
		{"metadata value", onCase(func(c *Case) { c.Metadata = Metadata{"k": bad} })},
		{"field name", spec(func(s *FieldSpec) { s.Name = bad })},
		{"field description", spec(func(s *FieldSpec) { s.Description = bad })},
		{"field option", spec(func(s *FieldSpec) { s.Options = []string{"x", bad} })},
		{"field example", spec(func(s *FieldSpec) { s.Example = bad })},
		{"NaN example", spec(func(s *FieldSpec) { s.Example = math.NaN() })},
		{"answer", answer(bad)},
		{"answer name", onCase(func(c *Case) {
			c.Response = &MissingInformationResponse{Fields: map[string]any{bad: "x"}}
		})},
		{"nested answer", answer(map[string]any{"b": []any{"ok", bad}})},
		{"nested answer key", answer(map[string]any{bad: "x"})},
		{"address answer", answer(Address{StreetLine1: bad})},
		{"NaN answer", answer(math.NaN())},
		{"infinite answer", answer(math.Inf(1))},
		{"negative infinite answer", answer(math.Inf(-1))},
		{"float32 NaN answer", answer(float32(math.NaN()))},
		{"NaN in a list", answer([]any{1, math.NaN()})},
		{"number literal NaN", answer(json.Number("NaN"))},
		{"number literal hex", answer(json.Number("0x10"))},
		{"empty number literal", answer(json.Number(""))},
		{"number literal with spaces", answer(json.Number(" 1"))},
		{"unsupported answer type", answer(struct{}{})},
		{"time answer", answer(t0)},
		{"reason detail", onCase(func(c *Case) {
			c.Kind = KindRATermination
			c.Request = &RATerminationRequest{Reason: RAOther, ReasonDetail: ptr(bad)}
		})},
		{"successor name", agent(func(a *SuccessorAgent) { a.Name = bad })},
		{"successor city", agent(func(a *SuccessorAgent) { a.Address.City = bad })},
		{"successor county", agent(func(a *SuccessorAgent) { a.Address.County = ptr(bad) })},
		{"open request summary", func() ([]byte, error) {
			o := validOpen()
			o.Summary = bad
			return o.MarshalJSON()
		}},
		{"open request metadata", func() ([]byte, error) {
			o := validOpen()
			o.Metadata = Metadata{"k": bad}
			return o.MarshalJSON()
		}},
		{"update summary", func() ([]byte, error) {
			return (&UpdateRequest{Summary: ptr(bad)}).MarshalJSON()
		}},
		{"update details", func() ([]byte, error) {
			return (&UpdateRequest{Details: Set(bad)}).MarshalJSON()
		}},
		{"update metadata key", func() ([]byte, error) {
			return (&UpdateRequest{Metadata: map[string]*string{bad: nil}}).MarshalJSON()
		}},
		{"event id", event(func(e *Event) { e.ID = bad })},
		{"event type", event(func(e *Event) { e.Type = EventType(bad) })},
		{"event data", event(func(e *Event) { e.Data.Summary = bad })},
		{"event answer", event(func(e *Event) {
			e.Data.Response = &MissingInformationResponse{Fields: map[string]any{"a": math.NaN()}}
		})},
	}
}

func TestMarshalJSON_RefusesValuesWithoutJSONForm(t *testing.T) {
	for _, tc := range codecBadEncodings() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.marshal()
			assert.ErrorIs(t, err, errEncode)
		})
	}

	// encoding/json passes the error on.
	c := codecOpened()
	c.Summary = "a\xffb"
	_, err := json.Marshal(c)
	assert.ErrorIs(t, err, errEncode)
}

// TestMarshalJSON_GoNumberAnswers checks that answers held as Go numbers
// are written as the shortest JSON text that reads back as the same value.
func TestMarshalJSON_GoNumberAnswers(t *testing.T) {
	resp := &MissingInformationResponse{Fields: map[string]any{
		"a": 2.5, "b": -0.125, "c": 1e21, "d": 0.1, "e": float32(1.5),
		"f": float32(0.1), "g": 3.0, "h": int8(-3), "i": uint64(math.MaxUint64),
	}}
	out, err := resp.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"fields":{"a":2.5,"b":-0.125,"c":1e+21,"d":0.1,"e":1.5,`+
		`"f":0.10000000149011612,"g":3,"h":-3,"i":18446744073709551615}}`, string(out))
}

// codecBuilt returns cases built by the library's operations, in every
// status and with every kind of payload.
func codecBuilt(t *testing.T) map[string]*Case {
	t.Helper()
	step := func(c *Case, _ []Event, err error) *Case {
		t.Helper()
		require.NoError(t, err)
		return c
	}
	internal := validOpen()
	internal.Status = StatusUnderReview

	typed := validOpen()
	req := typed.Request.(*MissingInformationRequest)
	req.Fields = append(req.Fields,
		FieldSpec{Name: "count", Type: FieldInteger, Description: "C."},
		FieldSpec{Name: "share", Type: FieldNumber, Description: "S."},
		FieldSpec{Name: "small", Type: FieldNumber, Description: "S."},
		FieldSpec{Name: "agreed", Type: FieldBoolean, Description: "A."},
		FieldSpec{Name: "notes", Type: FieldText, Description: "N."},
		FieldSpec{Name: "big", Type: FieldInteger, Description: "B."},
	)
	typedAnswers := validAnswers()
	typedAnswers.Fields["count"] = 42
	typedAnswers.Fields["share"] = 0.1
	typedAnswers.Fields["small"] = 1e-7
	typedAnswers.Fields["agreed"] = true
	typedAnswers.Fields["notes"] = "line 1\n\tline \"2\" \u2028 é"
	typedAnswers.Fields["big"] = int64(math.MaxInt64)

	addressAnswer := validAnswers()
	addressAnswer.Fields["office"] = Address{
		StreetLine1: "1 Main St", StreetLine2: ptr("Suite 2"), City: "Dover",
		County: ptr("Kent"), Region: "DE", PostalCode: "19901", Country: "US",
	}

	text := validOpen()
	text.Summary = `Say "hi" — café 😀 </b>&`
	text.Details = ptr("a\n\tb\u2028c\\ \"d\"")
	text.Metadata = Metadata{"k\"ey": "v/\\", "é": "😀"}

	answered, _ := codecAnswered()
	ra := codecRA()
	return map[string]*Case{
		"opened":     codecOpened(),
		"internal":   mustOpen(t, internal),
		"ra opened":  ra,
		"answered":   answered,
		"resolved":   codecResolved(),
		"superseded": step(CloseForParent(codecOpened(), ParentFailed, testEnv(t0))),
		"text":       mustOpen(t, text),
		"typed":      step(Respond(mustOpen(t, typed), typedAnswers, testEnv(t0))),
		"address":    step(Respond(codecOpened(), addressAnswer, testEnv(t0))),
		"ra answered": step(Respond(ra, &RATerminationResponse{
			Acknowledged: true, SuccessorAgent: &SuccessorAgent{Name: "Agents Inc.",
				Address: &Address{StreetLine1: "1 Main St", StreetLine2: ptr("Suite 2"),
					City: "Dover", County: ptr("Kent"), Region: "DE",
					PostalCode: "19901", Country: "US"}},
		}, testEnv(t0))),
		"updated": step(Update(codecOpened(), &UpdateRequest{
			Summary: ptr("New summary."), Details: Clear[string](),
			DueAt:    Set(t0.Add(48*time.Hour + 250*time.Millisecond)),
			Metadata: map[string]*string{"external_id": nil, "tier": ptr("gold")},
		}, testEnv(t0.Add(time.Minute)))),
		"empty metadata": step(Update(codecOpened(), &UpdateRequest{
			Metadata: map[string]*string{"external_id": nil},
		}, testEnv(t0.Add(time.Minute)))),
	}
}

func TestCase_RoundTrip(t *testing.T) {
	for name, c := range codecBuilt(t) {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, c.Validate())
			first, err := c.MarshalJSON()
			require.NoError(t, err)

			d, err := codecLenient.Case(first)
			require.NoError(t, err)
			second, err := d.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(first), string(second))

			s, err := codecStrict.Case(first)
			require.NoError(t, err)
			assert.NoError(t, s.Validate())

			var u Case
			require.NoError(t, json.Unmarshal(first, &u))
			third, err := u.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(first), string(third))
		})
	}
}

// TestMarshalJSON_ValidUTF8 checks that every encoding of a built case is
// valid UTF-8 and valid JSON.
func TestMarshalJSON_ValidUTF8(t *testing.T) {
	for name, c := range codecBuilt(t) {
		out, err := c.MarshalJSON()
		require.NoError(t, err, name)
		assert.True(t, utf8.Valid(out), name)
		assert.True(t, json.Valid(out), name)
		assert.False(t, strings.Contains(string(out), "\uFFFD"), name)
	}
}
