package cases

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseRow is one change to a valid open case and the problems that
// Case.Validate must then report.
type caseRow struct {
	name   string
	change func(c *Case)
	want   []at
}

func runCaseRows(t *testing.T, rows []caseRow) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			c := mustOpen(t, validOpen())
			tc.change(c)

			err := c.Validate()

			assertNoEcho(t, mustJSON(c), err)
			if len(tc.want) == 0 {
				assert.NoError(t, err)
				return
			}
			assertInvalid(t, err, tc.want...)
		})
	}
}

func TestCase_Validate_Summary(t *testing.T) {
	set := func(s string) func(*Case) { return func(c *Case) { c.Summary = s } }
	bad := func(name, s string, code Code) caseRow {
		return caseRow{name: name, change: set(s), want: []at{{"/summary", code}}}
	}
	runCaseRows(t, []caseRow{
		{name: "one character", change: set("é")},
		{name: "255 ASCII characters", change: set(strings.Repeat("a", 255))},
		{name: "255 two-byte characters", change: set(strings.Repeat("é", 255))},
		{name: "255 four-byte characters", change: set(strings.Repeat("😀", 255))},
		{name: "no-break space inside", change: set("a\u00a0b")},
		bad("256 ASCII characters", strings.Repeat("a", 256), CodeTooLong),
		bad("256 two-byte characters", strings.Repeat("é", 256), CodeTooLong),
		bad("256 four-byte characters", strings.Repeat("😀", 256), CodeTooLong),
		bad("empty", "", CodeRequired),
		bad("spaces", "   ", CodeRequired),
		bad("tab only", "\t", CodeRequired),
		bad("line feed", "a\nb", CodeInvalidFormat),
		bad("carriage return", "a\rb", CodeInvalidFormat),
		bad("tab inside", "a\tb", CodeInvalidFormat),
		bad("NUL", "a\x00b", CodeInvalidFormat),
		bad("unit separator", "a\x1fb", CodeInvalidFormat),
		bad("DEL", "a\x7fb", CodeInvalidFormat),
		bad("C1 control", "a\u0085b", CodeInvalidFormat),
		bad("last C1 control", "a\u009fb", CodeInvalidFormat),
		bad("line separator", "a\u2028b", CodeInvalidFormat),
		bad("paragraph separator", "a\u2029b", CodeInvalidFormat),
		bad("invalid byte", "a\xffb", CodeInvalidFormat),
		bad("truncated sequence", "caf\xc3", CodeInvalidFormat),
		bad("encoded surrogate", "a\xed\xa0\x80b", CodeInvalidFormat),
	})
}

func TestCase_Validate_Details(t *testing.T) {
	set := func(s string) func(*Case) { return func(c *Case) { c.Details = &s } }
	bad := func(name, s string, code Code) caseRow {
		return caseRow{name: name, change: set(s), want: []at{{"/details", code}}}
	}
	runCaseRows(t, []caseRow{
		{name: "null", change: func(c *Case) { c.Details = nil }},
		{name: "empty", change: set("")},
		{name: "lines and tabs", change: set("# Title\n\n- a\r\n\t- b")},
		{name: "line separator", change: set("a\u2028b")},
		{name: "10,000 two-byte characters", change: set(strings.Repeat("é", 10000))},
		{name: "10,000 four-byte characters", change: set(strings.Repeat("😀", 10000))},
		bad("10,001 characters", strings.Repeat("é", 10001), CodeTooLong),
		bad("10,001 ASCII characters", strings.Repeat("a", 10001), CodeTooLong),
		bad("NUL", "a\x00b", CodeInvalidFormat),
		bad("escape", "a\x1bb", CodeInvalidFormat),
		bad("form feed", "a\fb", CodeInvalidFormat),
		bad("DEL", "a\x7fb", CodeInvalidFormat),
		bad("C1 control", "a\u0085b", CodeInvalidFormat),
		bad("invalid UTF-8", "a\xffb", CodeInvalidFormat),
	})
}

