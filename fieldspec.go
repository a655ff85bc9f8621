package cases

import (
	"reflect"
	"slices"
	"strconv"
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

// typeFieldType is the enum type of a field spec's type, for the known
// tag.
var typeFieldType = reflect.TypeFor[FieldType]()

// fieldSpecRules declares the rules of a [FieldSpec].
type fieldSpecRules struct {
	name    string    `name:"name" validate:"required,notblank,field"`
	typ     FieldType `name:"type" validate:"required,notblank,known"`
	desc    string    `name:"description" validate:"required,notblank,max=500,text"`
	options []string  `name:"options" validate:"omitnil,min=1,max=100,dive,present,max=100,oneline"`
}

// of sets r to the rules of f. One mirror serves every field of a
// request in turn.
func (r *fieldSpecRules) of(f *FieldSpec) {
	*r = fieldSpecRules{name: f.Name, typ: f.Type, desc: f.Description}
	// Options on a field of another type are refused whole; their entries
	// are not worth a problem each.
	if f.Type == FieldEnum {
		r.options = f.Options
	}
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
