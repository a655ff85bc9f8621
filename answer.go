package cases

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// This file checks an answer against the field spec it answers: the
// value model of section 2.1 of the specification.

// checkValue reports the problems of v as a value of s, at pointer at.
// A blank string is reported as invalid_format: callers that count it as
// no answer check for it first.
func (s *FieldSpec) checkValue(v any, at string, rep *report) {
	switch s.Type {
	case FieldNumber:
		if f, ok := asFloat(v); !ok {
			rep.add(at, CodeInvalidType, "value must be a number")
		} else if math.IsInf(f, 0) || math.IsNaN(f) {
			rep.add(at, CodeInvalidFormat, "value must be a finite number")
		}
		return
	case FieldInteger:
		checkInteger(v, at, rep)
		return
	case FieldBoolean:
		if _, ok := v.(bool); !ok {
			rep.add(at, CodeInvalidType, "value must be a boolean")
		}
		return
	case FieldAddress:
		checkAddress(v, at, rep)
		return
	}
	str, ok := v.(string)
	if !ok {
		if s.Type.IsKnown() {
			rep.add(at, CodeInvalidType, "value must be a string")
		}
		return
	}
	s.checkString(str, at, rep)
}

// checkString reports the problems of a string answer.
func (s *FieldSpec) checkString(v, at string, rep *report) {
	if strings.TrimSpace(v) == "" {
		rep.add(at, CodeInvalidFormat, "value must not be blank")
		return
	}
	if !utf8.ValidString(v) {
		rep.add(at, CodeInvalidFormat, "value must be valid UTF-8")
		return
	}
	if s.Type == FieldEnum {
		if !containsString(s.Options, v) {
			rep.add(at, CodeInvalidValue, "value must be one of the field's options")
		}
		return
	}
	limit, ok, rule := stringRule(s.Type, v)
	if limit > 0 && utf8.RuneCountInString(v) > limit {
		rep.add(at, CodeTooLong, "value must be at most "+strconv.Itoa(limit)+" characters")
		return
	}
	if !ok {
		rep.add(at, CodeInvalidFormat, "value must be "+rule)
	}
}

// stringRule checks the string answer v to a field of type t. It returns
// the type's length limit (0 for none), whether v has the type's format,
// and the format's name for the message.
func stringRule(t FieldType, v string) (limit int, ok bool, rule string) {
	switch t {
	case FieldString:
		return 1000, isOneLine(v), "one line without control characters"
	case FieldText:
		return 10000, isText(v), "text without control characters other than tab and line breaks"
	case FieldDate:
		_, err := time.Parse(time.DateOnly, v)
		return 0, err == nil && len(v) == 10, "a real calendar date written YYYY-MM-DD"
	case FieldDateTime:
		_, err := parseTimestamp(v)
		return 0, err == nil, "an RFC 3339 timestamp"
	case FieldEmail:
		return 0, hasFormat(func(m *formatRules) { m.email = v }), "a bare email address"
	case FieldPhone:
		return 0, v[0] == '+' && hasFormat(func(m *formatRules) { m.phone = v }),
			"an E.164 phone number"
	case FieldURL:
		return 0, hasFormat(func(m *formatRules) { m.url = v }),
			"an absolute http or https URL with a host"
	case FieldFile:
		return 0, isOpaqueID(v), "1 to 128 letters, digits, '_', '-', '.' or ':'"
	}
	return 0, true, ""
}

// hasFormat reports whether the answer that set puts into a zero
// [formatRules] passes its rule.
func hasFormat(set func(*formatRules)) bool {
	m := formatMirrors.get()
	defer formatMirrors.put(m)
	set(m)
	return rules.Struct(m) == nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// asFloat converts a JSON or Go number to float64.
func asFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil && !isRangeError(err) {
			return 0, false
		}
		return f, true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return 0, true
	}
	return 0, false
}

func isRangeError(err error) bool {
	return errors.Is(err, strconv.ErrRange)
}

// checkInteger reports a value that is not a whole number within int64.
func checkInteger(v any, at string, rep *report) {
	ok := true
	switch n := v.(type) {
	case json.Number:
		_, ok = decimalInt64(string(n))
	case float64:
		ok = n == math.Trunc(n) && n >= math.MinInt64 && n < math.MaxInt64
	case float32:
		f := float64(n)
		ok = f == math.Trunc(f) && f >= math.MinInt64 && f < math.MaxInt64
	case uint:
		ok = uint64(n) <= math.MaxInt64
	case uint64:
		ok = n <= math.MaxInt64
	case int, int8, int16, int32, int64, uint8, uint16, uint32:
	default:
		rep.add(at, CodeInvalidType, "value must be a number")
		return
	}
	if !ok {
		rep.add(at, CodeInvalidFormat, "value must be a whole number within 64-bit range")
	}
}

// decimalInt64 returns the value of a JSON number literal when it is a
// whole number within int64, exactly, whatever its notation (1.0, 1e3).
func decimalInt64(lit string) (int64, bool) {
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return n, true
	}
	neg := strings.HasPrefix(lit, "-")
	lit = strings.TrimPrefix(lit, "-")
	mant, exp, _ := strings.Cut(strings.ToLower(lit), "e")
	e := 0
	if exp != "" {
		var err error
		if e, err = strconv.Atoi(exp); err != nil {
			// An exponent past the int range on a non-zero mantissa
			// cannot give an int64; on a zero mantissa it is zero.
			return 0, strings.Trim(mant, "0.") == ""
		}
	}
	whole, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(whole+frac, "0")
	e -= len(frac)
	trimmed := strings.TrimRight(digits, "0")
	e += len(digits) - len(trimmed)
	if trimmed == "" {
		return 0, true
	}
	if e < 0 || len(trimmed)+e > 19 {
		return 0, false
	}
	s := trimmed + strings.Repeat("0", e)
	if neg {
		s = "-" + s
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// formatRules declares the formats of string answers that the validator
// knows. A check sets the one field of its answer's type; the others stay
// empty and are skipped. (The validator checks a struct it is given
// without allocating, which it cannot do for a single value.)
type formatRules struct {
	email string `name:"email" validate:"omitempty,email"`
	phone string `name:"phone" validate:"omitempty,e164"`
	url   string `name:"url" validate:"omitempty,http_url,urlhost"`
}

// formatMirrors keeps the mirrors of the formats checked.
var formatMirrors mirrorPool[formatRules]

// isNoAnswer reports whether v counts as no answer to a field of type t:
// null (or a nil *Address, which encodes as null), or a blank string for
// a string-like type.
func isNoAnswer(t FieldType, v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case *Address:
		return x == nil
	case string:
		return t.IsStringLike() && strings.TrimSpace(x) == ""
	}
	return false
}

// cloneValue deep-copies a value of the answer model.
func cloneValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if x == nil {
			return x
		}
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = cloneValue(e)
		}
		return m
	case []any:
		if x == nil {
			return x
		}
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = cloneValue(e)
		}
		return a
	case *Address:
		if x == nil {
			return x
		}
		a := *x
		a.StreetLine2, a.County = clonePtr(x.StreetLine2), clonePtr(x.County)
		return &a
	}
	return v
}