func TestCase_Validate_ParentID(t *testing.T) {
	set := func(s string) func(*Case) { return func(c *Case) { c.ParentID = s } }
	bad := func(name, s string, code Code) caseRow {
		return caseRow{name: name, change: set(s), want: []at{{"/parent_id", code}}}
	}
	runCaseRows(t, []caseRow{
		{name: "one character", change: set("x")},
		{name: "128 characters", change: set(strings.Repeat("a", 128))},
		{name: "every allowed character", change: set("AZaz09_-.:")},
		{name: "UUID", change: set("0199f0a2-7b1c-7def-8123-456789abcdef")},
		{name: "digit groups", change: set("1234-5678-9012")},
		bad("129 characters", strings.Repeat("a", 129), CodeInvalidFormat),
		bad("empty", "", CodeRequired),
		bad("space", "fil 1", CodeInvalidFormat),
		bad("slash", "fil/1", CodeInvalidFormat),
		bad("hash", "fil#1", CodeInvalidFormat),
		bad("non-ASCII letter", "fïl_1", CodeInvalidFormat),
		bad("control character", "fil\x001", CodeInvalidFormat),
	})
}

func TestCase_Validate_ID(t *testing.T) {
	set := func(s string) func(*Case) { return func(c *Case) { c.ID = s } }
	bad := func(name, s string, code Code) caseRow {
		return caseRow{name: name, change: set(s), want: []at{{"/id", code}}}
	}
	runCaseRows(t, []caseRow{
		{name: "UUIDv4", change: set("f47ac10b-58cc-4372-a567-0e02b2c3d479")},
		bad("empty", "", CodeRequired),
		bad("not a UUID", "case_123", CodeInvalidFormat),
		bad("upper case", "F47AC10B-58CC-4372-A567-0E02B2C3D479", CodeInvalidFormat),
		bad("braces", "{f47ac10b-58cc-4372-a567-0e02b2c3d479}", CodeInvalidFormat),
		bad("URN", "urn:uuid:f47ac10b-58cc-4372-a567-0e02b2c3d479", CodeInvalidFormat),
		bad("no hyphens", "f47ac10b58cc4372a5670e02b2c3d479", CodeInvalidFormat),
	})
}

func TestCase_Validate_Enums(t *testing.T) {
	closed := func(s Status, r ResolutionReason) func(*Case) {
		return func(c *Case) {
			c.Status, c.ResolutionReason = s, r
			c.ResolvedAt, c.UpdatedAt = ptr(t0.Add(time.Hour)), t0.Add(time.Hour)
		}
	}
	rows := []caseRow{
		{name: "parent_type capitalised",
			change: func(c *Case) { c.ParentType = "Filing" },
			want:   []at{{"/parent_type", CodeUnknownValue}}},
		{name: "parent_type unknown",
			change: func(c *Case) { c.ParentType = "account" },
			want:   []at{{"/parent_type", CodeUnknownValue}}},
		{name: "parent_type empty",
			change: func(c *Case) { c.ParentType = "" },
			want:   []at{{"/parent_type", CodeRequired}}},
		{name: "kind unknown",
			change: func(c *Case) { c.Kind = "closed" },
			want:   []at{{"/kind", CodeUnknownValue}}},
		{name: "kind empty",
			change: func(c *Case) { c.Kind = "" },
			want:   []at{{"/kind", CodeRequired}}},
		{name: "status closed",
			change: func(c *Case) { c.Status = "closed" },
			want:   []at{{"/status", CodeUnknownValue}}},
		{name: "status capitalised",
			change: func(c *Case) { c.Status = "Needs_Response" },
			want:   []at{{"/status", CodeUnknownValue}}},
		{name: "status empty",
			change: func(c *Case) { c.Status = "" },
			want:   []at{{"/status", CodeRequired}}},
		{name: "resolution_reason unknown",
			change: closed(StatusResolved, "closed"),
			want:   []at{{"/resolution_reason", CodeUnknownValue}}},
		{name: "resolution_reason capitalised",
			change: closed(StatusSuperseded, "Parent_Failed"),
			want:   []at{{"/resolution_reason", CodeUnknownValue}}},
	}
	for _, pt := range ParentTypes() {
		rows = append(rows, caseRow{name: "parent_type " + string(pt),
			change: func(c *Case) { c.ParentType = pt }})
	}
	runCaseRows(t, rows)
}

func TestCase_Validate_Timestamps(t *testing.T) {
	runCaseRows(t, []caseRow{
		{name: "created_at zero",
			change: func(c *Case) { c.CreatedAt = time.Time{} },
			want:   []at{{"/created_at", CodeRequired}}},
		{name: "updated_at zero",
			change: func(c *Case) { c.UpdatedAt = time.Time{} },
			want:   []at{{"/updated_at", CodeRequired}}},
		{name: "due_at in the past is stored as is",
			change: func(c *Case) { c.DueAt = ptr(t0.Add(-time.Hour)) }},
	})
}

