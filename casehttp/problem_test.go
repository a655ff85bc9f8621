package casehttp_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProblemFor(t *testing.T) {
	tests := []struct {
		err    error
		name   string
		status int
		code   cases.Code
	}{
		{casehttp.ErrUnauthorized, "ErrUnauthorized", 401, casehttp.CodeUnauthorized},
		{casehttp.ErrNotFound, "ErrNotFound", 404, casehttp.CodeCaseNotFound},
		{casehttp.ErrExists, "ErrExists", 409, casehttp.CodeCaseExists},
		{casehttp.ErrNoRoute, "ErrNoRoute", 404, casehttp.CodeUnknownEndpoint},
		{casehttp.ErrMethodNotAllowed, "ErrMethodNotAllowed", 405,
			casehttp.CodeMethodNotAllowed},
		{casehttp.ErrUnsupportedMediaType, "ErrUnsupportedMediaType", 415,
			casehttp.CodeUnsupportedMediaType},
		{casehttp.ErrPreconditionFailed, "ErrPreconditionFailed", 412,
			casehttp.CodePreconditionFailed},
		{casehttp.ErrInvalidIdempotencyKey, "ErrInvalidIdempotencyKey", 400,
			casehttp.CodeInvalidIdempotencyKey},
		{casehttp.ErrIdempotencyMismatch, "ErrIdempotencyMismatch", 422,
			casehttp.CodeIdempotencyKeyReused},
		{casehttp.ErrIdempotencyInProgress, "ErrIdempotencyInProgress", 409,
			casehttp.CodeIdempotencyKeyInUse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, err := range []error{tt.err, fmt.Errorf("store: %w", tt.err)} {
				p := casehttp.ProblemFor(err)
				assert.Equal(t, casehttp.TypeBase+tt.name, p.Type)
				assert.Equal(t, tt.status, p.Status)
				assert.NotEmpty(t, p.Title)
				assert.NotEmpty(t, p.Detail)
				require.Len(t, p.Errors, 1)
				assert.Equal(t, cases.ProblemItem{Code: tt.code, Detail: p.Detail}, p.Errors[0])
			}
		})
	}
}

func TestProblemFor_OtherErrors(t *testing.T) {
	p := casehttp.ProblemFor(errors.New("connection refused to db.internal:5432"))
	assert.Equal(t, "about:blank", p.Type)
	assert.Equal(t, 500, p.Status)
	assert.NotContains(t, p.Detail, "db.internal")
	assert.Equal(t, []cases.ProblemItem{{Code: casehttp.CodeInternal, Detail: p.Detail}},
		p.Errors)

	invalid := &cases.Error{Err: cases.ErrInvalid, Items: []cases.Item{
		{Pointer: "/summary", Code: cases.CodeRequired, Message: "summary is required"}}}
	assert.Equal(t, cases.ProblemFor(invalid), casehttp.ProblemFor(invalid))
}

