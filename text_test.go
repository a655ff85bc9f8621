package cases

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestTextRules(t *testing.T) {
	tests := []struct {
		name    string
		s       string
		oneLine bool
		text    bool
	}{
		{name: "empty", s: "", oneLine: true, text: true},
		{name: "plain", s: "Acme LLC", oneLine: true, text: true},
		{name: "multi-byte", s: "é😀", oneLine: true, text: true},
		{name: "line feed", s: "a\nb", text: true},
		{name: "carriage return", s: "a\rb", text: true},
		{name: "tab", s: "a\tb", text: true},
		{name: "NUL", s: "\x00"},
		{name: "U+001F", s: "\x1f"},
		{name: "space is no control", s: " ", oneLine: true, text: true},
		{name: "DEL", s: "\x7f"},
		{name: "U+0080", s: "\u0080"},
		{name: "U+009F", s: "\u009f"},
		{name: "U+00A0 is no control", s: "\u00a0", oneLine: true, text: true},
		{name: "line separator", s: "\u2028", text: true},
		{name: "paragraph separator", s: "\u2029", text: true},
		{name: "invalid UTF-8", s: "\xff"},
		{name: "replacement character is valid", s: "\ufffd", oneLine: true, text: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.oneLine, isOneLine(tc.s), "isOneLine")
			assert.Equal(t, tc.text, isText(tc.s), "isText")
		})
	}
}

func TestPatternRules(t *testing.T) {
	tests := []struct {
		name   string
		s      string
		opaque bool
		field  bool
	}{
		{name: "empty", s: ""},
		{name: "one letter", s: "a", opaque: true, field: true},
		{name: "snake case", s: "legal_name_2", opaque: true, field: true},
		{name: "64 characters", s: strings.Repeat("a", 64), opaque: true, field: true},
		{name: "65 characters", s: strings.Repeat("a", 65), opaque: true},
		{name: "128 characters", s: strings.Repeat("A", 128), opaque: true},
		{name: "129 characters", s: strings.Repeat("A", 129)},
		{name: "punctuation of IDs", s: "fil_1-2.3:4", opaque: true},
		{name: "leading z", s: "z", opaque: true, field: true},
		{name: "z after the first letter", s: "az", opaque: true, field: true},
		{name: "digits 0 and 9", s: "a09", opaque: true, field: true},
		{name: "leading digit", s: "1a", opaque: true},
		{name: "leading underscore", s: "_a", opaque: true},
		{name: "leading brace, the byte after z", s: "{a"},
		{name: "upper case", s: "Ab", opaque: true},
		{name: "space", s: "a b"},
		{name: "slash", s: "a/b"},
		{name: "non-ASCII", s: "é"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.opaque, isOpaqueID(tc.s), "isOpaqueID")
			assert.Equal(t, tc.field, isFieldName(tc.s), "isFieldName")
		})
	}
}

// TestCanonicalUUID checks the form of case and event IDs: lowercase hex
// digits only, so each of A to F in capitals is refused.
func TestCanonicalUUID(t *testing.T) {
	const id = "0190d6a4-5c5e-7b6e-8f00-000000000001"
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{name: "canonical", s: id, want: true},
		{name: "every letter a to f", s: "abcdefab-cdef-4abc-8def-abcdefabcdef", want: true},
		{name: "capital A", s: "0190d6A4-5c5e-7b6e-8f00-000000000001"},
		{name: "capital D", s: "0190D6a4-5c5e-7b6e-8f00-000000000001"},
		{name: "capital F", s: "0190d6a4-5c5e-7b6e-8F00-000000000001"},
		{name: "all capitals", s: strings.ToUpper(id)},
		{name: "no hyphens", s: "0190d6a45c5e7b6e8f00000000000001"},
		{name: "braces", s: "{" + id + "}"},
		{name: "URN", s: "urn:uuid:" + id},
		{name: "letter past f", s: "0190d6g4-5c5e-7b6e-8f00-000000000001"},
		{name: "empty", s: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, isCanonicalUUID(tc.s))
		})
	}
}

// wordSamples returns strings that put each byte value, and a few
// multi-byte sequences, at every position of a 19-byte printable string,
// so that each lands in every lane of an eight-byte word and in the tail.
func wordSamples() []string {
	const base = "abcdefghijklmnopqrs"
	var out []string
	insert := func(x string) {
		for i := 0; i <= len(base); i++ {
			out = append(out, base[:i]+x+base[i:])
		}
	}
	for c := 0; c < 256; c++ {
		insert(string([]byte{byte(c)}))
	}
	for _, x := range []string{"é", "\u0085", "\u2028", "\u2029", "\U0001F600",
		"\xed\xa0\x80", "\xc3", "\xff\xfe", "~\x7f", "\xef\xbf\xbd"} {
		insert(x)
	}
	return out
}

// TestTextRules_AgreeWithRuneByRune pins the word-at-a-time checks of
// isOneLine and isText to the rules read one character at a time.
func TestTextRules_AgreeWithRuneByRune(t *testing.T) {
	oneLine := func(s string) bool {
		if !utf8.ValidString(s) {
			return false
		}
		for _, r := range s {
			if isControl(r) || r == '\u2028' || r == '\u2029' {
				return false
			}
		}
		return true
	}
	text := func(s string) bool {
		if !utf8.ValidString(s) {
			return false
		}
		for _, r := range s {
			if isControl(r) && r != '\n' && r != '\r' && r != '\t' {
				return false
			}
		}
		return true
	}
	for _, s := range wordSamples() {
		assert.Equal(t, oneLine(s), isOneLine(s), "isOneLine(%q)", s)
		assert.Equal(t, text(s), isText(s), "isText(%q)", s)
	}
}
