package cases

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
)

// errEncode reports a value that has no JSON form. It is a programming
// error of the caller, not a problem of input, so it is not an *Error.
var errEncode = errors.New("cases: value cannot be encoded")

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
