package cases

import (
	"errors"
	"time"
)

// This file reads and writes the RFC 3339 timestamps of the case API.

// errTimestamp reports a string that is not an RFC 3339 timestamp this
// package can carry.
var errTimestamp = errors.New("not an RFC 3339 timestamp")

// parseTimestamp parses an RFC 3339 date-time and converts it to UTC. It
// is stricter than time.Parse: two-digit fields, a '.' before fractional
// seconds, offsets within ±23:59, no leap second, and a result within the
// years 0000 to 9999 in UTC, so that it encodes back as RFC 3339.
func parseTimestamp(s string) (time.Time, error) {
	if !isRFC3339(s) {
		return time.Time{}, errTimestamp
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}, errTimestamp
	}
	return t, nil
}

// isRFC3339 checks the shape of an RFC 3339 date-time and the ranges that
// time.Parse lets through.
func isRFC3339(s string) bool {
	if len(s) < 20 || !isDateShape(s[:10]) || s[10] != 'T' || !isClock(s[11:19]) {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		n := digits(rest, 1)
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-'):
		return isTwoDigits(rest, 1, 23) && rest[3] == ':' && isTwoDigits(rest, 4, 59)
	}
	return false
}

// isClock reports whether s is hh:mm:ss of a time of day without a leap
// second.
func isClock(s string) bool {
	return isTwoDigits(s, 0, 23) && s[2] == ':' && isTwoDigits(s, 3, 59) &&
		s[5] == ':' && isTwoDigits(s, 6, 59)
}

// isDateShape reports whether s is YYYY-MM-DD with digits in place; the
// calendar is checked by time.Parse.
func isDateShape(s string) bool {
	return len(s) == 10 && digits(s, 0) == 4 && s[4] == '-' && isTwoDigits(s, 5, 12) &&
		s[7] == '-' && isTwoDigits(s, 8, 31)
}

// isTwoDigits reports whether s[i:i+2] are two digits of a number at most
// max.
func isTwoDigits(s string, i, max int) bool {
	// digits stops at the end of s, so a pair cut off by it is short.
	if digits(s, i) < i+2 {
		return false
	}
	return int(s[i]-'0')*10+int(s[i+1]-'0') <= max
}

// appendTime appends t as an RFC 3339 string in UTC, with fractional
// seconds only when they are not zero. A time outside the years 0000 to
// 9999 has no RFC 3339 form and sets *err.
func appendTime(b []byte, t time.Time, err *error) []byte {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		setErr(err)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

func appendOptTime(b []byte, t *time.Time, err *error) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return appendTime(b, *t, err)
}

// inUTC returns t in UTC; the case stores every time in UTC.
func inUTC(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
