package casehttp

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/casekit/cases"
)

// The errors of the HTTP layer that the cases package has no family for.
// [ProblemFor] gives each its status and a problem type that ends in its
// name; their problems carry no items.
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

// TypeBase prefixes the problem type of every error of this package; the
// fragment names its sentinel, as in "...casehttp#ErrNotFound".
const TypeBase = "https://pkg.go.dev/github.com/casekit/cases/casehttp#"

// httpProblems maps each sentinel of this package to its problem.
var httpProblems = []struct {
	err    error
	name   string
	status int
	title  string
	detail string
}{
	{ErrUnauthorized, "ErrUnauthorized", http.StatusUnauthorized, "Unauthorized",
		"send an API key as Authorization: Bearer sk_test_... or sk_live_..."},
	{ErrNotFound, "ErrNotFound", http.StatusNotFound, "Not found",
		"no case has this ID"},
	{ErrUnsupportedMediaType, "ErrUnsupportedMediaType", http.StatusUnsupportedMediaType,
		"Unsupported media type", "the body must be application/json or application/*+json"},
	{ErrPreconditionFailed, "ErrPreconditionFailed", http.StatusPreconditionFailed,
		"Precondition failed", "the case changed since the version named by If-Match"},
	{ErrIdempotencyMismatch, "ErrIdempotencyMismatch", http.StatusUnprocessableEntity,
		"Idempotency key reused", "the Idempotency-Key was used with another request"},
	{ErrIdempotencyInProgress, "ErrIdempotencyInProgress", http.StatusConflict,
		"Request in progress", "the first request with this Idempotency-Key has not finished"},
	{ErrNoRoute, "ErrNoRoute", http.StatusNotFound, "Not found",
		"the API has no such endpoint"},
	{ErrMethodNotAllowed, "ErrMethodNotAllowed", http.StatusMethodNotAllowed,
		"Method not allowed", "the endpoint does not allow this method"},
}

// ProblemFor converts err to problem details: a sentinel of this package
// (found with errors.Is) gives its own status and type, anything else is
// converted by [cases.ProblemFor], which gives 500 for an error that is not
// a [*cases.Error].
func ProblemFor(err error) cases.Problem {
	for _, p := range httpProblems {
		if errors.Is(err, p.err) {
			return cases.Problem{
				Type: TypeBase + p.name, Title: p.title, Status: p.status, Detail: p.detail,
			}
		}
	}
	return cases.ProblemFor(err)
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