func TestParentType_IsKnown(t *testing.T) {
	assert.Equal(t, []ParentType{"filing", "verification", "business", "session"},
		ParentTypes())

	tests := []struct {
		name  string
		pt    ParentType
		known bool
	}{
		{name: "filing", pt: ParentFiling, known: true},
		{name: "verification", pt: ParentVerification, known: true},
		{name: "business", pt: ParentBusiness, known: true},
		{name: "session", pt: ParentSession, known: true},
		{name: "empty", pt: ""},
		{name: "capitalised", pt: "Filing"},
		{name: "unknown", pt: "account"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.pt.IsKnown())
		})
	}
}

func TestCase_Validate_DoesNotModify(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Summary = ""
	c.Metadata = metadataOf(51)
	before := c.Clone()

	err := c.Validate()

	require.Error(t, err)
	assert.Equal(t, before, c)
}

func TestCase_Clone_SharesNothing(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Response = validAnswers()
	c.ResolvedAt = ptr(t0)
	d := c.Clone()
	require.Equal(t, c, d)

	d.Metadata["external_id"] = "changed"
	*d.Details = "changed"
	*d.OpenedAt = t0.Add(time.Hour)
	*d.DueAt = t0.Add(time.Hour)
	*d.ResolvedAt = t0.Add(time.Hour)
	d.Request.(*MissingInformationRequest).Fields[3].Options[0] = "changed"
	d.Response.(*MissingInformationResponse).Fields["office"].(map[string]any)["city"] = "x"

	assert.Equal(t, "user_123", c.Metadata["external_id"])
	assert.Equal(t, "The state rejected the name.", *c.Details)
	assert.Equal(t, t0, *c.OpenedAt)
	assert.Equal(t, t0.Add(72*time.Hour), *c.DueAt)
	assert.Equal(t, t0, *c.ResolvedAt)
	assert.Equal(t, "llc", c.Request.(*MissingInformationRequest).Fields[3].Options[0])
	office := c.Response.(*MissingInformationResponse).Fields["office"].(map[string]any)
	assert.Equal(t, "Dover", office["city"])
}

func TestCase_IsOverdue(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		due    *time.Time
		now    time.Time
		want   bool
		within bool
	}{
		{name: "no due time", status: StatusNeedsResponse, now: t0},
		{name: "due later", status: StatusNeedsResponse, due: ptr(t0.Add(time.Hour)),
			now: t0, within: true},
		{name: "due now", status: StatusNeedsResponse, due: ptr(t0), now: t0, within: true},
		{name: "past due", status: StatusUnderReview, due: ptr(t0), now: t0.Add(time.Second),
			want: true},
		{name: "past due but resolved", status: StatusResolved, due: ptr(t0),
			now: t0.Add(time.Second)},
		{name: "due beyond the window", status: StatusNeedsResponse,
			due: ptr(t0.Add(3 * time.Hour)), now: t0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Case{Status: tc.status, DueAt: tc.due}
			assert.Equal(t, tc.want, c.IsOverdue(tc.now))
			assert.Equal(t, tc.within, c.IsDueWithin(tc.now, 2*time.Hour))
		})
	}
}

func TestDecoder_Case_UnknownValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		swap [][2]string
		want []at
		got  func(*Case) []string
	}{
		{"parent type, status and field type", codecCaseText(), [][2]string{
			{`"parent_type":"filing"`, `"parent_type":"court_order"`},
			{`"status":"under_review"`, `"status":"on_hold"`},
			{`"type":"email"`, `"type":"signature"`},
		}, []at{
			{"/parent_type", CodeUnknownValue},
			{"/request/fields/2/type", CodeUnknownValue},
			{"/status", CodeUnknownValue},
		}, func(c *Case) []string {
			req := c.Request.(*MissingInformationRequest)
			return []string{string(c.ParentType), string(c.Status),
				string(req.Fields[2].Type)}
		}},
		{"resolution reason", codecText(codecResolved()), [][2]string{
			{`"resolution_reason":"response_received"`, `"resolution_reason":"merged"`},
		}, []at{{"/resolution_reason", CodeUnknownValue}}, func(c *Case) []string {
			return []string{string(c.ResolutionReason)}
		}},
		{"ra_termination reason", codecText(codecRA()), [][2]string{
			{`"reason":"switching_providers"`, `"reason":"retired"`},
		}, []at{{"/request/reason", CodeUnknownValue}}, func(c *Case) []string {
			return []string{string(c.Request.(*RATerminationRequest).Reason)}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			var values []string
			for _, s := range tc.swap {
				text = codecSwap(text, s[0], s[1])
				values = append(values, strings.Split(s[1], `"`)[3])
			}
			_, err := codecStrict.Case([]byte(text))
			assertInvalid(t, err, tc.want...)

			c, err := codecLenient.Case([]byte(text))
			require.NoError(t, err)
			assert.Equal(t, values, tc.got(c))
			out, err := c.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, text, string(out))
		})
	}
}

