package cases

import (
	"unicode/utf8"
)

// This file writes the JSON form of a case. Every append function takes
// the buffer and returns it grown; a value that has no JSON form sets *err
// and is written as null, so that one error check covers a whole document.

// appendCase appends the JSON form of c, every key in a fixed order.
func appendCase(b []byte, c *Case) ([]byte, error) {
	var err error
	b = append(b, `{"id":`...)
	b = appendString(b, c.ID, &err)
	b = append(b, `,"object":"case","created_at":`...)
	b = appendTime(b, c.CreatedAt, &err)
	b = append(b, `,"updated_at":`...)
	b = appendTime(b, c.UpdatedAt, &err)
	b = append(b, `,"metadata":`...)
	b = appendMetadata(b, c.Metadata, appendString, &err)
	b = append(b, `,"parent_type":`...)
	b = appendString(b, string(c.ParentType), &err)
	b = append(b, `,"parent_id":`...)
	b = appendString(b, c.ParentID, &err)
	b = append(b, `,"kind":`...)
	b = appendString(b, string(c.Kind), &err)
	b = append(b, `,"status":`...)
	b = appendString(b, string(c.Status), &err)
	b = append(b, `,"summary":`...)
	b = appendString(b, c.Summary, &err)
	b = append(b, `,"details":`...)
	b = appendOptString(b, c.Details, &err)
	b = append(b, `,"request":`...)
	b = appendPayload(b, c.Request, &err)
	b = append(b, `,"response":`...)
	b = appendPayload(b, c.Response, &err)
	b = append(b, `,"opened_at":`...)
	b = appendOptTime(b, c.OpenedAt, &err)
	b = append(b, `,"due_at":`...)
	b = appendOptTime(b, c.DueAt, &err)
	b = append(b, `,"resolved_at":`...)
	b = appendOptTime(b, c.ResolvedAt, &err)
	b = append(b, `,"resolution_reason":`...)
	if c.ResolutionReason == "" {
		b = append(b, "null"...)
	} else {
		b = appendString(b, string(c.ResolutionReason), &err)
	}
	b = append(b, '}')
	return b, err
}

// appendPayload appends a request or response; an absent one is null.
// Each payload type writes itself, so that no code here knows the kinds.
func appendPayload(b []byte, p Payload, err *error) []byte {
	if isAbsent(p) {
		return append(b, "null"...)
	}
	return p.appendJSON(b, err)
}

// marshalPayload returns the JSON form of p, for the payload types'
// MarshalJSON methods.
func marshalPayload(p Payload) ([]byte, error) {
	var err error
	b := appendPayload(nil, p, &err)
	return b, err
}

func appendOptString(b []byte, s *string, err *error) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s, err)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 sets *err: the
// package never replaces it silently. U+2028 and U+2029 are escaped, so
// that the text is also valid JavaScript.
func appendString(b []byte, s string, err *error) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			setErr(err)
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends the escape of the ASCII byte c.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
