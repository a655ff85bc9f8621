package cases

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// This file holds the character rules of section 1.3 of the
// specification and the patterns of IDs and field names. The validator
// tags of the mirrors name them (see newRules); code that checks a string
// outside a mirror calls them directly.

// isOneLine reports whether s is valid UTF-8 with no control characters
// and no line or paragraph separators.
func isOneLine(s string) bool { return scanText(s, false, false) }

// isText reports whether s is valid UTF-8 whose only control characters
// are tabs and line breaks.
func isText(s string) bool { return scanText(s, true, true) }

// hasNoControl reports whether s is valid UTF-8 with no control
// characters; line and paragraph separators are allowed.
func hasNoControl(s string) bool { return scanText(s, false, true) }

// scanText checks s in one pass: valid UTF-8, no control character but
// tab and line breaks when breaks is set, and no U+2028 or U+2029 unless
// separators is set. An ASCII byte is decided on its own.
func scanText(s string, breaks, separators bool) bool {
	for i := 0; i < len(s); {
		if i = printableRun(s, i); i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if !isAllowedASCII(c, breaks) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) {
			return false
		}
		if !separators && (r == '\u2028' || r == '\u2029') {
			return false
		}
		i += size
	}
	return true
}

// isAllowedASCII reports whether the ASCII byte c may stand in text: any
// but a control character, and tab and line breaks when breaks is set.
func isAllowedASCII(c byte, breaks bool) bool {
	if c >= 0x20 && c != 0x7F {
		return true
	}
	return breaks && (c == '\n' || c == '\r' || c == '\t')
}

// printableRun returns the index of the first byte from i on, in steps of
// eight, that may not be printable ASCII (0x20 to 0x7E), or len(s): the
// callers decide the bytes from there one by one.
func printableRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		// A high bit marks a byte below 0x20, or one from 0x7F on (the
		// carry out of 0xFF can only follow a byte already marked).
		if ((x-ones*0x20)&^x|(x+ones)|x)&highs != 0 {
			return i
		}
	}
	return i
}

// isNotBlank reports whether s holds a character that is not white space.
func isNotBlank(s string) bool { return strings.TrimSpace(s) != "" }

// isControl reports whether r is a control character: U+0000 to U+001F
// or U+007F to U+009F.
func isControl(r rune) bool { return r <= 0x1F || (0x7F <= r && r <= 0x9F) }

// isOpaqueID reports whether s is 1 to 128 characters of A-Z a-z 0-9 and
// "_-.:", the form of parent IDs and uploaded-document IDs.
func isOpaqueID(s string) bool {
	if len(s) == 0 || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '_' && c != '-' && c != '.' && c != ':' {
			return false
		}
	}
	return true
}

// isFieldName reports whether s matches ^[a-z][a-z0-9_]{0,63}$.
func isFieldName(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z') && !('0' <= c && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isCanonicalUUID reports whether s is a UUID written in the canonical
// lowercase form.
func isCanonicalUUID(s string) bool {
	if len(s) != 36 || uuid.Validate(s) != nil {
		return false
	}
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'F' {
			return false
		}
	}
	return true
}

// hasHostName reports whether the absolute URL s names a host: a URL such
// as "http://:80" has a port and no host.
func hasHostName(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Hostname() != ""
}
