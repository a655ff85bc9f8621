package cases

import (
	"errors"
	"slices"
	"strings"
)

// The sentinels below name the four families of failure. Every problem
// with an input or with a case's state comes back as an [*Error] whose Err
// is one of them, so callers branch with [errors.Is] and read the items
// with [errors.As].
//
// A few failures are not problems of input and are plain errors instead:
// a failure of [Env.NewID], which the operations return wrapped (so that
// errors.Is finds the ID source's own error); a value that a MarshalJSON
// method cannot encode (a NaN answer, invalid UTF-8, a time outside the
// years 0000 to 9999); and an unknown name given to [Schema] or
// [LifecycleDiagram]. [ProblemFor] turns any of them into a 500 problem
// that does not reveal its text.
var (
	// ErrInvalid reports input that breaks a rule: a malformed body, a value
	// out of its limits, an unknown key or enum value.
	ErrInvalid = errors.New("cases: invalid input")

	// ErrTransition reports a status change that the lifecycle does not
	// allow, or a resolution that lacks what it needs.
	ErrTransition = errors.New("cases: illegal transition")

	// ErrClosed reports a change to a case that is resolved or superseded.
	ErrClosed = errors.New("cases: case is closed")

	// ErrNotAwaitingResponse reports a response sent to a case whose status
	// is not needs_response.
	ErrNotAwaitingResponse = errors.New("cases: case is not awaiting a response")
)

// Code is the stable, snake_case name of a rule that an [Item] reports.
// The meaning of a code does not change between releases; new codes may be
// added, so a caller should treat a code it does not know as a problem of
// input.
type Code string

// The codes an [Item] can carry. Each belongs to one family: the codes of
// the case's state to [ErrTransition], [ErrClosed] or
// [ErrNotAwaitingResponse], every other code to [ErrInvalid].
const (
	// CodeRequired is a required key that is absent or null, or a required
	// string that is blank.
	CodeRequired Code = "required"
	// CodeInvalidType is a JSON value of the wrong type, such as a string
	// where a number belongs or {} where a timestamp belongs.
	CodeInvalidType Code = "invalid_type"
	// CodeTooLong is a string longer than its limit in characters.
	CodeTooLong Code = "too_long"
	// CodeTooMany is a list or a map with more entries than its limit.
	CodeTooMany Code = "too_many"
	// CodeTooFew is a list with fewer entries than its minimum.
	CodeTooFew Code = "too_few"
	// CodeInvalidFormat is a string that breaks its character rules or its
	// format: a control character, a pattern, a malformed timestamp, email,
	// phone number or URL, invalid UTF-8.
	CodeInvalidFormat Code = "invalid_format"
	// CodeUnknownValue is a value that is not one of its enum's known
	// values.
	CodeUnknownValue Code = "unknown_value"
	// CodeInvalidValue is a known value that is not allowed where it
	// stands, such as a due time that is not later than now.
	CodeInvalidValue Code = "invalid_value"
	// CodeUnknownField is a key that the object does not define, or an
	// answer to a field that was not requested.
	CodeUnknownField Code = "unknown_field"
	// CodeDuplicate is a key given twice in one object, or a field name or
	// an option used twice; it is reported at the second one.
	CodeDuplicate Code = "duplicate"
	// CodeNotAllowed is a key that may not be given where it stands, such
	// as kind in an update body.
	CodeNotAllowed Code = "not_allowed"
	// CodeInvalidJSON is input that is not JSON, or that has data after the
	// value; its message gives the byte offset.
	CodeInvalidJSON Code = "invalid_json"
	// CodeTooLarge is a document over the decoder's size limit.
	CodeTooLarge Code = "too_large"
	// CodeTooDeep is nesting deeper than the decoder's limit, reported where
	// the limit is crossed.
	CodeTooDeep Code = "too_deep"
	// CodeInvalidTransition is a move that the lifecycle does not allow, or
	// response_received when no response is stored. Its family is
	// [ErrTransition].
	CodeInvalidTransition Code = "invalid_transition"
	// CodeCaseClosed is a change to a closed case other than its metadata
	// or an identical repeat. Its family is [ErrClosed].
	CodeCaseClosed Code = "case_closed"
	// CodeNotAwaiting is a response sent to a case outside needs_response
	// that is not an identical repeat. Its family is
	// [ErrNotAwaitingResponse].
	CodeNotAwaiting Code = "case_not_awaiting_response"
	// CodeReasonRequired is a move to resolved with no reason on a case
	// that holds no response. Its family is [ErrTransition].
	CodeReasonRequired Code = "resolution_reason_required"
)

// family returns the sentinel of the family a code belongs to.
func (c Code) family() error {
	switch c {
	case CodeInvalidTransition, CodeReasonRequired:
		return ErrTransition
	case CodeCaseClosed:
		return ErrClosed
	case CodeNotAwaiting:
		return ErrNotAwaitingResponse
	}
	return ErrInvalid
}

// Item is one problem found in an input.
type Item struct {
	// Pointer is the RFC 6901 JSON Pointer to the offending value, relative
	// to the document that was checked; "" is the whole document. A missing
	// key is reported at the pointer the key would have.
	Pointer string

	// Parameter names the query parameter at fault, for problems found in a
	// request's query rather than its body; Pointer is then "".
	Parameter string

	// Code names the rule that was broken.
	Code Code

	// Message says what is wrong in a short English phrase, subject first.
	// It names the rule and its limit, never the submitted value.
	Message string
}

// String returns the item as "pointer: code: message", or "?parameter:
// code: message" for a query parameter; a problem with the whole document
// has no location prefix.
func (it Item) String() string {
	s := string(it.Code) + ": " + it.Message
	switch {
	case it.Parameter != "":
		return "?" + it.Parameter + ": " + s
	case it.Pointer != "":
		return it.Pointer + ": " + s
	}
	return s
}

// Error is the error that reports the problems of one input, or the
// refusal of a change by a case's state. It holds all the problems found,
// sorted by pointer, then by code.
type Error struct {
	// Err is the family of the failure: ErrInvalid, ErrTransition, ErrClosed
	// or ErrNotAwaitingResponse.
	Err error

	// Items lists the problems; it is never empty.
	Items []Item
}

// Error returns the family's text followed by each item.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Err.Error())
	for i, it := range e.Items {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(it.String())
	}
	return b.String()
}

// Unwrap returns Err, so that errors.Is matches the family's sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Has reports whether e holds an item with the given pointer and code.
func (e *Error) Has(pointer string, code Code) bool {
	for _, it := range e.Items {
		if it.Pointer == pointer && it.Code == code {
			return true
		}
	}
	return false
}

// newError sorts items and wraps them in an *Error of the family of the
// first item's code.
func newError(items []Item) *Error {
	sortItems(items)
	return &Error{Err: items[0].Code.family(), Items: items}
}

// stateError returns the error of a single refusal by the case's state.
func stateError(pointer string, code Code, msg string) *Error {
	return &Error{Err: code.family(), Items: []Item{{
		Pointer: pointer, Code: code, Message: msg,
	}}}
}

// errClosed is the refusal of a change to a closed case.
func errClosed() *Error {
	return stateError("", CodeCaseClosed, "case is closed and cannot change")
}

// sortItems orders items by pointer, segment by segment, with segments made
// of digits compared as numbers, then by code.
func sortItems(items []Item) {
	slices.SortStableFunc(items, func(a, b Item) int {
		if c := comparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		if c := strings.Compare(a.Parameter, b.Parameter); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
}
