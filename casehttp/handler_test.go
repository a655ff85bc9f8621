package casehttp_test

import (
	"strings"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandler_Lifecycle(t *testing.T) {
	s := casetest.NewServer(t)

	res := call(t, s, "POST", "/v1/case", openBody(t, s))
	assert.Equal(t, `"1"`, res.Header.Get("ETag"))
	opened := readCase(t, res)
	assert.Equal(t, casetest.ID(1).String(), opened.ID)
	assert.Equal(t, cases.StatusNeedsResponse, opened.Status)
	require.NoError(t, opened.Validate())

	res = call(t, s, "GET", "/v1/case/"+opened.ID, "")
	assert.Equal(t, `"1"`, res.Header.Get("ETag"))
	assert.Equal(t, opened, readCase(t, res))

	s.Env.Clock.Advance(time60m)
	res = call(t, s, "POST", "/v1/case/"+opened.ID+"/response", answerBody)
	assert.Equal(t, `"2"`, res.Header.Get("ETag"))
	answered := readCase(t, res)
	assert.Equal(t, cases.StatusUnderReview, answered.Status)
	assert.Equal(t, s.Env.Now(), answered.UpdatedAt)

	res = call(t, s, "PATCH", "/v1/case/"+opened.ID, `{"status":"resolved"}`,
		"Content-Type", "application/merge-patch+json")
	assert.Equal(t, `"3"`, res.Header.Get("ETag"))
	resolved := readCase(t, res)
	assert.Equal(t, cases.StatusResolved, resolved.Status)
	assert.Equal(t, cases.ReasonResponseReceived, resolved.ResolutionReason)
	require.NoError(t, resolved.Validate())

	page := readList(t, call(t, s, "GET", "/v1/case", ""))
	assert.Equal(t, "list", page.Object)
	assert.Equal(t, []string{opened.ID}, page.ids(t))
	assert.False(t, page.HasMore)
	assert.Nil(t, page.NextCursor)

	types := []cases.EventType{}
	for _, e := range s.Events() {
		types = append(types, e.Type)
	}
	assert.Equal(t, []cases.EventType{
		cases.EventCaseOpened, cases.EventCaseUpdated, cases.EventCaseUpdated,
	}, types)
}

func TestHandler_NoOpKeepsVersion(t *testing.T) {
	s := casetest.NewServer(t)
	c := s.Open(casetest.MissingInformationOpen(s.Env.Now()))
	body := `{"summary":"New summary."}`

	res := call(t, s, "PATCH", "/v1/case/"+c.ID, body)
	assert.Equal(t, `"2"`, res.Header.Get("ETag"))
	first := readCase(t, res)
	res = call(t, s, "PATCH", "/v1/case/"+c.ID, body)
	assert.Equal(t, `"2"`, res.Header.Get("ETag"))
	assert.Equal(t, first, readCase(t, res))
	assert.Len(t, s.Events(), 2)
}

func TestHandler_Errors(t *testing.T) {
	s := casetest.NewServer(t)
	open := s.OpenMissingInformation().ID
	answered := s.OpenMissingInformation().ID
	readCase(t, call(t, s, "POST", "/v1/case/"+answered+"/response", answerBody))
	closed := s.OpenMissingInformation().ID
	s.Resolve(closed, cases.ReasonNoResponseNeeded)
	unknown := casetest.ID(999).String()

	invalid := casetest.ProblemType(cases.ErrInvalid)
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
			status: 401, typ: casetest.ProblemType(casehttp.ErrUnauthorized)},
		{name: "publishable key", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Bearer pk_test_abc"},
			status: 401, typ: casetest.ProblemType(casehttp.ErrUnauthorized)},
		{name: "empty secret key", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Bearer sk_test_"},
			status: 401, typ: casetest.ProblemType(casehttp.ErrUnauthorized)},
		{name: "basic auth", method: "GET", path: "/v1/case",
			header: []string{"Authorization", "Basic c2tfdGVzdF94Og=="},
			status: 401, typ: casetest.ProblemType(casehttp.ErrUnauthorized)},
		{name: "unknown case", method: "GET", path: "/v1/case/" + unknown,
			status: 404, typ: casetest.ProblemType(casehttp.ErrNotFound)},
		{name: "update unknown case", method: "PATCH", path: "/v1/case/" + unknown,
			body: `{"summary":"x"}`, status: 404, typ: casetest.ProblemType(casehttp.ErrNotFound)},
		{name: "respond to unknown case", method: "POST",
			path: "/v1/case/" + unknown + "/response", body: answerBody,
			status: 404, typ: casetest.ProblemType(casehttp.ErrNotFound)},
		{name: "unknown endpoint", method: "GET", path: "/v1/cases",
			status: 404, typ: casetest.ProblemType(casehttp.ErrNoRoute)},
		{name: "method not allowed", method: "DELETE", path: "/v1/case/" + open,
			status: 405, typ: casetest.ProblemType(casehttp.ErrMethodNotAllowed)},
		{name: "text body", method: "POST", path: "/v1/case", body: `{}`,
			header: []string{"Content-Type", "text/plain"},
			status: 415, typ: casetest.ProblemType(casehttp.ErrUnsupportedMediaType)},
		{name: "no content type", method: "PATCH", path: "/v1/case/" + open, body: `{}`,
			header: []string{"Content-Type", ""},
			status: 415, typ: casetest.ProblemType(casehttp.ErrUnsupportedMediaType)},
		{name: "body over the limit", method: "POST", path: "/v1/case",
			body:   `{"summary":` + jsonString(strings.Repeat("x", cases.DefaultMaxBytes)) + `}`,
			status: 413, typ: invalid, items: []cases.Item{casetest.At("", cases.CodeTooLarge)}},
		{name: "not JSON", method: "POST", path: "/v1/case", body: `{"summary":`,
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
		{name: "limit zero", method: "GET", path: "/v1/case?limit=0", status: 400, typ: invalid,
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "limit 101", method: "GET", path: "/v1/case?limit=101", status: 400, typ: invalid,
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "limit not a number", method: "GET", path: "/v1/case?limit=ten", status: 400,
			typ:   invalid,
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "cursor not issued", method: "GET", path: "/v1/case?cursor=abc", status: 400,
			typ:   invalid,
			items: []cases.Item{casetest.AtParameter("cursor", cases.CodeInvalidValue)}},
		{name: "cursor of an unknown case", method: "GET",
			// "c1:" and the ID of a case that does not exist, base64url.
			path:   "/v1/case?cursor=YzE6MDAwMDAwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwM2U3",
			status: 400, typ: invalid,
			items: []cases.Item{casetest.AtParameter("cursor", cases.CodeInvalidValue)}},
		{name: "several bad parameters", method: "GET",
			path:   "/v1/case?status=closed&kind=x&parent_type=Filing&sort=asc&limit=1&limit=2",
			status: 400, typ: invalid,
			items: []cases.Item{
				casetest.AtParameter("kind", cases.CodeUnknownValue),
				casetest.AtParameter("limit", cases.CodeDuplicate),
				casetest.AtParameter("parent_type", cases.CodeUnknownValue),
				casetest.AtParameter("sort", cases.CodeUnknownField),
				casetest.AtParameter("status", cases.CodeUnknownValue),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := append([]string{"Authorization", "Bearer " + casetest.APIKey},
				tt.header...)
			res := call(t, s, tt.method, tt.path, tt.body, header...)
			casetest.AssertProblem(t, res, tt.status, tt.typ, tt.items...)
		})
	}
}

