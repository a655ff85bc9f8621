package cases

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDecoder_NumberCutOffByTheEnd checks numbers whose text stops at the
// end of the body: each document, strict or lenient, reports one
// invalid_json item at the offset where the number's grammar fails, or
// where the member after a whole number is missing.
func TestDecoder_NumberCutOffByTheEnd(t *testing.T) {
	assertSyntaxErrors(t, []codecSyntax{
		{"minus", `{"a":-`, 6, "invalid number"},
		{"point", `{"a":1.`, 7, "invalid number"},
		{"exponent", `{"a":1e`, 7, "invalid number"},
		{"capital exponent", `{"a":0E`, 7, "invalid number"},
		{"exponent sign", `{"a":1e-`, 8, "invalid number"},
		{"whole number", `{"a":12`, 7, "expected ',' or '}' after an object member"},
		{"whole exponent", `{"a":1.5e+3`, 11, "expected ',' or '}' after an object member"},
	})
}

// TestNumberParts checks the index each part of a number returns: the one
// after the part, or -j-1 for a grammar error at byte j.
func TestNumberParts(t *testing.T) {
	tests := []struct {
		name string
		part func(string, int) int
		s    string
		i    int
		want int
	}{
		{"integer zero", integerPart, "0", 0, 1},
		{"integer zero then digit", integerPart, "01", 0, 1},
		{"integer digits", integerPart, "-120x", 1, 4},
		{"integer missing", integerPart, "-", 1, -2},
		{"integer letter", integerPart, "x", 0, -1},
		{"no fraction", fractionPart, "1e5", 1, 1},
		{"no fraction at the end", fractionPart, "1", 1, 1},
		{"fraction", fractionPart, "1.25e", 1, 4},
		{"fraction without digits", fractionPart, "1.e", 1, -3},
		{"fraction at the end", fractionPart, "1.", 1, -3},
		{"no exponent", exponentPart, "1,", 1, 1},
		{"no exponent at the end", exponentPart, "1", 1, 1},
		{"exponent", exponentPart, "1e10]", 1, 4},
		{"capital exponent with sign", exponentPart, "1E+7", 1, 4},
		{"negative exponent", exponentPart, "1e-07", 1, 5},
		{"exponent without digits", exponentPart, "1e}", 1, -3},
		{"exponent at the end", exponentPart, "1e", 1, -3},
		{"exponent sign at the end", exponentPart, "1e-", 1, -4},
		{"exponent sign twice", exponentPart, "1e+-1", 1, -4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.part(tc.s, tc.i))
		})
	}
}
