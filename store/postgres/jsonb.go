package postgres

import (
	"github.com/casekit/cases"
)

// maxJSONBDigits bounds the digits of a number that the store trusts
// jsonb to keep as written. jsonb holds far more (131,072 before the
// point, 16,383 after it); the bound only needs to be safe.
const maxJSONBDigits = 1000

// docColumns encodes c and returns the values of the columns doc (jsonb)
// and doc_json (json) that keep it: the encoding goes to doc when jsonb
// gives it back exactly, and to doc_json otherwise; the other is nil,
// which is NULL.
func docColumns(c *cases.Case) (doc, docJSON any, err error) {
	b, err := c.MarshalJSON()
	if err != nil {
		return nil, nil, err
	}
	if c.Kind.IsKnown() && jsonbKeeps(b) {
		return b, nil, nil
	}
	return nil, b, nil
}

// jsonbKeeps reports whether jsonb keeps every value of the JSON text b
// as it is written, so that decoding jsonb's text of it and encoding the
// result again gives b: no string holds U+0000, which jsonb refuses, and
// every number is in the form jsonb writes back (no exponent, no
// negative zero, at most maxJSONBDigits digits). Key order and spaces do
// not matter: the cases package encodes in an order of its own. A
// payload of a kind the package does not know is kept as raw text, which
// jsonb would reformat: docColumns does not ask about those. b must be
// valid JSON.
func jsonbKeeps(b []byte) bool {
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '"':
			end, ok := stringEnd(b, i+1)
			if !ok {
				return false
			}
			i = end
		case c == '-' || '0' <= c && c <= '9':
			end := i + 1
			for end < len(b) && isNumberByte(b[end]) {
				end++
			}
			if !isPlainNumber(b[i:end]) {
				return false
			}
			i = end
		default:
			i++
		}
	}
	return true
}

// stringEnd returns the index after the closing quote of the string
// whose text starts at b[i], and false when the string holds an escaped
// U+0000. (JSON text cannot hold a raw one.)
func stringEnd(b []byte, i int) (int, bool) {
	for i < len(b) {
		switch b[i] {
		case '"':
			return i + 1, true
		case '\\':
			if i+5 < len(b) && b[i+1] == 'u' && string(b[i+2:i+6]) == "0000" {
				return 0, false
			}
			i += 2
		default:
			i++
		}
	}
	return len(b), true
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
}

// isPlainNumber reports whether the JSON number n is written as jsonb
// writes it back.
func isPlainNumber(n []byte) bool {
	digits, nonZero := 0, false
	for _, c := range n {
		switch {
		case c == 'e' || c == 'E':
			return false
		case '1' <= c && c <= '9':
			nonZero = true
			digits++
		case c == '0':
			digits++
		}
	}
	negativeZero := n[0] == '-' && !nonZero
	return !negativeZero && digits <= maxJSONBDigits
}
