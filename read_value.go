package cases

import (
	"encoding/json"
	"strings"
	"time"
)

// str reads a string value; null and other types are reported.
func (r *reader) str(subject string) (string, bool) {
	if r.peek() != '"' {
		r.typeError(subject, "a string")
		return "", false
	}
	return r.rawString(false)
}

// optStr reads a string or null; null gives ok and a nil result.
func (r *reader) optStr(subject string) (*string, bool) {
	if r.null() {
		return nil, true
	}
	s, ok := r.str(subject)
	if !ok {
		return nil, false
	}
	return &s, true
}

// reqStr reads a string that may not be null. Null leaves "" so that
// validation reports the value as required.
func (r *reader) reqStr(subject string) string {
	if r.null() {
		return ""
	}
	s, _ := r.str(subject)
	return s
}

// timestamp reads an RFC 3339 string and converts it to UTC.
func (r *reader) timestamp(subject string) (time.Time, bool) {
	s, ok := r.str(subject)
	if !ok {
		return time.Time{}, false
	}
	return r.parseTime(s, subject)
}

// parseTime parses the timestamp s that was just read, reporting one
// that is not RFC 3339.
func (r *reader) parseTime(s, subject string) (time.Time, bool) {
	t, err := parseTimestamp(s)
	if err != nil {
		r.fail(CodeInvalidFormat, subject+" must be an RFC 3339 timestamp")
		return time.Time{}, false
	}
	return t, true
}

// reqTimestamp reads a timestamp that the document requires. Null leaves
// the zero time, and so does a blank string when decoding is strict, so
// that validation reports the value as required.
func (r *reader) reqTimestamp(subject string) time.Time {
	if r.null() {
		return time.Time{}
	}
	s, ok := r.str(subject)
	if !ok || r.strict && strings.TrimSpace(s) == "" {
		return time.Time{}
	}
	t, _ := r.parseTime(s, subject)
	return t
}

// optTimestamp reads a timestamp or null.
func (r *reader) optTimestamp(subject string) *time.Time {
	if r.null() {
		return nil
	}
	t, ok := r.timestamp(subject)
	if !ok {
		return nil
	}
	return &t
}

// boolean reads true or false; null and other types are reported.
func (r *reader) boolean(subject string) (bool, bool) {
	c := r.peek()
	switch {
	case c == 't' && strings.HasPrefix(r.s[r.pos:], "true"):
		r.pos += 4
		return true, true
	case c == 'f' && strings.HasPrefix(r.s[r.pos:], "false"):
		r.pos += 5
		return false, true
	}
	r.typeError(subject, "a boolean")
	return false, false
}

// number reads a number literal, checking the JSON grammar.
func (r *reader) number() (string, bool) {
	start := r.pos
	i := start
	if i < len(r.s) && r.s[i] == '-' {
		i++
	}
	i = integerPart(r.s, i)
	if i >= 0 {
		i = fractionPart(r.s, i)
	}
	if i >= 0 {
		i = exponentPart(r.s, i)
	}
	if i < 0 {
		r.pos = -i - 1
		r.syntax("invalid number")
		return "", false
	}
	r.pos = i
	return r.s[start:i], true
}

// integerPart, fractionPart and exponentPart read their part of a number
// from s[i:] and return the index after it, or -j-1 for a grammar error
// at j. The fraction and the exponent may be absent.
func integerPart(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '0':
		return i + 1
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		return digits(s, i)
	}
	return -i - 1
}

func fractionPart(s string, i int) int {
	if i >= len(s) || s[i] != '.' {
		return i
	}
	if j := digits(s, i+1); j > i+1 {
		return j
	}
	return -(i + 1) - 1
}

func exponentPart(s string, i int) int {
	if i >= len(s) || (s[i] != 'e' && s[i] != 'E') {
		return i
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if j := digits(s, i); j > i {
		return j
	}
	return -i - 1
}

func digits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// value reads any JSON value into the value model of answers: string,
// bool, json.Number, map[string]any, []any or nil.
func (r *reader) value() any {
	switch c := r.peek(); {
	case c == '"':
		s, ok := r.rawString(false)
		if !ok {
			return nil
		}
		return s
	case c == '{':
		m := map[string]any{}
		r.mapObject("value", func(k string) bool { _, ok := m[k]; return ok },
			func(k string) { m[k] = r.value() })
		return m
	case c == '[':
		a := []any{}
		r.array("value", func(int) { a = append(a, r.value()) })
		return a
	case c == 't' || c == 'f':
		b, _ := r.boolean("value")
		return b
	case c == 'n':
		r.null()
		return nil
	case c == '-' || ('0' <= c && c <= '9'):
		n, _ := r.number()
		return json.Number(n)
	case c == 0 && r.pos >= len(r.s):
		r.syntax("unexpected end of input")
	default:
		r.syntax("invalid character at the start of a value")
	}
	return nil
}
