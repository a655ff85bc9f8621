package casehttp

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/casekit/cases"
)

// The errors of the HTTP layer that the cases package has no family for.
// [ProblemFor] gives each its status, a problem type that ends in its
// name, and one item with the code listed below.
var (
	// ErrUnauthorized reports a request without a valid bearer API key
	// (401).
	ErrUnauthorized = errors.New("casehttp: missing or invalid API key")

	// ErrUnsupportedMediaType reports a body whose Content-Type is not
	// JSON (415).
	ErrUnsupportedMediaType = errors.New("casehttp: content type must be JSON")

	// ErrPreconditionFailed reports an If-Match header that names none of
	// the case's current version (412).
	ErrPreconditionFailed = errors.New("casehttp: case changed since the given ETag")

	// ErrInvalidIdempotencyKey reports an Idempotency-Key that is longer
	// than 255 bytes or holds a byte outside printable ASCII (400).
	ErrInvalidIdempotencyKey = errors.New("casehttp: invalid idempotency key")

	// ErrIdempotencyMismatch reports an Idempotency-Key used before with
	// another request (422).
	ErrIdempotencyMismatch = errors.New("casehttp: idempotency key used with another request")

	// ErrIdempotencyInProgress reports an Idempotency-Key whose first
	// request has not finished (409).
	ErrIdempotencyInProgress = errors.New("casehttp: idempotent request in progress")

	// ErrNoRoute reports a path the API does not serve (404).
	ErrNoRoute = errors.New("casehttp: no such endpoint")

	// ErrMethodNotAllowed reports a method that a path of the API does not
	// allow (405).
	ErrMethodNotAllowed = errors.New("casehttp: method not allowed")
)

// The codes of the items of this package's problems. Each names a fault
// of the request itself (its method, path or headers), never of its body,
// so its item carries no pointer. The codes do not change between
// releases.
const (
	CodeUnauthorized          cases.Code = "unauthorized"
	CodeCaseNotFound          cases.Code = "case_not_found"
	CodeCaseExists            cases.Code = "case_exists"
	CodeUnknownEndpoint       cases.Code = "unknown_endpoint"
	CodeMethodNotAllowed      cases.Code = "method_not_allowed"
	CodeUnsupportedMediaType  cases.Code = "unsupported_media_type"
	CodePreconditionFailed    cases.Code = "precondition_failed"
	CodeInvalidIdempotencyKey cases.Code = "invalid_idempotency_key"
	CodeIdempotencyKeyReused  cases.Code = "idempotency_key_reused"
	CodeIdempotencyKeyInUse   cases.Code = "idempotency_key_in_use"
	CodeInternal              cases.Code = "internal_error"
)

// TypeBase prefixes the problem type of every error of this package; the
// fragment names its sentinel, as in "...casehttp#ErrNotFound".
const TypeBase = "https://pkg.go.dev/github.com/casekit/cases/casehttp#"

// httpProblem is the problem of one sentinel of this package.
type httpProblem struct {
	err    error
	name   string
	status int
	code   cases.Code
	title  string
	detail string
}

// httpProblems lists the problem of each sentinel of this package.
var httpProblems = []httpProblem{
	{ErrUnauthorized, "ErrUnauthorized", http.StatusUnauthorized, CodeUnauthorized,
		"Unauthorized",
		"Authorization must be Bearer and an API key of the form sk_test_... or sk_live_..."},
	{ErrNotFound, "ErrNotFound", http.StatusNotFound, CodeCaseNotFound,
		"Not found", "no case has the ID of the path"},
	{ErrExists, "ErrExists", http.StatusConflict, CodeCaseExists,
		"Case ID taken", "the ID drawn for the new case is taken; nothing was stored"},
	{ErrNoRoute, "ErrNoRoute", http.StatusNotFound, CodeUnknownEndpoint,
		"Not found", "the API has no endpoint at this path"},
	{ErrMethodNotAllowed, "ErrMethodNotAllowed", http.StatusMethodNotAllowed,
		CodeMethodNotAllowed, "Method not allowed",
		"the endpoint does not allow this method; Allow lists those it does"},
	{ErrUnsupportedMediaType, "ErrUnsupportedMediaType", http.StatusUnsupportedMediaType,
		CodeUnsupportedMediaType, "Unsupported media type",
		"Content-Type must be application/json or application/*+json"},
	{ErrPreconditionFailed, "ErrPreconditionFailed", http.StatusPreconditionFailed,
		CodePreconditionFailed, "Precondition failed",
		"If-Match names no current version of the case; it changed since"},
	{ErrInvalidIdempotencyKey, "ErrInvalidIdempotencyKey", http.StatusBadRequest,
		CodeInvalidIdempotencyKey, "Invalid idempotency key",
		"Idempotency-Key must be 1 to 255 printable ASCII characters"},
	{ErrIdempotencyMismatch, "ErrIdempotencyMismatch", http.StatusUnprocessableEntity,
		CodeIdempotencyKeyReused, "Idempotency key reused",
		"the Idempotency-Key was used with another method, path, If-Match or body"},
	{ErrIdempotencyInProgress, "ErrIdempotencyInProgress", http.StatusConflict,
		CodeIdempotencyKeyInUse, "Request in progress",
		"the first request with this Idempotency-Key has not finished; retry later"},
}

// ProblemFor converts err to problem details. A sentinel of this package
// (found with errors.Is) gives its own status and type, and one item
// with its code and no pointer. Any other error is converted by
// [cases.ProblemFor]: a [*cases.Error] gives its items, and anything else
// gives a 500 that does not reveal its text, with one item of code
// [CodeInternal] and no pointer. Every problem thus has at least one item.
func ProblemFor(err error) cases.Problem {
	for _, p := range httpProblems {
		if errors.Is(err, p.err) {
			return cases.Problem{
				Type: TypeBase + p.name, Title: p.title, Status: p.status, Detail: p.detail,
				Errors: []cases.ProblemItem{{Code: p.code, Detail: p.detail}},
			}
		}
	}
	p := cases.ProblemFor(err)
	if len(p.Errors) == 0 {
		p.Errors = []cases.ProblemItem{{Code: CodeInternal, Detail: p.Detail}}
	}
	return p
}

// problemAnswer returns the answer that sends err as
// application/problem+json.
func problemAnswer(err error) *Answer {
	p := ProblemFor(err)
	body, merr := json.Marshal(p)
	if merr != nil {
		// A Problem holds only strings and numbers; this cannot happen.
		body = []byte(`{"type":"about:blank","status":500}`)
	}
	h := http.Header{
		"Content-Type":  {"application/problem+json"},
		"Cache-Control": {"no-store"},
	}
	if errors.Is(err, ErrUnauthorized) {
		h.Set("WWW-Authenticate", `Bearer realm="cases"`)
	}
	return &Answer{Status: p.Status, Header: h, Body: append(body, '\n')}
}

// invalid returns the [*cases.Error] of one problem found in the request.
func invalid(it cases.Item) error {
	return &cases.Error{Err: cases.ErrInvalid, Items: []cases.Item{it}}
}
