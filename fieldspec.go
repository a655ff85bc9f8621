package cases

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldType is the type of the value a requested field asks for.
//
// A FieldType the package does not know is kept by lenient decoding and
// refused by strict validation with [CodeUnknownValue]. An answer to a field
// of an unknown type is accepted as any non-null value, since its rules
// cannot be known.
type FieldType string

// The field types and the answers they take.
const (
	// FieldString takes one line of 1 to 1,000 characters.
	FieldString FieldType = "string"
	// FieldText takes 1 to 10,000 characters; line breaks are allowed.
	FieldText FieldType = "text"
	// FieldNumber takes a finite JSON number.
	FieldNumber FieldType = "number"
	// FieldInteger takes a whole number within int64; 1.0 is whole.
	FieldInteger FieldType = "integer"
	// FieldBoolean takes true or false.
	FieldBoolean FieldType = "boolean"
	// FieldDate takes a calendar date written YYYY-MM-DD.
	FieldDate FieldType = "date"
	// FieldDateTime takes an RFC 3339 timestamp.
	FieldDateTime FieldType = "date_time"
	// FieldEmail takes a bare address such as name@example.com.
	FieldEmail FieldType = "email"
	// FieldPhone takes an E.164 number: "+" and 8 to 15 digits, the first
	// of them 1 to 9.
	FieldPhone FieldType = "phone"
	// FieldURL takes an absolute http or https URL with a host.
	FieldURL FieldType = "url"
	// FieldEnum takes one of the field's options.
	FieldEnum FieldType = "enum"
	// FieldAddress takes an [Address] object.
	FieldAddress FieldType = "address"
	// FieldFile takes the opaque ID of an uploaded document, with the
	// characters of a parent ID.
	FieldFile FieldType = "file"
)

// FieldTypes returns the known field types.
func FieldTypes() []FieldType {
	return []FieldType{
		FieldString, FieldText, FieldNumber, FieldInteger, FieldBoolean,
		FieldDate, FieldDateTime, FieldEmail, FieldPhone, FieldURL,
		FieldEnum, FieldAddress, FieldFile,
	}
}

// IsKnown reports whether t is one of the types listed by [FieldTypes].
func (t FieldType) IsKnown() bool {
	switch t {
	case FieldString, FieldText, FieldNumber, FieldInteger, FieldBoolean,
		FieldDate, FieldDateTime, FieldEmail, FieldPhone, FieldURL,
		FieldEnum, FieldAddress, FieldFile:
		return true
	}
	return false
}

// IsStringLike reports whether the answers of t are JSON strings; a blank
// answer to such a field counts as no answer.
func (t FieldType) IsStringLike() bool {
	switch t {
	case FieldNumber, FieldInteger, FieldBoolean, FieldAddress:
		return false
	}
	return t.IsKnown()
}

// FieldSpec describes one field that a missing-information case asks for.
type FieldSpec struct {
	// Name identifies the field in the response: a lowercase letter, then
	// up to 63 lowercase letters, digits and underscores. Names are unique
	// within a request.
	Name string `json:"name"`

	// Type says what kind of value answers the field.
	Type FieldType `json:"type"`

	// Description is the prompt shown to the partner's customer: 1 to 500
	// characters.
	Description string `json:"description"`

	// Required reports whether a response must answer the field. Absent on
	// the wire means false.
	Required bool `json:"required"`

	// Example is a sample answer, itself a valid value of Type (and one of
	// Options); nil when there is none. It follows the value model of the
	// answers in [MissingInformationResponse].
	Example any `json:"example,omitempty"`

	// Options lists the allowed answers of an enum field: 1 to 100 unique,
	// non-blank, one-line strings of at most 100 characters. It is required
	// when Type is enum and must be nil otherwise.
	Options []string `json:"options,omitempty"`
}

// Address is the value of an address field and the address of a successor
// registered agent. Every part is one line of at most 255 characters;
// Country is an ISO 3166-1 alpha-2 code in upper case.
type Address struct {
	StreetLine1 string  `json:"street_line_1"`
	StreetLine2 *string `json:"street_line_2,omitempty"`
	City        string  `json:"city"`
	County      *string `json:"county,omitempty"`
	Region      string  `json:"region"`
	PostalCode  string  `json:"postal_code"`
	Country     string  `json:"country"`
}

// checkSpec reports the rules of one field spec that its tags cannot say,
// at pointers relative to the spec.
func checkSpec(s *FieldSpec, rep *report) {
	switch {
	case s.Type == FieldEnum && s.Options == nil:
		rep.add("/options", CodeRequired, "options is required for an enum field")
	case s.Type != FieldEnum && s.Options != nil:
		rep.add("/options", CodeNotAllowed, "options is only allowed for an enum field")
	}
	if s.Type == FieldEnum {
		for i, o := range s.Options {
			if slices.Contains(s.Options[:i], o) {
				rep.add("/options/"+strconv.Itoa(i), CodeDuplicate, "option must not appear twice")
			}
		}
	}
	if s.Example != nil && s.Type.IsKnown() && (s.Type != FieldEnum || s.Options != nil) {
		s.checkValue(s.Example, "/example", rep)
	}
}

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

// addressKeys are the keys of an address object.
var addressKeys = []string{
	"street_line_1", "street_line_2", "city", "county", "region", "postal_code", "country",
}

// checkAddress reports the problems of an address answer, given in the
// JSON value model or as an Address.
func checkAddress(v any, at string, rep *report) {
	switch a := v.(type) {
	case Address:
		rep.check(at, rulesOfAddress(&a))
		return
	case *Address:
		if a != nil {
			rep.check(at, rulesOfAddress(a))
			return
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		rep.add(at, CodeInvalidType, "value must be an object")
		return
	}
	var a Address
	parts := map[string]*string{
		"street_line_1": &a.StreetLine1, "city": &a.City, "region": &a.Region,
		"postal_code": &a.PostalCode, "country": &a.Country,
	}
	var mistyped []string
	for k, x := range m {
		if !containsString(addressKeys, k) {
			rep.add(pointerJoin(at, k), CodeUnknownField, "key is not defined here")
			continue
		}
		if x == nil {
			continue
		}
		s, isStr := x.(string)
		if !isStr {
			rep.add(pointerJoin(at, k), CodeInvalidType, k+" must be a string")
			mistyped = append(mistyped, at+"/"+k)
			continue
		}
		switch k {
		case "street_line_2":
			a.StreetLine2 = &s
		case "county":
			a.County = &s
		default:
			*parts[k] = s
		}
	}
	// A part of the wrong type is left empty in a; its type error says
	// all there is to say about it.
	var sub report
	sub.check(at, rulesOfAddress(&a))
	for _, it := range sub.items {
		if !containsString(mistyped, it.Pointer) {
			rep.items = append(rep.items, it)
		}
	}
}

// readAddress reads an address object.
func readAddress(r *reader) *Address {
	a := &Address{}
	r.object("address", func(key string) {
		switch key {
		case "street_line_1":
			a.StreetLine1 = r.reqStr(key)
		case "street_line_2":
			a.StreetLine2, _ = r.optStr(key)
		case "city":
			a.City = r.reqStr(key)
		case "county":
			a.County, _ = r.optStr(key)
		case "region":
			a.Region = r.reqStr(key)
		case "postal_code":
			a.PostalCode = r.reqStr(key)
		case "country":
			a.Country = r.reqStr(key)
		default:
			r.unknown()
		}
	})
	return a
}
