package cases

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// errEncode reports a value that has no JSON form. It is a programming
// error of the caller, not a problem of input, so it is not an *Error.
var errEncode = errors.New("cases: value cannot be encoded")

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
	b = appendMetadata(b, c.Metadata, &err)
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

func appendMetadata(b []byte, m Metadata, err *error) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k, err)
		b = append(b, ':')
		b = appendString(b, m[k], err)
	}
	return append(b, '}')
}

func appendPayload(b []byte, p Payload, err *error) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	var e error
	switch p := p.(type) {
	case *MissingInformationRequest:
		b, e = appendMIRequest(b, p)
	case *MissingInformationResponse:
		b, e = appendMIResponse(b, p)
	case *RATerminationRequest:
		b, e = appendRARequest(b, p)
	case *RATerminationResponse:
		b, e = appendRAResponse(b, p)
	default:
		var j []byte
		j, e = p.MarshalJSON()
		b = append(b, j...)
	}
	if e != nil && *err == nil {
		*err = e
	}
	return b
}

func appendMIRequest(b []byte, p *MissingInformationRequest) ([]byte, error) {
	var err error
	b = append(b, `{"fields":`...)
	if p.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFieldSpec(b, &p.Fields[i], &err)
		}
		b = append(b, ']')
	}
	return append(b, '}'), err
}

func appendFieldSpec(b []byte, s *FieldSpec, err *error) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, s.Name, err)
	b = append(b, `,"type":`...)
	b = appendString(b, string(s.Type), err)
	b = append(b, `,"description":`...)
	b = appendString(b, s.Description, err)
	b = append(b, `,"required":`...)
	b = strconv.AppendBool(b, s.Required)
	if s.Example != nil {
		b = append(b, `,"example":`...)
		b = appendValue(b, s.Example, err)
	}
	if s.Options != nil {
		b = append(b, `,"options":[`...)
		for i, o := range s.Options {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, o, err)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendMIResponse(b []byte, p *MissingInformationResponse) ([]byte, error) {
	var err error
	b = append(b, `{"fields":`...)
	if p.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = appendValue(b, p.Fields, &err)
	}
	return append(b, '}'), err
}

func appendRARequest(b []byte, p *RATerminationRequest) ([]byte, error) {
	var err error
	b = append(b, `{"reason":`...)
	b = appendString(b, string(p.Reason), &err)
	b = append(b, `,"reason_detail":`...)
	b = appendOptString(b, p.ReasonDetail, &err)
	return append(b, '}'), err
}

func appendRAResponse(b []byte, p *RATerminationResponse) ([]byte, error) {
	var err error
	b = append(b, `{"acknowledged":`...)
	b = strconv.AppendBool(b, p.Acknowledged)
	b = append(b, `,"successor_agent":`...)
	if s := p.SuccessorAgent; s == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"name":`...)
		b = appendString(b, s.Name, &err)
		b = append(b, `,"address":`...)
		b = appendAddress(b, s.Address, &err)
		b = append(b, '}')
	}
	return append(b, '}'), err
}

func appendAddress(b []byte, a *Address, err *error) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	// The keys are in sorted order, as an address decoded into a map is
	// encoded, so that both forms give the same bytes.
	b = append(b, `{"city":`...)
	b = appendString(b, a.City, err)
	b = append(b, `,"country":`...)
	b = appendString(b, a.Country, err)
	if a.County != nil {
		b = append(b, `,"county":`...)
		b = appendString(b, *a.County, err)
	}
	b = append(b, `,"postal_code":`...)
	b = appendString(b, a.PostalCode, err)
	b = append(b, `,"region":`...)
	b = appendString(b, a.Region, err)
	b = append(b, `,"street_line_1":`...)
	b = appendString(b, a.StreetLine1, err)
	if a.StreetLine2 != nil {
		b = append(b, `,"street_line_2":`...)
		b = appendString(b, *a.StreetLine2, err)
	}
	return append(b, '}')
}

// appendValue appends a value of the answer model, or of Go's numeric
// types. A value with no JSON form sets *err.
func appendValue(b []byte, v any, err *error) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendString(b, x, err)
	case bool:
		return strconv.AppendBool(b, x)
	case json.Number:
		if !isNumberLiteral(string(x)) {
			setErr(err)
			return append(b, "null"...)
		}
		return append(b, x...)
	case float64:
		return appendFloat(b, x, err)
	case float32:
		return appendFloat(b, float64(x), err)
	case map[string]any:
		return appendObject(b, x, err)
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e, err)
		}
		return append(b, ']')
	case Address:
		return appendAddress(b, &x, err)
	case *Address:
		return appendAddress(b, x, err)
	}
	if n, ok := appendInteger(b, v); ok {
		return n
	}
	setErr(err)
	return append(b, "null"...)
}

// appendObject appends an object of the answer model, its keys sorted.
func appendObject(b []byte, x map[string]any, err *error) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(x)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k, err)
		b = append(b, ':')
		b = appendValue(b, x[k], err)
	}
	return append(b, '}')
}

// appendInteger appends a value of one of Go's integer types, and reports
// whether v was one.
func appendInteger(b []byte, v any) ([]byte, bool) {
	switch x := v.(type) {
	case int:
		return strconv.AppendInt(b, int64(x), 10), true
	case int8:
		return strconv.AppendInt(b, int64(x), 10), true
	case int16:
		return strconv.AppendInt(b, int64(x), 10), true
	case int32:
		return strconv.AppendInt(b, int64(x), 10), true
	case int64:
		return strconv.AppendInt(b, x, 10), true
	case uint:
		return strconv.AppendUint(b, uint64(x), 10), true
	case uint8:
		return strconv.AppendUint(b, uint64(x), 10), true
	case uint16:
		return strconv.AppendUint(b, uint64(x), 10), true
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10), true
	case uint64:
		return strconv.AppendUint(b, x, 10), true
	}
	return b, false
}

func appendFloat(b []byte, f float64, err *error) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		setErr(err)
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

func setErr(err *error) {
	if *err == nil {
		*err = errEncode
	}
}

// isNumberLiteral reports whether s is a JSON number.
func isNumberLiteral(s string) bool {
	r := reader{s: s}
	lit, ok := r.number()
	return ok && lit == s
}

func appendOptString(b []byte, s *string, err *error) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendString(b, *s, err)
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

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 sets *err: the
// package never replaces it silently.
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
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
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
