package cases

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/google/uuid"
)

// The limits of section 1 of the specification that no validator tag holds.
const (
	maxMetadataPairs = 50
	maxMetadataKey   = 40
	maxMetadataValue = 500
)

// rules is the one validator instance of the package: built once, with the
// project's tags registered and JSON names as field names. It is safe for
// concurrent use.
var rules = newRules()

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

var (
	typeParentType = reflect.TypeFor[ParentType]()
	typeKind       = reflect.TypeFor[Kind]()
	typeStatus     = reflect.TypeFor[Status]()
	typeReason     = reflect.TypeFor[ResolutionReason]()
	typeFieldType  = reflect.TypeFor[FieldType]()
	typeRAReason   = reflect.TypeFor[RAReason]()
	typeEventType  = reflect.TypeFor[EventType]()
)

// isKnownEnum is the "known" tag: the value is one of its enum's known
// values. It switches on the type so that no value is boxed.
func isKnownEnum(fl validator.FieldLevel) bool {
	f := fl.Field()
	s := f.String()
	switch f.Type() {
	case typeParentType:
		return ParentType(s).IsKnown()
	case typeKind:
		return Kind(s).IsKnown()
	case typeStatus:
		return Status(s).IsKnown()
	case typeReason:
		return ResolutionReason(s).IsKnown()
	case typeFieldType:
		return FieldType(s).IsKnown()
	case typeRAReason:
		return RAReason(s).IsKnown()
	case typeEventType:
		return EventType(s).IsKnown()
	}
	panic("cases: the known tag is on a field of type " + f.Type().String())
}

