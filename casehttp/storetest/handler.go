package storetest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// handlerTests drive a [casehttp.Handler] on the store.
var handlerTests = []test{
	{"Handler/OpenRespondResolve", testHandlerLife},
	{"Handler/StaleIfMatchIs412AndChangesNothing", testHandlerIfMatch},
	{"Handler/NewHandlerReplaysAnIdempotentRequest", testHandlerReplay},
	{"Handler/RetriedResponseKeepsItsNumbersAsSent", testHandlerNumbers},
}

// answer is a handler's answer, read.
type answer struct {
	status int
	header http.Header
	body   string
}

// handler returns a handler on s with env's clock and IDs.
func handler(s casehttp.Store, env *casetest.Env) http.Handler {
	return casehttp.NewHandler(s, casehttp.Options{Now: env.Now, NewID: env.NewID})
}

// serve sends one request to h with the test API key; pairs of extra
// strings set headers.
func serve(h http.Handler, method, path, body string, hdr ...string) answer {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return answer{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

// caseOf checks that a is a 200 answer with the ETag of version and
// decodes its case.
func caseOf(t *testing.T, a answer, etag string) *cases.Case {
	t.Helper()
	require.Equal(t, http.StatusOK, a.status, "body: %s", a.body)
	assert.Equal(t, etag, a.header.Get("ETag"))
	c, err := cases.Decoder{Lenient: true}.Case([]byte(a.body))
	require.NoError(t, err)
	return c
}

// openBody returns the body of the builders' open request at env's time.
func openBody(t *testing.T, env *casetest.Env) string {
	t.Helper()
	b, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// responseBody answers the builders' missing_information request.
const responseBody = `{"fields":{"corrected_legal_name":"Acme Holdings LLC",
	"registered_office":{"street_line_1":"8 The Green","city":"Dover","region":"DE",
	"postal_code":"19901","country":"US"}}}`

// testHandlerLife opens, answers and resolves a case through the API;
// the store holds each version and one event per change.
func testHandlerLife(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	h := handler(s, env)
	opened := caseOf(t, serve(h, "POST", "/v1/case", openBody(t, env)), `"1"`)
	assert.Equal(t, cases.StatusNeedsResponse, opened.Status)
	assertStored(t, s, opened, 1)

	path := "/v1/case/" + opened.ID
	answered := caseOf(t, serve(h, "POST", path+"/response", responseBody), `"2"`)
	assert.Equal(t, cases.StatusUnderReview, answered.Status)
	assertStored(t, s, answered, 2)

	resolved := caseOf(t, serve(h, "PATCH", path, `{"status":"resolved"}`), `"3"`)
	assert.Equal(t, cases.StatusResolved, resolved.Status)
	assert.Equal(t, cases.ReasonResponseReceived, resolved.ResolutionReason)
	assertStored(t, s, resolved, 3)
	got := caseOf(t, serve(h, "GET", path, ""), `"3"`)
	assert.Equal(t, encode(t, resolved), encode(t, got))

	out := outbox(t, s)
	require.Len(t, out, 3)
	for i, want := range []*cases.Case{opened, answered, resolved} {
		assert.Equal(t, encode(t, want), encode(t, out[i].Event.Data), "event %d", i)
	}
	assert.Equal(t, cases.EventCaseOpened, out[0].Event.Type)
	assert.Equal(t, cases.EventCaseUpdated, out[1].Event.Type)
	assert.Equal(t, cases.EventCaseUpdated, out[2].Event.Type)
}

// testHandlerIfMatch sends a change with a stale ETag, which is refused
// and stores nothing, then with the current one.
func testHandlerIfMatch(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	h := handler(s, env)
	opened := caseOf(t, serve(h, "POST", "/v1/case", openBody(t, env)), `"1"`)
	path := "/v1/case/" + opened.ID
	before := outboxJSON(t, s)

	for _, stale := range []string{`"2"`, `"0"`, `W/"1"`} {
		a := serve(h, "PATCH", path, `{"summary":"Changed."}`, "If-Match", stale)
		assert.Equal(t, http.StatusPreconditionFailed, a.status, "If-Match %s", stale)
		assert.Equal(t, "application/problem+json", a.header.Get("Content-Type"))
		assertStored(t, s, opened, 1)
	}
	a := serve(h, "POST", path+"/response", responseBody, "If-Match", `"5"`)
	assert.Equal(t, http.StatusPreconditionFailed, a.status)
	assert.Equal(t, before, outboxJSON(t, s))

	changed := caseOf(t, serve(h, "PATCH", path, `{"summary":"Changed."}`,
		"If-Match", `"1"`), `"2"`)
	assert.Equal(t, "Changed.", changed.Summary)
	assertStored(t, s, changed, 2)
	assert.Len(t, outbox(t, s), 2)
}

// testHandlerReplay sends requests with an Idempotency-Key to one
// handler and again to a new handler on the same store, as a client does
// when it retries against another process: the second gets the first
// answer, and nothing is done twice.
func testHandlerReplay(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	body := openBody(t, env)
	first := serve(handler(s, env), "POST", "/v1/case", body, "Idempotency-Key", "open-1")
	opened := caseOf(t, first, `"1"`)
	path := "/v1/case/" + opened.ID + "/response"
	answered := serve(handler(s, env), "POST", path, responseBody, "Idempotency-Key", "r-1")
	caseOf(t, answered, `"2"`)

	env.Clock.Advance(time.Hour)
	again := handler(s, env)
	for _, tt := range []struct {
		path, body, key string
		want            answer
	}{
		{"/v1/case", body, "open-1", first},
		{path, responseBody, "r-1", answered},
	} {
		got := serve(again, "POST", tt.path, tt.body, "Idempotency-Key", tt.key)
		assert.Equal(t, "true", got.header.Get("Idempotent-Replayed"), tt.key)
		got.header.Del("Idempotent-Replayed")
		assert.Equal(t, tt.want, got, tt.key)
	}

	recs, err := s.List(ctx, casehttp.ListQuery{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{opened.ID}, ids(recs))
	assert.Len(t, outbox(t, s), 2)
	mismatch := serve(again, "POST", path, `{"fields":{}}`, "Idempotency-Key", "r-1")
	assert.Equal(t, http.StatusUnprocessableEntity, mismatch.status)
}

// testHandlerNumbers answers a number field with 1e3 and sends the same
// answer again: the stored response keeps the number as it was sent, so
// the retry is the no-op success that the spec promises. A store that
// rewrote the number (1000) would refuse the retry with 409.
func testHandlerNumbers(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	h := handler(s, env)
	open := `{"parent_type":"filing","parent_id":"fil_1","kind":"missing_information",
		"status":"needs_response","summary":"Fee needed.","request":{"fields":[
		{"name":"amount","type":"number","description":"Fee paid.","required":true},
		{"name":"ratio","type":"number","description":"Share.","required":true}]}}`
	opened := caseOf(t, serve(h, "POST", "/v1/case", open), `"1"`)
	path := "/v1/case/" + opened.ID + "/response"
	const response = `{"fields":{"amount":1e3,"ratio":0.50}}`

	first := serve(h, "POST", path, response)
	caseOf(t, first, `"2"`)
	assert.Contains(t, first.body, `"amount":1e3`)
	assert.Contains(t, first.body, `"ratio":0.50`)
	again := serve(handler(s, env), "POST", path, response)
	caseOf(t, again, `"2"`)
	assert.Equal(t, first.body, again.body)
}