// TestDecoder_Case_LenientSkipsRules checks that lenient decoding reads a
// case that breaks limits and invariants, which strict decoding refuses.
func TestDecoder_Case_LenientSkipsRules(t *testing.T) {
	text := codecCaseText()
	text = codecSwap(text, `"summary":"Additional information needed to complete your filing."`,
		`"summary":""`)
	text = codecSwap(text, `"parent_id":"fil_1a2b3c"`, `"parent_id":"fil 1"`)
	text = codecSwap(text, `"opened_at":"2026-03-01T09:00:00Z"`, `"opened_at":null`)
	text = codecSwap(text, `"legal_name":"Acme Holdings LLC",`, ``)

	_, err := codecStrict.Case([]byte(text))
	assertInvalid(t, err,
		at{"/opened_at", CodeRequired},
		at{"/parent_id", CodeInvalidFormat},
		at{"/response/fields/legal_name", CodeRequired},
		at{"/summary", CodeRequired},
	)

	c, err := codecLenient.Case([]byte(text))
	require.NoError(t, err)
	assert.Equal(t, "", c.Summary)
	assert.Equal(t, "fil 1", c.ParentID)
	assert.Nil(t, c.OpenedAt)
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, text, string(out))
}

func TestCase_UnmarshalJSON(t *testing.T) {
	text := codecCaseText()
	var c Case
	require.NoError(t, json.Unmarshal([]byte(text), &c))
	want, _ := codecAnswered()
	assert.Equal(t, codecText(want), codecText(&c))

	// On failure the case is left as it was.
	before := codecText(&c)
	bad := codecSwap(text, `"details":"The state rejected the name."`, `"details":{}`)
	err := json.Unmarshal([]byte(bad), &c)
	assertInvalid(t, err, at{"/details", CodeInvalidType})
	assert.Equal(t, before, codecText(&c))
}

func TestCase_IsOverdue_Boundaries(t *testing.T) {
	due := t0.Add(72 * time.Hour)
	tests := []struct {
		name  string
		start string // the name of one of lcStarts
		due   *time.Time
		now   time.Time
		want  bool
	}{
		{"before due", "needs_response", &due, due.Add(-time.Nanosecond), false},
		{"at due", "needs_response", &due, due, false},
		{"just after due", "needs_response", &due, due.Add(time.Nanosecond), true},
		{"long after due", "needs_response", &due, due.Add(1000 * time.Hour), true},
		{"under review after due", "under_review_visible", &due, due.Add(time.Nanosecond), true},
		{"no due time", "needs_response", nil, due.Add(time.Hour), false},
		{"resolved after due", "resolved", &due, due.Add(time.Hour), false},
		{"superseded after due", "superseded", &due, due.Add(time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			c.DueAt = tt.due
			assert.Equal(t, tt.want, c.IsOverdue(tt.now))
		})
	}
}

func TestCase_IsDueWithin_Boundaries(t *testing.T) {
	due := t0.Add(72 * time.Hour)
	day := 24 * time.Hour
	tests := []struct {
		name  string
		start string // the name of one of lcStarts
		due   *time.Time
		now   time.Time
		d     time.Duration
		want  bool
	}{
		{"window ends just before due", "needs_response", &due, due.Add(-day),
			day - time.Nanosecond, false},
		{"window ends at due", "needs_response", &due, due.Add(-day), day, true},
		{"window ends after due", "needs_response", &due, due.Add(-day),
			day + time.Nanosecond, true},
		{"now at due", "needs_response", &due, due, 0, true},
		{"now at due with window", "needs_response", &due, due, day, true},
		{"just overdue", "needs_response", &due, due.Add(time.Nanosecond), day, false},
		{"under review in window", "under_review_visible", &due, due.Add(-time.Hour), day, true},
		{"no due time", "needs_response", nil, due, day, false},
		{"resolved in window", "resolved", &due, due.Add(-time.Hour), day, false},
		{"superseded in window", "superseded", &due, due.Add(-time.Hour), day, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			c.DueAt = tt.due
			assert.Equal(t, tt.want, c.IsDueWithin(tt.now, tt.d))
		})
	}
}
