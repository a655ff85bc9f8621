package cases

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchema_PatternsAgreeWithTheRules checks each pattern against the Go
// rule it stands for, on strings at and past its edges.
func TestSchema_PatternsAgreeWithTheRules(t *testing.T) {
	phone := func(s string) bool { return s != "" && s[0] == '+' && rules.Var(s, "e164") == nil }
	tests := []struct {
		tag     string
		match   func(string) bool
		samples []string
	}{
		{"oneline", isOneLine, []string{"", "a b", "a\tb", "a\nb", "a\u007fb", "a\u0085b",
			"a\u009fb", "a\u00a0b", "a\u2028b", "a\u2029b", "é"}},
		{"text", isText, []string{"", "a\nb", "a\r\n\tb", "a\x00b", "a\x0bb", "a\x0cb",
			"a\u0080b", "a\u2028b"}},
		{"opaque", isOpaqueID, []string{"", "fil_1a2b3c", "1234-5678-9012", "a:b.c",
			"a b", "a/b", strings.Repeat("x", 128), strings.Repeat("x", 129)}},
		{"field", isFieldName, []string{"", "a", "corrected_legal_name", "A", "1a", "a-b",
			"a" + strings.Repeat("b", 63), "a" + strings.Repeat("b", 64)}},
		{"caseid", isCanonicalUUID, []string{"", "0190d6a4-5c5e-7b6e-8f00-000000000001",
			"0190D6A4-5C5E-7B6E-8F00-000000000001", "0190d6a45c5e7b6e8f00000000000001",
			"{0190d6a4-5c5e-7b6e-8f00-000000000001}"}},
		{"e164", phone, []string{"", "+13025550100", "13025550100", "+1302555", "+130255",
			"+123456789012345", "+1234567890123456", "+01234567"}},
		{"notblank", isNotBlank, []string{"", " ", "\t\n\v\f\r", "\u0085\u00a0\u1680",
			"\u2000\u200a\u2028\u2029\u202f\u205f\u3000", "\u180e", "\u200b", " a "}},
		{"date", func(s string) bool {
			_, err := time.Parse(time.DateOnly, s)
			return err == nil && len(s) == 10
		}, []string{"2025-10-24", "2025-1-24", "2025-10-24T00:00:00Z"}},
		{"http_url", isURLAnswer, []string{"https://example.com/x", "HTTP://EXAMPLE.COM",
			"http://", "ftp://example.com", "example.com", "https:///x", "http://[::1]:80/x",
			"https://user:pw@example.com", "http://a@b@example.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			s, _ := typeSchema(reflect.TypeFor[string](), []string{tt.tag})
			patterns := collectPatterns(s)
			require.NotEmpty(t, patterns)
			for _, sample := range tt.samples {
				ok := true
				for _, p := range patterns {
					ok = ok && regexp.MustCompile(p).MatchString(sample)
				}
				// The format keywords narrow these two further.
				if tt.tag == "date" || tt.tag == "http_url" {
					if tt.match(sample) {
						assert.True(t, ok, "%q", sample)
					}
					continue
				}
				assert.Equal(t, tt.match(sample), ok, "%q", sample)
			}
		})
	}
}

// isURLAnswer reports whether the library takes s as the answer to a url
// field.
func isURLAnswer(s string) bool {
	_, ok, _ := stringRule(FieldURL, s)
	return ok
}

// TestSchema_URLPatternNeedsAHostName checks the pattern of url answers on
// the authorities net/url reads, with and without a host name.
func TestSchema_URLPatternNeedsAHostName(t *testing.T) {
	pattern := regexp.MustCompile(urlPattern)
	tests := []struct {
		url  string
		want bool
	}{
		{"http://example.com", true},
		{"HTTPS://example.com:443/x?q#f", true},
		{"http://user@example.com", true},
		{"http://user:pw@example.com:8080", true},
		{"http://a@b@example.com/", true},
		{"http://:pw@example.com", true},
		{"http://[::1]:80/", true},
		{"http://:80", false},
		{"https://:443/x", false},
		{"http://user@:80", false},
		{"http://@:80", false},
		{"http://", false},
		{"http:///x", false},
		{"http://?q", false},
		{"http://#f", false},
		{"http://@", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			assert.Equal(t, tt.want, pattern.MatchString(tt.url))
			assert.Equal(t, tt.want, isURLAnswer(tt.url), "the library's rule")
		})
	}
}

func collectPatterns(s jsonObj) []string {
	var out []string
	if p, ok := s["pattern"].(string); ok {
		out = append(out, p)
	}
	all, _ := s["allOf"].([]any)
	for _, a := range all {
		out = append(out, a.(jsonObj)["pattern"].(string))
	}
	return out
}

