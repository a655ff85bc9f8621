package cases

import (
	"errors"
	"net/http"
	"strconv"
)

// Problem is an RFC 9457 problem details object, ready to be encoded as the
// body of an application/problem+json response.
type Problem struct {
	// Type is a URI that names the family of the failure: the package
	// documentation of its sentinel, or "about:blank" for a failure that
	// is not a problem of input.
	Type string `json:"type"`

	// Title is a short English summary of the family.
	Title string `json:"title"`

	// Status is the HTTP status code: 400, 409, 413 or 500.
	Status int `json:"status"`

	// Detail says how many problems were found.
	Detail string `json:"detail"`

	// Errors lists the problems, one per [Item], in the order of the
	// items; it is left out when empty.
	Errors []ProblemItem `json:"errors,omitempty"`
}

// ProblemItem is one [Item] as it appears in a [Problem]: with a pointer, or
// with a parameter for a problem in the query.
type ProblemItem struct {
	// Pointer is the item's JSON Pointer; nil (left out) for a problem
	// with a query parameter. "" points at the whole body.
	Pointer *string `json:"pointer,omitempty"`

	// Parameter names the query parameter at fault; "" (left out) for a
	// problem in the body.
	Parameter string `json:"parameter,omitempty"`

	// Code names the rule that was broken.
	Code Code `json:"code"`

	// Detail is the item's message.
	Detail string `json:"detail"`
}

// problemTypeBase prefixes the type URI of every problem; the fragment names
// the family's sentinel in the package documentation.
const problemTypeBase = "https://pkg.go.dev/github.com/casekit/cases#"

// ProblemFor converts err to problem details. An [*Error] found with
// errors.As gives its family, its HTTP status (409 for a refusal by the
// case's state, 413 for a body over the size limit, 400 otherwise) and its
// items. Any other error, such as a failing [Env.NewID] or a nil err,
// gives a 500 problem that does not reveal its text.
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