// isOneLine reports whether s is valid UTF-8 with no control characters
// and no line or paragraph separators. It checks in one pass, deciding an
// ASCII byte on its own.
func isOneLine(s string) bool {
	for i := 0; i < len(s); {
		if i = printableRun(s, i); i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
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

// isText reports whether s is valid UTF-8 whose only control characters
// are tabs and line breaks, in one pass as isOneLine does.
func isText(s string) bool {
	for i := 0; i < len(s); {
		if i = printableRun(s, i); i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) {
			return false
		}
		i += size
	}
	return true
}

func isNotBlank(s string) bool { return strings.TrimSpace(s) != "" }

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

// report collects the problems of one input.
type report struct {
	items []Item
}

func (rep *report) add(pointer string, code Code, msg string) {
	if rep.items == nil {
		rep.items = make([]Item, 0, 8)
	}
	rep.items = append(rep.items, Item{Pointer: pointer, Code: code, Message: msg})
}

// err returns the collected problems as an *Error, or nil when there are
// none.
func (rep *report) err() error {
	if len(rep.items) == 0 {
		return nil
	}
	return newError(rep.items)
}

// nest runs fn, which reports problems at pointers relative to one value,
// and moves what it reported below base plus the segment seg. The pointer
// is built only when there is a problem to report.
func (rep *report) nest(base, seg string, fn func()) {
	n := len(rep.items)
	fn()
	if len(rep.items) == n {
		return
	}
	prefix := pointerJoin(base, seg)
	for i := n; i < len(rep.items); i++ {
		rep.items[i].Pointer = prefix + rep.items[i].Pointer
	}
}

// check runs the validator on the struct s and adds its failures as items
// below base.
func (rep *report) check(base string, s any) {
	rep.convert(base, s, rules.Struct(s))
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

// The pools of the mirrors checked most often.
var (
	caseMirrors    mirrorPool[caseRules]
	specMirrors    mirrorPool[fieldSpecRules]
	requestMirrors mirrorPool[missingInformationRequestRules]
	formatMirrors  mirrorPool[formatRules]
)

// checkPartial runs the validator on the named fields of the struct s.
func (rep *report) checkPartial(base string, s any, fields ...string) {
	rep.convert(base, s, rules.StructPartial(s, fields...))
}

// convert adds the failures in a validator's error as items below base.
func (rep *report) convert(base string, s any, err error) {
	if err == nil {
		return
	}
	var fails validator.ValidationErrors
	if !errors.As(err, &fails) {
		panic("cases: validating " + reflect.TypeOf(s).String() + ": " + err.Error())
	}
	for _, fe := range fails {
		code, msg := describe(fe)
		var b strings.Builder
		b.WriteString(base)
		appendPointer(&b, fe.Namespace())
		rep.add(b.String(), code, msg)
	}
}

// appendPointer appends to b the JSON Pointer of a validator namespace
// ("caseRules.request.fields[2]" gives "/request/fields/2"). The names come
// from the mirrors' name tags, so they hold no dots or brackets.
func appendPointer(b *strings.Builder, ns string) {
	_, ns, _ = strings.Cut(ns, ".")
	for ns != "" {
		var part string
		part, ns, _ = strings.Cut(ns, ".")
		name, idx, _ := strings.Cut(part, "[")
		b.WriteByte('/')
		b.WriteString(name)
		for idx != "" {
			var i string
			i, idx, _ = strings.Cut(idx, "]")
			b.WriteByte('/')
			b.WriteString(i)
			idx = strings.TrimPrefix(idx, "[")
		}
	}
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
	case "oneline":
		return CodeInvalidFormat,
			name + " must be one line of valid UTF-8 without control characters"
	case "text":
		return CodeInvalidFormat, name +
			" must be valid UTF-8 without control characters other than tab and line breaks"
	case "opaque":
		return CodeInvalidFormat, name + " must be 1 to 128 letters, digits, '_', '-', '.' or ':'"
	case "caseid":
		return CodeInvalidFormat, name + " must be a UUID in canonical lowercase form"
	case "present":
		return CodeInvalidFormat, name + " must not be blank"
	case "field":
		return CodeInvalidFormat, name + " must match ^[a-z][a-z0-9_]{0,63}$"
	case "iso3166_1_alpha2":
		return CodeInvalidFormat, name + " must be an ISO 3166-1 alpha-2 country code"
	}
	panic("cases: no code for the validator tag " + f.tag)
}

// checkMetadata reports the problems of a case's metadata.
func checkMetadata(m Metadata, rep *report) {
	if len(m) > maxMetadataPairs {
		rep.add("/metadata", CodeTooMany,
			"metadata must have at most "+strconv.Itoa(maxMetadataPairs)+" pairs")
	}
	for k, v := range m {
		checkMetadataKey(k, rep)
		checkMetadataValue(k, v, rep)
	}
}

// checkMetadataKey reports the problems of one metadata key.
func checkMetadataKey(k string, rep *report) {
	switch n := utf8.RuneCountInString(k); {
	case n == 0:
		rep.add("/metadata/", CodeInvalidFormat, "metadata key must not be empty")
	case n > maxMetadataKey:
		rep.add(pointerJoin("/metadata", k), CodeTooLong,
			"metadata key must be at most "+strconv.Itoa(maxMetadataKey)+" characters")
	case !isOneLine(k) || strings.ContainsAny(k, "[]"):
		rep.add(pointerJoin("/metadata", k), CodeInvalidFormat,
			"metadata key must be valid UTF-8 without control characters, '[' or ']'")
	}
}

// checkMetadataValue reports the problems of the value of key k.
func checkMetadataValue(k, v string, rep *report) {
	switch {
	case !utf8.ValidString(v):
		rep.add(pointerJoin("/metadata", k), CodeInvalidFormat,
			"metadata value must be valid UTF-8")
	case utf8.RuneCountInString(v) > maxMetadataValue:
		rep.add(pointerJoin("/metadata", k), CodeTooLong,
			"metadata value must be at most "+strconv.Itoa(maxMetadataValue)+" characters")
	}
}

// Validate checks c strictly, as a service does before it stores a case:
// every field's rules, unknown enum values, the kind's request and the
// response against it, and the invariants that tie the fields together.
// It reports every problem at once in an [*Error] wrapping [ErrInvalid],
// and returns nil when c is valid. It does not modify c.
func (c *Case) Validate() error {
	var rep report
	validateCase(c, &rep, checkStored)
	return rep.err()
}

// caseCheck selects what validateCase checks beyond the fields' rules.
type caseCheck int

const (
	// checkStored checks a whole case and every invariant between its
	// fields.
	checkStored caseCheck = iota
	// checkInput checks only what an open or update body supplies: the
	// timestamps and IDs are the library's own.
	checkInput
)

// validateCase reports the problems of c.
func validateCase(c *Case, rep *report, mode caseCheck) {
	m := caseMirrors.get()
	m.of(c)
	rep.check("", m)
	caseMirrors.put(m)
	checkMetadata(c.Metadata, rep)
	checkPayloads(c, rep)
	if mode == checkStored {
		checkInvariants(c, rep)
	}
}

// checkPayloads reports the problems of the request and response of a case
// whose kind is known.
func checkPayloads(c *Case, rep *report) {
	k := kinds[c.Kind]
	if k == nil {
		return
	}
	if p := k.parent(); p != "" && c.ParentType.IsKnown() && c.ParentType != p {
		rep.add("/parent_type", CodeInvalidValue,
			"parent_type must be "+string(p)+" for kind "+string(c.Kind))
	}
	if c.Request == nil {
		rep.add("/request", CodeRequired, "request is required")
	} else if !k.fits(c.Request, false) {
		rep.add("/request", CodeInvalidType, "request must be the request of the case's kind")
	} else {
		k.checkRequest(c.Request, rep)
	}
	if c.Response == nil {
		return
	}
	if !k.fits(c.Response, true) {
		rep.add("/response", CodeInvalidType, "response must be the response of the case's kind")
		return
	}
	req := c.Request
	if req != nil && !k.fits(req, false) {
		req = nil
	}
	k.checkResponse(req, c.Response, "/response", rep)
}

// checkInvariants reports the problems between fields of a stored case.
func checkInvariants(c *Case, rep *report) {
	if c.OpenedAt != nil && !c.CreatedAt.IsZero() && c.OpenedAt.Before(c.CreatedAt) {
		rep.add("/opened_at", CodeInvalidValue, "opened_at must not be before created_at")
	}
	latest := c.CreatedAt
	if c.OpenedAt != nil {
		latest = *c.OpenedAt
	}
	if !c.UpdatedAt.IsZero() && c.UpdatedAt.Before(latest) {
		rep.add("/updated_at", CodeInvalidValue,
			"updated_at must not be before opened_at or created_at")
	}
	if c.OpenedAt == nil && (c.Status == StatusNeedsResponse || c.Response != nil) {
		rep.add("/opened_at", CodeRequired,
			"opened_at is required once the case needs or has a response")
	}
	checkClosing(c, rep)
}

// checkClosing reports the problems of the fields that a terminal status
// sets: resolved_at and resolution_reason, set exactly when terminal.
func checkClosing(c *Case, rep *report) {
	if !c.Status.IsKnown() {
		return
	}
	if !c.Status.IsTerminal() {
		if c.ResolvedAt != nil {
			rep.add("/resolved_at", CodeNotAllowed,
				"resolved_at must be null while the case is open")
		}
		if c.ResolutionReason != "" {
			rep.add("/resolution_reason", CodeNotAllowed,
				"resolution_reason must be null while the case is open")
		}
		return
	}
	if c.ResolvedAt == nil {
		rep.add("/resolved_at", CodeRequired, "resolved_at is required once the case is closed")
	} else if c.ResolvedAt.Before(c.CreatedAt) || c.ResolvedAt.After(c.UpdatedAt) {
		rep.add("/resolved_at", CodeInvalidValue,
			"resolved_at must be between created_at and updated_at")
	}
	switch r := c.ResolutionReason; {
	case r == "":
		rep.add("/resolution_reason", CodeRequired,
			"resolution_reason is required once the case is closed")
	case r.IsKnown() && r.Status() != c.Status:
		rep.add("/resolution_reason", CodeInvalidValue,
			"resolution_reason must belong to the case's status")
	case r == ReasonResponseReceived && c.Response == nil:
		rep.add("/resolution_reason", CodeInvalidValue,
			"resolution_reason response_received needs a stored response")
	}
}

// checkDue reports a due time that is not later than now.
func checkDue(due *time.Time, now time.Time, rep *report) {
	if due != nil && !due.After(now) {
		rep.add("/due_at", CodeInvalidValue, "due_at must be later than now")
	}
}