func TestSchema_TimestampPatternAgreesWithTheParser(t *testing.T) {
	pattern := regexp.MustCompile(timestampDef()["pattern"].(string))
	for _, s := range []string{
		"2025-10-24T10:30:00Z", "2025-10-24T10:30:00.5Z", "2025-10-24T10:30:00.123456789Z",
		"2025-10-24T10:30:00+02:00", "2025-10-24T10:30:00-23:59", "2025-10-24t10:30:00Z",
		"2025-10-24T10:30:00z", "2025-10-24 10:30:00Z", "2025-10-24T10:30:60Z",
		"2025-10-24T24:00:00Z", "2025-10-24T10:30Z",
		"2025-10-24T10:30:00", "2025-10-24T10:30:00.Z", "2025-10-24T10:30:00+99:00",
		"2025-10-24T10:30:00+24:00", "2025-10-24T10:30:00+23:60",
	} {
		_, err := parseTimestamp(s)
		if err == nil {
			assert.True(t, pattern.MatchString(s), "%q parses but does not match", s)
		} else {
			assert.False(t, pattern.MatchString(s), "%q matches but does not parse", s)
		}
	}
}

func TestLongestAccepted(t *testing.T) {
	assert.Equal(t, 128, longestAccepted(isOpaqueID, "a"))
	assert.Equal(t, 64, longestAccepted(isFieldName, "a"))
	assert.Equal(t, 3, longestAccepted(func(s string) bool { return len(s) <= 7 }, "ab"))
	const msg = "cases: no length limit found for a pattern"
	assert.PanicsWithValue(t, msg, func() {
		longestAccepted(func(string) bool { return false }, "a")
	})
	assert.PanicsWithValue(t, msg, func() {
		longestAccepted(func(string) bool { return true }, "a")
	})
}

// optionalRules is a mirror none of whose keys its tags require.
type optionalRules struct {
	Note *string `name:"note" validate:"omitnil,max=5"`
}

// TestObjectSchema_Required checks that an object lists the keys its
// tags or its caller require, and has no required keyword when there are
// none: an empty list is not a valid required keyword before draft 6.
func TestObjectSchema_Required(t *testing.T) {
	const props = `"additionalProperties":false,` +
		`"properties":{"note":{"maxLength":5,"type":["string","null"]}},`
	tests := []struct {
		name     string
		required []string
		want     string
	}{
		{"none", nil, `{` + props + `"type":"object"}`},
		{"by the caller", []string{"note"}, `{` + props + `"required":["note"],"type":"object"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := objectSchema(reflect.TypeFor[optionalRules](), nil, nil, tc.required...)
			assert.JSONEq(t, tc.want, string(codecMust(json.Marshal(s))))
		})
	}
}

// TestTypeSchema_Dive checks that the tags before dive describe a slice
// and those after it each element, wherever dive stands.
func TestTypeSchema_Dive(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want string
	}{
		{"no dive", "max=2", `{"items":{"type":"string"},"maxItems":2,"type":"array"}`},
		{"dive first", "dive,max=3",
			`{"items":{"maxLength":3,"type":"string"},"type":"array"}`},
		{"dive last", "max=2,dive", `{"items":{"type":"string"},"maxItems":2,"type":"array"}`},
		{"dive between", "omitnil,min=1,dive,max=3",
			`{"items":{"maxLength":3,"type":"string"},"minItems":1,"type":["array","null"]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, required := typeSchema(reflect.TypeFor[[]string](), strings.Split(tc.tags, ","))
			assert.False(t, required)
			assert.JSONEq(t, tc.want, string(codecMust(json.Marshal(s))))
		})
	}
}

// TestASCIIJSON checks that every character outside ASCII, DEL included,
// is written as a JSON escape, and one outside the Basic Multilingual
// Plane as its UTF-16 surrogate pair.
func TestASCIIJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ASCII", `{"a":"~ z"}`, `{"a":"~ z"}`},
		{"DEL", "\x7f", `\u007f`},
		{"two bytes", "é", `\u00e9`},
		{"line separator", "\u2028", `\u2028`},
		{"last of the plane", "\uffff", `\uffff`},
		{"first past the plane", "\U00010000", `\ud800\udc00`},
		{"emoji", "a\U0001F600b", `a\ud83d\ude00b`},
		{"last character", "\U0010FFFF", `\udbff\udfff`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, string(asciiJSON([]byte(tc.in))))
		})
	}
}