// TestHandler_Problems sends requests that the handler refuses, and
// checks each problem: status, type and items. Problems with the request
// itself (its key, path, method or headers) have one item without a
// pointer.
func TestHandler_Problems(t *testing.T) {
	s := casetest.NewServer(t)
	open := s.OpenMissingInformation().ID
	answered := s.OpenMissingInformation().ID
	readCase(t, call(t, s, "POST", "/v1/case/"+answered+"/response", answerBody))
	closed := s.OpenMissingInformation().ID
	s.Resolve(closed, cases.ReasonNoResponseNeeded)
	unknown := casetest.ID(999).String()

	invalid := casetest.ProblemType(cases.ErrInvalid)
	inRequest := func(err error, code cases.Code) (string, []cases.Item) {
		return casetest.ProblemType(err), []cases.Item{casetest.InRequest(code)}
	}
	unauthorized, noKey := inRequest(casehttp.ErrUnauthorized, casehttp.CodeUnauthorized)
	notFound, noCase := inRequest(casehttp.ErrNotFound, casehttp.CodeCaseNotFound)
	noRoute, noEndpoint := inRequest(casehttp.ErrNoRoute, casehttp.CodeUnknownEndpoint)
	notAllowed, noMethod := inRequest(casehttp.ErrMethodNotAllowed,
		casehttp.CodeMethodNotAllowed)
	mediaType, notJSON := inRequest(casehttp.ErrUnsupportedMediaType,
		casehttp.CodeUnsupportedMediaType)
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		header []string
		status int
		typ    string
		items  []cases.Item
	}{
		{name: "no key", method: "GET", path: "/v1/case", header: []string{"Authorization", ""},
			status: 401, typ: unauthorized, items: noKey},
		{name: "publishable key", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Bearer pk_test_abc"},
			status: 401, typ: unauthorized, items: noKey},
		{name: "empty secret key", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Bearer sk_test_"},
			status: 401, typ: unauthorized, items: noKey},
		{name: "basic auth", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Basic c2tfdGVzdF94Og=="},
			status: 401, typ: unauthorized, items: noKey},
		{name: "unknown case", method: "GET", path: "/v1/case/" + unknown,
			status: 404, typ: notFound, items: noCase},
		{name: "update unknown case", method: "PATCH", path: "/v1/case/" + unknown,
			body: `{"summary":"x"}`, status: 404, typ: notFound, items: noCase},
		{name: "respond to unknown case", method: "POST",
			path: "/v1/case/" + unknown + "/response", body: answerBody,
			status: 404, typ: notFound, items: noCase},
		{name: "unknown endpoint", method: "GET", path: "/v1/cases",
			status: 404, typ: noRoute, items: noEndpoint},
		{name: "method not allowed", method: "DELETE", path: "/v1/case/" + open,
			status: 405, typ: notAllowed, items: noMethod},
		{name: "open with a text body", method: "POST", path: "/v1/case", body: `{}`,
			header: []string{"Content-Type", "text/plain"},
			status: 415, typ: mediaType, items: notJSON},
		{name: "update without content type", method: "PATCH", path: "/v1/case/" + open,
			body: `{}`, header: []string{"Content-Type", ""},
			status: 415, typ: mediaType, items: notJSON},
		{name: "respond with a form body", method: "POST",
			path: "/v1/case/" + open + "/response", body: answerBody,
			header: []string{"Content-Type", "application/x-www-form-urlencoded"},
			status: 415, typ: mediaType, items: notJSON},
		{name: "open body not JSON", method: "POST", path: "/v1/case", body: `{"summary":`,
			status: 400, typ: invalid,
			items: []cases.Item{casetest.At("", cases.CodeInvalidJSON)}},
		{name: "update body not JSON", method: "PATCH", path: "/v1/case/" + open,
			body: `{"summary":"x"} {`, status: 400, typ: invalid,
			items: []cases.Item{casetest.At("", cases.CodeInvalidJSON)}},
		{name: "response body not JSON", method: "POST",
			path: "/v1/case/" + open + "/response", body: `{"fields":{"a":}}`,
			status: 400, typ: invalid,
			items: []cases.Item{casetest.At("", cases.CodeInvalidJSON)}},
		{name: "open with five problems", method: "POST", path: "/v1/case",
			body: readTestdata(t, "open_five_problems.json"), status: 400, typ: invalid,
			items: []cases.Item{
				casetest.At("/due_at", cases.CodeInvalidFormat),
				casetest.At("/metadata/customer[tier]", cases.CodeInvalidFormat),
				casetest.At("/parent_id", cases.CodeInvalidFormat),
				casetest.At("/parent_type", cases.CodeUnknownValue),
				casetest.At("/request/fields/2/name", cases.CodeInvalidFormat),
			}},
		{name: "open with a past due time", method: "POST", path: "/v1/case",
			body: strings.Replace(openBody(t, s), `"due_at":"2026-03-16T09:00:00Z"`,
				`"due_at":"2026-03-01T09:00:00Z"`, 1),
			status: 400, typ: invalid, items: []cases.Item{
				casetest.At("/due_at", cases.CodeInvalidValue)}},
		{name: "update names the kind", method: "PATCH", path: "/v1/case/" + open,
			body: `{"kind":"ra_termination","summary":""}`, status: 400, typ: invalid,
			items: []cases.Item{
				casetest.At("/kind", cases.CodeNotAllowed),
				casetest.At("/summary", cases.CodeRequired),
			}},
		{name: "response without a required answer", method: "POST",
			path: "/v1/case/" + open + "/response",
			body: `{"fields":{"corrected_legal_name":" ","age":3}}`, status: 400, typ: invalid,
			items: []cases.Item{
				casetest.At("/fields/age", cases.CodeUnknownField),
				casetest.At("/fields/corrected_legal_name", cases.CodeRequired),
				casetest.At("/fields/registered_office", cases.CodeRequired),
			}},
		{name: "response to a case under review", method: "POST",
			path:   "/v1/case/" + answered + "/response",
			body:   strings.Replace(answerBody, "Acme Holdings", "Acme Group", 1),
			status: 409, typ: casetest.ProblemType(cases.ErrNotAwaitingResponse),
			items: []cases.Item{casetest.At("", cases.CodeNotAwaiting)}},
		{name: "response to a closed case", method: "POST",
			path: "/v1/case/" + closed + "/response", body: answerBody,
			status: 409, typ: casetest.ProblemType(cases.ErrClosed),
			items: []cases.Item{casetest.At("", cases.CodeCaseClosed)}},
		{name: "update of a closed case", method: "PATCH", path: "/v1/case/" + closed,
			body: `{"summary":"Reopened?"}`, status: 409,
			typ:   casetest.ProblemType(cases.ErrClosed),
			items: []cases.Item{casetest.At("", cases.CodeCaseClosed)}},
		{name: "resolve without reason or response", method: "PATCH", path: "/v1/case/" + open,
			body: `{"status":"resolved"}`, status: 409,
			typ:   casetest.ProblemType(cases.ErrTransition),
			items: []cases.Item{casetest.At("/resolution_reason", cases.CodeReasonRequired)}},
		{name: "response_received without a response", method: "PATCH",
			path: "/v1/case/" + open,
			body: `{"status":"resolved","resolution_reason":"response_received"}`, status: 409,
			typ: casetest.ProblemType(cases.ErrTransition),
			items: []cases.Item{
				casetest.At("/resolution_reason", cases.CodeInvalidTransition)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := append([]string{"Authorization", "Bearer " + casetest.APIKey},
				tt.header...)
			res := call(t, s, tt.method, tt.path, tt.body, header...)
			casetest.AssertProblem(t, res, tt.status, tt.typ, tt.items...)
		})
	}
	assert.Equal(t, cases.StatusNeedsResponse, s.Case(open).Status)
}

