package cases

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// rawString reads the string that starts at r.pos. Invalid UTF-8 and lone
// surrogate escapes are reported at the current pointer (or at the key's
// own pointer when isKey) and give ok false; the string is still consumed.
func (r *reader) rawString(isKey bool) (s string, ok bool) {
	start := r.pos + 1
	i := start
	for i < len(r.s) {
		i = plainRun(r.s, i)
		if i == len(r.s) {
			break
		}
		c := r.s[i]
		switch {
		case c == '"':
			r.pos = i + 1
			return r.s[start:i], true
		case c == '\\':
			return r.escapedString(start, isKey)
		case c < 0x20:
			r.pos = i
			r.syntax("control character in a string")
			return "", false
		default:
			if rn, size := utf8.DecodeRuneInString(r.s[i:]); rn != utf8.RuneError || size > 1 {
				i += size
				continue
			}
			return r.escapedString(start, isKey)
		}
	}
	r.pos = len(r.s)
	r.syntax("unterminated string")
	return "", false
}

// plain marks the bytes that stand for themselves in a JSON string: ASCII
// other than control characters, the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainRun returns the index of the first byte from i on that is not
// plain, or len(s). It tests eight bytes at a time: most bytes of most
// strings need no decision beyond that.
func plainRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		quote, backslash := x^(ones*'"'), x^(ones*'\\')
		// A high bit marks a byte below 0x20, a quote, a backslash, or a
		// byte past ASCII.
		if ((x-ones*0x20)&^x|(quote-ones)&^quote|(backslash-ones)&^backslash|x)&highs != 0 {
			break
		}
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// ones and highs have one bit in each byte of a word: the lowest and the
// highest. With them a word tests eight bytes at once.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// load8 returns the eight bytes of s from i as a little-endian word.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// escapedString reads a string that needs decoding, from its first byte.
// Decoding only shrinks a string, so one allocation of its raw length
// holds the result.
func (r *reader) escapedString(start int, isKey bool) (string, bool) {
	var b strings.Builder
	b.Grow(rawLength(r.s, start))
	problem := ""
	i := start
	for i < len(r.s) {
		c := r.s[i]
		switch {
		case c == '"':
			r.pos = i + 1
			if problem != "" {
				r.reportString(b.String(), isKey, problem)
				return "", false
			}
			return b.String(), true
		case c < 0x20:
			r.pos = i
			r.syntax("control character in a string")
			return "", false
		case c == '\\':
			n, p := r.escape(&b, i)
			if n == 0 {
				return "", false
			}
			if p != "" {
				problem = p
			}
			i += n
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			rn, size := utf8.DecodeRuneInString(r.s[i:])
			if rn == utf8.RuneError && size == 1 {
				problem = "must be valid UTF-8"
			}
			b.WriteString(r.s[i : i+size])
			i += size
		}
	}
	r.pos = len(r.s)
	r.syntax("unterminated string")
	return "", false
}

// rawLength returns the length of the raw string that starts at start,
// up to its closing quote or the end of s.
func rawLength(s string, start int) int {
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '"':
			return i - start
		case '\\':
			i++
		}
	}
	return len(s) - start
}

func (r *reader) reportString(s string, isKey bool, problem string) {
	if isKey {
		r.push(s)
		r.fail(CodeInvalidFormat, "key "+problem)
		r.pop()
		return
	}
	r.fail(CodeInvalidFormat, "string "+problem)
}

// escape decodes the escape sequence at i into b. It returns the number
// of bytes read, or 0 after a syntax error, and the problem of an escape
// that is valid JSON but not a character: a lone UTF-16 surrogate.
func (r *reader) escape(b *strings.Builder, i int) (int, string) {
	if i+1 >= len(r.s) {
		r.pos = i
		r.syntax("unterminated string")
		return 0, ""
	}
	switch c := r.s[i+1]; c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		return r.unicodeEscape(b, i)
	default:
		r.pos = i
		r.syntax("invalid escape sequence in a string")
		return 0, ""
	}
	return 2, ""
}

// unicodeEscape decodes a \u escape, or a surrogate pair of two.
func (r *reader) unicodeEscape(b *strings.Builder, i int) (int, string) {
	rn, ok := r.hex4(i + 2)
	if !ok {
		return 0, ""
	}
	if !utf16.IsSurrogate(rn) {
		b.WriteRune(rn)
		return 6, ""
	}
	if rn < 0xDC00 && i+11 < len(r.s) && r.s[i+6] == '\\' && r.s[i+7] == 'u' {
		lo, ok := r.hex4(i + 8)
		if !ok {
			return 0, ""
		}
		if pair := utf16.DecodeRune(rn, lo); pair != utf8.RuneError {
			b.WriteRune(pair)
			return 12, ""
		}
	}
	b.WriteRune(utf8.RuneError)
	return 6, "must not contain a lone UTF-16 surrogate"
}

func (r *reader) hex4(i int) (rune, bool) {
	if i+4 > len(r.s) {
		r.pos = i
		r.syntax("invalid \\u escape in a string")
		return 0, false
	}
	var v rune
	for _, c := range []byte(r.s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			r.pos = i
			r.syntax("invalid \\u escape in a string")
			return 0, false
		}
		v = v<<4 | rune(c)
	}
	return v, true
}
