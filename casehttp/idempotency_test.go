package casehttp_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answer is a whole HTTP answer, read.
type answer struct {
	status int
	header http.Header
	body   string
}

func read(t *testing.T, res *http.Response) answer {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	h := res.Header.Clone()
	h.Del("Date")
	h.Del("Content-Length")
	return answer{status: res.StatusCode, header: h, body: string(body)}
}

// replayed returns a without the header that marks a replay, and checks
// that it is there.
func replayed(t *testing.T, a answer) answer {
	t.Helper()
	assert.Equal(t, "true", a.header.Get("Idempotent-Replayed"))
	a.header = a.header.Clone()
	a.header.Del("Idempotent-Replayed")
	return a
}

func TestIdempotency_ReplaysTheFirstAnswer(t *testing.T) {
	s := casetest.NewServer(t)
	body := openBody(t, s)
	first := read(t, call(t, s, "POST", "/v1/case", body, "Idempotency-Key", "open-1"))
	require.Equal(t, 200, first.status)

	s.Env.Clock.Advance(time60m)
	again := read(t, call(t, s, "POST", "/v1/case", body, "Idempotency-Key", "open-1"))
	assert.Equal(t, first, replayed(t, again))
	assert.Len(t, casesIn(t, s), 1)
	assert.Len(t, s.Events(), 1)

	other := call(t, s, "POST", "/v1/case", body, "Idempotency-Key", "open-2")
	assert.Equal(t, 200, read(t, other).status)
	assert.Len(t, casesIn(t, s), 2)
}

func TestIdempotency_ReplaysErrorsToo(t *testing.T) {
	s := casetest.NewServer(t)
	id := s.OpenMissingInformation().ID
	body := `{"fields":{}}`
	first := read(t, call(t, s, "POST", "/v1/case/"+id+"/response", body,
		"Idempotency-Key", "k"))
	require.Equal(t, 400, first.status)
	again := read(t, call(t, s, "POST", "/v1/case/"+id+"/response", body,
		"Idempotency-Key", "k"))
	assert.Equal(t, first, replayed(t, again))
}

func TestIdempotency_Refusals(t *testing.T) {
	s := casetest.NewServer(t)
	id := s.OpenMissingInformation().ID
	read(t, call(t, s, "POST", "/v1/case/"+id+"/response", answerBody,
		"Idempotency-Key", "used"))

	tests := []struct {
		name   string
		path   string
		body   string
		key    string
		apiKey string
		status int
		typ    string
		items  []cases.Item
	}{
		{name: "same key, other body", path: "/v1/case/" + id + "/response",
			body: `{"fields":{}}`, key: "used", status: 422,
			typ: casetest.ProblemType(casehttp.ErrIdempotencyMismatch)},
		{name: "same key, other path", path: "/v1/case", body: openBody(t, s), key: "used",
			status: 422, typ: casetest.ProblemType(casehttp.ErrIdempotencyMismatch)},
		{name: "key too long", path: "/v1/case", body: openBody(t, s),
			key: strings.Repeat("k", 256), status: 400,
			typ:   casetest.ProblemType(cases.ErrInvalid),
			items: []cases.Item{casetest.At("", cases.CodeInvalidValue)}},
		{name: "same key of another API key is another key", path: "/v1/case/" + id +
			"/response", body: `{"fields":{}}`, key: "used", apiKey: "sk_test_other",
			status: 400, typ: casetest.ProblemType(cases.ErrInvalid), items: []cases.Item{
				casetest.At("/fields/corrected_legal_name", cases.CodeRequired),
				casetest.At("/fields/registered_office", cases.CodeRequired),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			apiKey := casetest.APIKey
			if tt.apiKey != "" {
				apiKey = tt.apiKey
			}
			res := call(t, s, "POST", tt.path, tt.body, "Idempotency-Key", tt.key,
				"Authorization", "Bearer "+apiKey)
			casetest.AssertProblem(t, res, tt.status, tt.typ, tt.items...)
		})
	}
}

func TestETag_IfMatch(t *testing.T) {
	s := casetest.NewServer(t)
	id := s.OpenMissingInformation().ID

	tests := []struct {
		name    string
		method  string
		path    string
		body    string
		ifMatch string
		status  int
		etag    string
	}{
		{name: "stale tag on respond", method: "POST", path: "/v1/case/" + id + "/response",
			body: answerBody, ifMatch: `"7"`, status: 412},
		{name: "current tag on respond", method: "POST", path: "/v1/case/" + id + "/response",
			body: answerBody, ifMatch: `"1"`, status: 200, etag: `"2"`},
		{name: "stale tag on update", method: "PATCH", path: "/v1/case/" + id,
			body: `{"summary":"Changed."}`, ifMatch: `"1"`, status: 412},
		{name: "weak tag never matches", method: "PATCH", path: "/v1/case/" + id,
			body: `{"summary":"Changed."}`, ifMatch: `W/"2"`, status: 412},
		{name: "one of a list", method: "PATCH", path: "/v1/case/" + id,
			body: `{"summary":"Changed."}`, ifMatch: `"1", "2"`, status: 200, etag: `"3"`},
		{name: "star", method: "PATCH", path: "/v1/case/" + id,
			body: `{"summary":"Changed again."}`, ifMatch: `*`, status: 200, etag: `"4"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := call(t, s, tt.method, tt.path, tt.body, "If-Match", tt.ifMatch)
			if tt.status == 412 {
				casetest.AssertProblem(t, res, 412,
					casetest.ProblemType(casehttp.ErrPreconditionFailed))
				return
			}
			assert.Equal(t, tt.etag, res.Header.Get("ETag"))
			readCase(t, res)
		})
	}
	assert.Equal(t, "Changed again.", s.Case(id).Summary)
}

// TestIdempotency_AfterRestart replays an answer and honours an ETag
// through a new handler on the same store.
func TestIdempotency_AfterRestart(t *testing.T) {
	store := casehttp.NewMemoryStore()
	env := casetest.NewEnv()
	start := func() *httptest.Server {
		h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now, NewID: env.NewID})
		return httptest.NewServer(h)
	}
	post := func(srv *httptest.Server, method, path, body string, hdr ...string) answer {
		req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		res, err := srv.Client().Do(req)
		require.NoError(t, err)
		return read(t, res)
	}
	body, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)

	first := start()
	opened := post(first, "POST", "/v1/case", string(body), "Idempotency-Key", "k1")
	require.Equal(t, 200, opened.status)
	first.Close()

	second := start()
	defer second.Close()
	again := post(second, "POST", "/v1/case", string(body), "Idempotency-Key", "k1")
	assert.Equal(t, opened, replayed(t, again))

	id := casetest.ID(1).String()
	stale := post(second, "PATCH", "/v1/case/"+id, `{"summary":"x"}`, "If-Match", `"0"`)
	assert.Equal(t, 412, stale.status)
	fresh := post(second, "PATCH", "/v1/case/"+id, `{"summary":"x"}`,
		"If-Match", opened.header.Get("ETag"))
	assert.Equal(t, 200, fresh.status)
	assert.Equal(t, `"2"`, fresh.header.Get("ETag"))
}

func casesIn(t *testing.T, s *casetest.Server) []string {
	return readList(t, call(t, s, "GET", "/v1/case?limit=100", "")).ids(t)
}
