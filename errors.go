package cases

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The sentinels below name the four families of failure. Every error the
// package returns is an [*Error] whose Err is one of them, so callers branch
// with [errors.Is] and read the items with [errors.As].
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
type Code string

// The codes an [Item] can carry. Their meaning does not change between
// releases; new codes may be added.
const (
	CodeRequired          Code = "required"
	CodeInvalidType       Code = "invalid_type"
	CodeTooLong           Code = "too_long"
	CodeTooMany           Code = "too_many"
	CodeTooFew            Code = "too_few"
	CodeInvalidFormat     Code = "invalid_format"
	CodeUnknownValue      Code = "unknown_value"
	CodeInvalidValue      Code = "invalid_value"
	CodeUnknownField      Code = "unknown_field"
	CodeDuplicate         Code = "duplicate"
	CodeNotAllowed        Code = "not_allowed"
	CodeInvalidJSON       Code = "invalid_json"
	CodeTooLarge          Code = "too_large"
	CodeTooDeep           Code = "too_deep"
	CodeInvalidTransition Code = "invalid_transition"
	CodeCaseClosed        Code = "case_closed"
	CodeNotAwaiting       Code = "case_not_awaiting_response"
	CodeReasonRequired    Code = "resolution_reason_required"
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

// Error is the error every operation of the package returns. It holds all the
// problems found in one input, sorted by pointer, then by code.
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

func comparePointers(a, b string) int {
	for a != "" && b != "" {
		var sa, sb string
		sa, a = nextSegment(a)
		sb, b = nextSegment(b)
		if c := compareSegments(sa, sb); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// nextSegment splits "/x/rest" into "x" and "/rest".
func nextSegment(p string) (seg, rest string) {
	p = p[1:]
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func compareSegments(a, b string) int {
	if isIndex(a) && isIndex(b) {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
	}
	return strings.Compare(a, b)
}

func isIndex(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Problem is an RFC 9457 problem details object, ready to be encoded as the
// body of an application/problem+json response.
type Problem struct {
	Type   string        `json:"type"`
	Title  string        `json:"title"`
	Status int           `json:"status"`
	Detail string        `json:"detail"`
	Errors []ProblemItem `json:"errors,omitempty"`
}

// ProblemItem is one [Item] as it appears in a [Problem]: with a pointer, or
// with a parameter for a problem in the query.
type ProblemItem struct {
	Pointer   *string `json:"pointer,omitempty"`
	Parameter string  `json:"parameter,omitempty"`
	Code      Code    `json:"code"`
	Detail    string  `json:"detail"`
}

// problemTypeBase prefixes the type URI of every problem; the fragment names
// the family's sentinel in the package documentation.
const problemTypeBase = "https://pkg.go.dev/github.com/casekit/cases#"

// ProblemFor converts err to problem details. An [*Error] found with
// errors.As gives its family, its HTTP status (409 for a refusal by the
// case's state, 413 for a body over the size limit, 400 otherwise) and its
// items; any other error gives a 500 problem that does not reveal its text.
func ProblemFor(err error) Problem {
	var e *Error
	if !errors.As(err, &e) || len(e.Items) == 0 {
		return Problem{
			Type:   "about:blank",
			Title:  http.StatusText(http.StatusInternalServerError),
			Status: http.StatusInternalServerError,
			Detail: "the server could not complete the request",
		}
	}
	p := Problem{Status: http.StatusBadRequest}
	switch {
	case errors.Is(e.Err, ErrTransition):
		p.Type, p.Title = "ErrTransition", "Illegal transition"
		p.Status = http.StatusConflict
	case errors.Is(e.Err, ErrClosed):
		p.Type, p.Title = "ErrClosed", "Case is closed"
		p.Status = http.StatusConflict
	case errors.Is(e.Err, ErrNotAwaitingResponse):
		p.Type, p.Title = "ErrNotAwaitingResponse", "Case is not awaiting a response"
		p.Status = http.StatusConflict
	default:
		p.Type, p.Title = "ErrInvalid", "Invalid input"
	}
	p.Type = problemTypeBase + p.Type
	if len(e.Items) == 1 && e.Items[0].Code == CodeTooLarge {
		p.Status = http.StatusRequestEntityTooLarge
	}
	p.Detail = strconv.Itoa(len(e.Items)) + " problem"
	if len(e.Items) > 1 {
		p.Detail += "s"
	}
	p.Detail += " found"
	p.Errors = make([]ProblemItem, len(e.Items))
	pointers := make([]string, len(e.Items))
	for i, it := range e.Items {
		pi := ProblemItem{Parameter: it.Parameter, Code: it.Code, Detail: it.Message}
		if it.Parameter == "" {
			pointers[i] = it.Pointer
			pi.Pointer = &pointers[i]
		}
		p.Errors[i] = pi
	}
	return p
}
