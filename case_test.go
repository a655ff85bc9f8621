package cases

import (
	"strconv"
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

// metadataOf returns n pairs with distinct keys.
func metadataOf(n int) Metadata {
	m := Metadata{}
	for i := range n {
		m["k"+strconv.Itoa(i)] = "v"
	}
	return m
}

func TestCase_Validate_Metadata(t *testing.T) {
	set := func(m Metadata) func(*Case) { return func(c *Case) { c.Metadata = m } }
	one := func(k, v string) func(*Case) { return set(Metadata{k: v}) }
	long := strings.Repeat("v", 501)
	bad := func(name, k, v, p string, code Code) caseRow {
		return caseRow{name: name, change: one(k, v), want: []at{{p, code}}}
	}
	withBad := metadataOf(51)
	withBad["a[b"] = "v"
	runCaseRows(t, []caseRow{
		{name: "nil", change: set(nil)},
		{name: "empty", change: set(Metadata{})},
		{name: "50 pairs", change: set(metadataOf(50))},
		{name: "51 pairs", change: set(metadataOf(51)),
			want: []at{{"/metadata", CodeTooMany}}},
		{name: "51 pairs and a bad key", change: set(withBad), want: []at{
			{"/metadata", CodeTooMany}, {"/metadata/a[b", CodeInvalidFormat},
		}},
		{name: "key of 40 characters", change: one(strings.Repeat("k", 40), "v")},
		{name: "key of 40 two-byte characters", change: one(strings.Repeat("é", 40), "v")},
		bad("key of 41 characters", strings.Repeat("k", 41), "v",
			"/metadata/"+strings.Repeat("k", 41), CodeTooLong),
		bad("key of 41 two-byte characters", strings.Repeat("é", 41), "v",
			"/metadata/"+strings.Repeat("é", 41), CodeTooLong),
		{name: "value of 500 characters", change: one("k", strings.Repeat("é", 500))},
		{name: "empty value", change: one("k", "")},
		bad("value of 501 characters", "k", strings.Repeat("é", 501),
			"/metadata/k", CodeTooLong),
		bad("value of 501 ASCII characters", "k", long, "/metadata/k", CodeTooLong),
		bad("value not UTF-8", "k", "a\xffb", "/metadata/k", CodeInvalidFormat),
		bad("empty key", "", "v", "/metadata/", CodeInvalidFormat),
		bad("open bracket", "a[b", "v", "/metadata/a[b", CodeInvalidFormat),
		bad("close bracket", "a]", "v", "/metadata/a]", CodeInvalidFormat),
		bad("brackets", "items[0]", "v", "/metadata/items[0]", CodeInvalidFormat),
		bad("line feed in key", "a\nb", "v", "/metadata/a\nb", CodeInvalidFormat),
		bad("NUL in key", "a\x00", "v", "/metadata/a\x00", CodeInvalidFormat),
		bad("DEL in key", "a\x7f", "v", "/metadata/a\x7f", CodeInvalidFormat),
		bad("C1 control in key", "a\u0085", "v", "/metadata/a\u0085", CodeInvalidFormat),
		{name: "slash and tilde in keys", change: set(Metadata{"customer/tier": "gold",
			"a~b": "c", "~/": "x"})},
		bad("slash escaped", "customer/tier", long, "/metadata/customer~1tier", CodeTooLong),
		bad("tilde escaped", "a~b", long, "/metadata/a~0b", CodeTooLong),
		bad("tilde before slash", "~/", long, "/metadata/~0~1", CodeTooLong),
		bad("slash before tilde", "/~", long, "/metadata/~1~0", CodeTooLong),
		bad("escaped in a bad key", "a/[", "v", "/metadata/a~1[", CodeInvalidFormat),
		{name: "long key and long value", change: one(strings.Repeat("k", 41), long),
			want: []at{
				{"/metadata/" + strings.Repeat("k", 41), CodeTooLong},
				{"/metadata/" + strings.Repeat("k", 41), CodeTooLong},
			}},
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
