package cases

import (
	"maps"
	"reflect"
	"slices"
	"sync"

	"github.com/go-playground/validator/v10"
)

// rules is the one validator instance of the package: built once, with the
// project's tags registered and JSON names as field names. It is safe for
// concurrent use.
var rules = newRules()

// newRules builds the validator and registers the project's tags: the
// character rules of text.go, "known" for enum values and "true" for a
// boolean that must be set.
func newRules() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled(),
		validator.WithPrivateFieldValidation())
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return f.Tag.Get("name") })
	for tag, fn := range map[string]func(string) bool{
		"oneline":  isOneLine,
		"text":     isText,
		"opaque":   isOpaqueID,
		"caseid":   isCanonicalUUID,
		"present":  isNotBlank,
		"notblank": isNotBlank,
		"field":    isFieldName,
		"urlhost":  hasHostName,
	} {
		must(v.RegisterValidation(tag, func(fl validator.FieldLevel) bool {
			return fn(fl.Field().String())
		}))
	}
	must(v.RegisterValidation("known", isKnownEnum))
	must(v.RegisterValidation("true", func(fl validator.FieldLevel) bool {
		return fl.Field().Bool()
	}))
	return v
}

func must(err error) {
	if err != nil {
		panic("cases: registering validation rules: " + err.Error())
	}
}

// The enum types of the case itself and of its events.
var (
	typeParentType = reflect.TypeFor[ParentType]()
	typeKind       = reflect.TypeFor[Kind]()
	typeStatus     = reflect.TypeFor[Status]()
	typeReason     = reflect.TypeFor[ResolutionReason]()
	typeEventType  = reflect.TypeFor[EventType]()
)

// enumType describes one enum type for the known tag and for the JSON
// Schemas: whether a value is known, and the list of known values.
type enumType struct {
	known  func(string) bool
	values func() []any
}

// enumOf describes the enum type T, whose known values values lists.
func enumOf[T interface {
	~string
	IsKnown() bool
}](values func() []T) enumType {
	return enumType{
		known:  func(s string) bool { return T(s).IsKnown() },
		values: func() []any { return toAny(values()) },
	}
}

// knownEnum is an enum type the known tag serves.
type knownEnum struct {
	typ reflect.Type
	enumType
}

// knownEnums lists the enum types that the known tag serves: those of the
// case and its events, and those that the kinds add for their payloads.
// The list is short, so a scan of it costs less than a map's hashing.
var knownEnums = func() []knownEnum {
	list := []knownEnum{
		{typeParentType, enumOf(ParentTypes)},
		{typeKind, enumOf(Kinds)},
		{typeStatus, enumOf(Statuses)},
		{typeReason, enumOf(ResolutionReasons)},
		{typeEventType, enumOf(EventTypes)},
	}
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		for t, e := range kinds[k].enums() {
			list = append(list, knownEnum{t, e})
		}
	}
	return list
}()

// enumOfType returns the description of the enum type t, or false when t
// is not an enum type the known tag serves.
func enumOfType(t reflect.Type) (enumType, bool) {
	for _, e := range knownEnums {
		if e.typ == t {
			return e.enumType, true
		}
	}
	return enumType{}, false
}

// isKnownEnum is the "known" tag: the value is one of its enum's known
// values. It finds the test by the field's type, so that no value is
// boxed.
func isKnownEnum(fl validator.FieldLevel) bool {
	f := fl.Field()
	t := f.Type()
	if e, ok := enumOfType(t); ok {
		return e.known(f.String())
	}
	panic("cases: the known tag is on a field of type " + t.String())
}

// mirrorPool keeps the mirrors of one type between checks. The validator
// takes a mirror as an interface, which moves a mirror made for one check
// to the heap; a pooled one costs no allocation.
type mirrorPool[T any] struct{ p sync.Pool }

// get returns a zero mirror.
func (mp *mirrorPool[T]) get() *T {
	if m, ok := mp.p.Get().(*T); ok {
		return m
	}
	return new(T)
}

// put clears m, so that the pool holds no value of a checked document,
// and keeps it for the next check.
func (mp *mirrorPool[T]) put(m *T) {
	var zero T
	*m = zero
	mp.p.Put(m)
}

// failure identifies a validator failure by what decides its item.
type failure struct {
	name, tag, param string
	kind             reflect.Kind
}

// description is the code and message of a failure.
type description struct {
	code Code
	msg  string
}

// descriptions caches the description of each failure seen, since the
// mirrors give a small fixed set of them.
var descriptions = struct {
	sync.RWMutex
	m map[failure]description
}{m: map[failure]description{}}

// describe maps a validator failure to the project's code and message.
func describe(fe validator.FieldError) (Code, string) {
	f := failure{name: fe.Field(), tag: fe.Tag(), param: fe.Param(), kind: fe.Kind()}
	descriptions.RLock()
	d, ok := descriptions.m[f]
	descriptions.RUnlock()
	if !ok {
		d.code, d.msg = f.describe()
		descriptions.Lock()
		descriptions.m[f] = d
		descriptions.Unlock()
	}
	return d.code, d.msg
}

// describe returns the code and message of f. The message names the rule
// and its limit, never the value.
func (f failure) describe() (Code, string) {
	name := f.name
	switch f.tag {
	case "required", "notblank":
		return CodeRequired, name + " is required"
	case "max":
		if f.kind == reflect.String {
			return CodeTooLong, name + " must be at most " + f.param + " characters"
		}
		return CodeTooMany, name + " must have at most " + f.param + " entries"
	case "min":
		return CodeTooFew, name + " must have at least " + f.param + " entries"
	case "known":
		return CodeUnknownValue, name + " is not a known value"
	case "true":
		return CodeInvalidValue, name + " must be true"
	}
	return CodeInvalidFormat, name + formatRule(f.tag)
}

// formatRule says, for a message, what the format that a tag checks asks.
// The formats of answers are checked through formatRules, whose failures
// FieldSpec.checkString words itself.
func formatRule(tag string) string {
	switch tag {
	case "oneline":
		return " must be one line of valid UTF-8 without control characters"
	case "text":
		return " must be valid UTF-8 without control characters other than tab and line breaks"
	case "opaque":
		return " must be 1 to 128 letters, digits, '_', '-', '.' or ':'"
	case "caseid":
		return " must be a UUID in canonical lowercase form"
	case "present":
		return " must not be blank"
	case "field":
		return " must match ^[a-z][a-z0-9_]{0,63}$"
	case "iso3166_1_alpha2":
		return " must be an ISO 3166-1 alpha-2 country code"
	}
	panic("cases: no code for the validator tag " + tag)
}