func TestHandler_UnauthorizedNamesTheScheme(t *testing.T) {
	s := casetest.NewServer(t)
	res := call(t, s, "GET", "/v1/case", "", "Authorization", "")
	assert.Equal(t, `Bearer realm="cases"`, res.Header.Get("WWW-Authenticate"))
	casetest.AssertProblem(t, res, 401, casetest.ProblemType(casehttp.ErrUnauthorized),
		casetest.InRequest(casehttp.CodeUnauthorized))
}

func TestHandler_MethodNotAllowedListsMethods(t *testing.T) {
	s := casetest.NewServer(t)
	for _, tt := range []struct{ method, path, allow string }{
		{"PUT", "/v1/case", "GET, POST"},
		{"POST", "/v1/case/" + casetest.ID(1).String(), "GET, PATCH"},
		{"GET", "/v1/case/" + casetest.ID(1).String() + "/response", "POST"},
	} {
		res := call(t, s, tt.method, tt.path, "{}")
		assert.Equal(t, tt.allow, res.Header.Get("Allow"), tt.path)
		casetest.AssertProblem(t, res, 405, casetest.ProblemType(casehttp.ErrMethodNotAllowed),
			casetest.InRequest(casehttp.CodeMethodNotAllowed))
	}
}

// TestHandler_TakenIDIs409 opens two cases with an ID source that repeats
// itself: the second open is refused with 409 and stores nothing.
func TestHandler_TakenIDIs409(t *testing.T) {
	env := casetest.NewEnv()
	store := casehttp.NewMemoryStore()
	fixed := casetest.ID(5)
	var failures []error
	h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now,
		NewID:   func() (uuid.UUID, error) { return fixed, nil },
		OnError: func(_ *http.Request, err error) { failures = append(failures, err) }})
	srv := httptest.NewServer(h)
	defer srv.Close()
	body, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)

	first := send(t, srv, "POST", "/v1/case", string(body))
	require.Equal(t, 200, first.StatusCode)
	first.Body.Close()
	second := send(t, srv, "POST", "/v1/case", string(body))
	casetest.AssertProblem(t, second, 409, casetest.ProblemType(casehttp.ErrExists),
		casetest.InRequest(casehttp.CodeCaseExists))

	out, err := store.Events(t.Context(), 0, 10)
	require.NoError(t, err)
	assert.Len(t, out, 1)
	assert.Empty(t, failures, "a taken ID is not the server's failure")
}