func TestHandler_UnauthorizedNamesTheScheme(t *testing.T) {
	s := casetest.NewServer(t)
	res := call(t, s, "GET", "/v1/case", "", "Authorization", "")
	assert.Equal(t, `Bearer realm="cases"`, res.Header.Get("WWW-Authenticate"))
	casetest.AssertProblem(t, res, 401, casetest.ProblemType(casehttp.ErrUnauthorized))
}

func TestHandler_MethodNotAllowedListsMethods(t *testing.T) {
	s := casetest.NewServer(t)
	res := call(t, s, "PUT", "/v1/case", "{}")
	assert.Equal(t, "GET, POST", res.Header.Get("Allow"))
	casetest.AssertProblem(t, res, 405, casetest.ProblemType(casehttp.ErrMethodNotAllowed))
}

func TestHandler_AuthorizeHook(t *testing.T) {
	store := casehttp.NewMemoryStore()
	h := casehttp.NewHandler(store, casehttp.Options{
		Authorize: func(key string) bool { return key == "sk_live_good" },
	})
	for _, tt := range []struct {
		name   string
		key    string
		status int
	}{
		{name: "accepted", key: "sk_live_good", status: 200},
		{name: "refused", key: "sk_live_other", status: 401},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := httptestRequest("GET", "/v1/case", "")
			req.Header.Set("Authorization", "Bearer "+tt.key)
			rec := serve(h, req)
			assert.Equal(t, tt.status, rec.Code)
		})
	}
}

const time60m = time.Hour
