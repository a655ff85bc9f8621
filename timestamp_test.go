package cases

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecTimestamp is a due_at value and what strict decoding makes of it.
type codecTimestamp struct {
	name string
	raw  string
	want time.Time
	code Code // the code at /due_at when the value is refused
}

func codecTimestamps() []codecTimestamp {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	want := utc(2030, 1, 2, 3, 4, 5, 0)
	return []codecTimestamp{
		{"utc", `"2030-01-02T03:04:05Z"`, want, ""},
		{"positive offset", `"2030-01-02T05:04:05+02:00"`, want, ""},
		{"negative offset", `"2030-01-01T22:04:05-05:00"`, want, ""},
		{"zero offset", `"2030-01-02T03:04:05+00:00"`, want, ""},
		{"half hour offset across a year", `"2029-12-31T23:30:00-03:30"`,
			utc(2030, 1, 1, 3, 0, 0, 0), ""},
		{"fraction", `"2030-01-02T03:04:05.5Z"`, utc(2030, 1, 2, 3, 4, 5, 5e8), ""},
		{"nanoseconds", `"2030-01-02T03:04:05.123456789+01:00"`,
			utc(2030, 1, 2, 2, 4, 5, 123456789), ""},
		{"year 0000", `"0000-01-01T00:00:00Z"`, utc(0, 1, 1, 0, 0, 0, 0), ""},
		{"year 9999", `"9999-12-31T23:59:59Z"`, utc(9999, 12, 31, 23, 59, 59, 0), ""},
		{"leap second", `"2016-12-31T23:59:60Z"`, time.Time{}, CodeInvalidFormat},
		{"leap second with offset", `"2030-06-30T23:59:60+00:00"`, time.Time{},
			CodeInvalidFormat},
		{"date only", `"2030-01-02"`, time.Time{}, CodeInvalidFormat},
		{"no offset", `"2030-01-02T03:04:05"`, time.Time{}, CodeInvalidFormat},
		{"space for T", `"2030-01-02 03:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"february 30", `"2030-02-30T00:00:00Z"`, time.Time{}, CodeInvalidFormat},
		{"hour 24", `"2030-01-02T24:00:00Z"`, time.Time{}, CodeInvalidFormat},
		{"empty", `""`, time.Time{}, CodeInvalidFormat},
		{"short month", `"2030-1-02T03:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"single digit hour", `"2030-01-02T3:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"comma fraction", `"2030-01-02T03:04:05,5Z"`, time.Time{}, CodeInvalidFormat},
		{"offset hour 24", `"2030-01-02T03:04:05+24:00"`, time.Time{},
			CodeInvalidFormat},
		{"offset minute 60", `"2030-01-02T03:04:05+01:60"`, time.Time{},
			CodeInvalidFormat},
		{"offset without colon", `"2030-01-02T03:04:05+0100"`, time.Time{},
			CodeInvalidFormat},
		{"unix seconds in a string", `"1700000000"`, time.Time{}, CodeInvalidFormat},
		{"number", `1700000000`, time.Time{}, CodeInvalidType},
		{"object", `{}`, time.Time{}, CodeInvalidType},
		{"array", `["2030-01-02T03:04:05Z"]`, time.Time{}, CodeInvalidType},
	}
}

func TestDecoder_Timestamps(t *testing.T) {
	for _, tc := range codecTimestamps() {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecOpen("due_at", tc.raw))
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				o, err := dec.Open(body)
				if tc.code != "" {
					assertInvalid(t, err, at{"/due_at", tc.code})
					continue
				}
				require.NoError(t, err)
				require.NotNil(t, o.DueAt)
				assert.Equal(t, tc.want, *o.DueAt)
				assert.Equal(t, time.UTC, o.DueAt.Location())
			}
		})
	}
}

// TestDecoder_TimestampOutsideRFC3339 checks offsets that move a time out
// of the years RFC 3339 can write: such a time could not be encoded back,
// so it is refused as a malformed timestamp.
func TestDecoder_TimestampOutsideRFC3339(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"after year 9999", `"9999-12-31T23:59:59-01:00"`},
		{"before year 0000", `"0000-01-01T00:30:00+01:00"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := codecStrict.Open([]byte(codecOpen("due_at", tc.raw)))
			assertInvalid(t, err, at{"/due_at", CodeInvalidFormat})
		})
	}
}

func TestCase_MarshalJSON_Timestamps(t *testing.T) {
	india := time.FixedZone("IST", 5*3600+1800)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"whole seconds", t0, `"2026-03-01T09:00:00Z"`},
		{"half a second", t0.Add(500 * time.Millisecond), `"2026-03-01T09:00:00.5Z"`},
		{"trailing zeros trimmed", t0.Add(120 * time.Millisecond),
			`"2026-03-01T09:00:00.12Z"`},
		{"one nanosecond", t0.Add(time.Nanosecond), `"2026-03-01T09:00:00.000000001Z"`},
		{"nanoseconds", t0.Add(123456789), `"2026-03-01T09:00:00.123456789Z"`},
		{"offset converted to UTC", t0.In(india), `"2026-03-01T09:00:00Z"`},
		{"offset across midnight", time.Date(2026, 3, 1, 2, 0, 0, 0, india),
			`"2026-02-28T20:30:00Z"`},
		{"year 0000", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), `"0000-01-01T00:00:00Z"`},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
			`"9999-12-31T23:59:59Z"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := codecResolved()
			c.CreatedAt, c.UpdatedAt = tc.at, tc.at
			c.OpenedAt, c.DueAt, c.ResolvedAt = &tc.at, &tc.at, &tc.at
			members := codecMembers(t, c)
			for _, k := range []string{
				"created_at", "updated_at", "opened_at", "due_at", "resolved_at",
			} {
				assert.Equal(t, tc.want, members[k], k)
			}
		})
	}
}

// TestCase_MarshalJSON_TimeOutsideRFC3339 checks that a time whose year
// RFC 3339 cannot write is an encoding error, not a malformed timestamp.
func TestCase_MarshalJSON_TimeOutsideRFC3339(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   time.Time
	}{
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"year -1", time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"year 10000 after conversion to UTC",
			time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("W", -2*3600))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := codecOpened()
			c.DueAt = &tc.at
			_, err := c.MarshalJSON()
			assert.ErrorIs(t, err, errEncode)
		})
	}
}

// TestIsTwoDigits checks the two-digit fields of a timestamp: both bytes
// must be digits, and their number at most the field's maximum.
func TestIsTwoDigits(t *testing.T) {
	tests := []struct {
		name string
		s    string
		i    int
		max  int
		want bool
	}{
		{"zero", "00", 0, 23, true},
		{"at the maximum", "23", 0, 23, true},
		{"past the maximum", "24", 0, 23, false},
		{"inside a string", "T09:", 1, 23, true},
		{"second byte a colon", "0:", 0, 59, false},
		{"second byte a letter", "1A", 0, 59, false},
		{"first byte a colon", ":0", 0, 59, false},
		{"first byte a space", " 1", 0, 59, false},
		{"one digit at the end", "T1", 1, 23, false},
		{"nothing left", "T", 1, 23, false},
		{"past the end", "T", 2, 23, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, isTwoDigits(tc.s, tc.i, tc.max))
		})
	}
}
