package casehttp_test

import (
	"context"
	"errors"
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

	reused := casetest.ProblemType(casehttp.ErrIdempotencyMismatch)
	reusedItem := []cases.Item{casetest.InRequest(casehttp.CodeIdempotencyKeyReused)}
	badKey := casetest.ProblemType(casehttp.ErrInvalidIdempotencyKey)
	badKeyItem := []cases.Item{casetest.InRequest(casehttp.CodeInvalidIdempotencyKey)}
	tests := []struct {
		name    string
		path    string
		body    string
		key     string
		ifMatch string
		apiKey  string
		status  int
		typ     string
		items   []cases.Item
	}{
		{name: "same key, other body", path: "/v1/case/" + id + "/response",
			body: `{"fields":{}}`, key: "used", status: 422, typ: reused, items: reusedItem},
		{name: "same key, other path", path: "/v1/case", body: openBody(t, s), key: "used",
			status: 422, typ: reused, items: reusedItem},
		{name: "same key, an If-Match added", path: "/v1/case/" + id + "/response",
			body: answerBody, key: "used", ifMatch: `"1"`, status: 422, typ: reused,
			items: reusedItem},
		{name: "key too long", path: "/v1/case", body: openBody(t, s),
			key: strings.Repeat("k", 256), status: 400, typ: badKey, items: badKeyItem},
		{name: "key with a control character", path: "/v1/case", body: openBody(t, s),
			key: "open\t1", status: 400, typ: badKey, items: badKeyItem},
		{name: "key with a non-ASCII character", path: "/v1/case", body: openBody(t, s),
			key: "öffnen", status: 400, typ: badKey, items: badKeyItem},
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
				"Authorization", "Bearer "+apiKey, "If-Match", tt.ifMatch)
			casetest.AssertProblem(t, res, tt.status, tt.typ, tt.items...)
		})
	}
}

// TestIdempotency_KeyForm opens a case with keys at the edges of what is
// accepted: 255 bytes, and the lowest and highest printable ASCII
// characters. Each is accepted, and a retry with it replays the answer.
func TestIdempotency_KeyForm(t *testing.T) {
	s := casetest.NewServer(t)
	for _, key := range []string{strings.Repeat("k", 255), "open 1", "open~1"} {
		t.Run(key[:6], func(t *testing.T) {
			body := openBody(t, s)
			first := read(t, call(t, s, "POST", "/v1/case", body, "Idempotency-Key", key))
			require.Equal(t, 200, first.status, first.body)
			again := read(t, call(t, s, "POST", "/v1/case", body, "Idempotency-Key", key))
			assert.Equal(t, first, replayed(t, again))
		})
	}
	assert.Len(t, casesIn(t, s), 3)
}

// failingStore is a memory store whose Create fails while failures is
// above zero, counting it down.
type failingStore struct {
	*casehttp.MemoryStore
	failures int
}

func (s *failingStore) Create(ctx context.Context, c *cases.Case,
	events []cases.Event) (casehttp.Record, error) {
	if s.failures > 0 {
		s.failures--
		return casehttp.Record{}, errors.New("store unavailable")
	}
	return s.MemoryStore.Create(ctx, c, events)
}

// TestIdempotency_ServerFailureIsNotKept opens a case with a key while the
// store fails: the 500 is not kept for the key, so a retry opens the case,
// and the retry's answer is the one replayed after it.
func TestIdempotency_ServerFailureIsNotKept(t *testing.T) {
	env := casetest.NewEnv()
	store := &failingStore{MemoryStore: casehttp.NewMemoryStore(), failures: 1}
	srv := httptest.NewServer(casehttp.NewHandler(store,
		casehttp.Options{Now: env.Now, NewID: env.NewID}))
	defer srv.Close()
	body, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)

	failed := send(t, srv, "POST", "/v1/case", string(body), "Idempotency-Key", "k")
	casetest.AssertProblem(t, failed, 500, "about:blank",
		casetest.InRequest(casehttp.CodeInternal))
	retry := read(t, send(t, srv, "POST", "/v1/case", string(body), "Idempotency-Key", "k"))
	require.Equal(t, 200, retry.status, retry.body)
	assert.Empty(t, retry.header.Get("Idempotent-Replayed"))
	again := read(t, send(t, srv, "POST", "/v1/case", string(body), "Idempotency-Key", "k"))
	assert.Equal(t, retry, replayed(t, again))
}

// TestIdempotency_IfMatchIsPartOfTheRequest retries a response with a
// fresh If-Match under the key of one that a stale If-Match failed: the
// retry is another request, refused with 422, and the failure is not
// replayed as if it were its answer.
func TestIdempotency_IfMatchIsPartOfTheRequest(t *testing.T) {
	s := casetest.NewServer(t)
	id := s.OpenMissingInformation().ID
	path := "/v1/case/" + id + "/response"

	stale := call(t, s, "POST", path, answerBody, "Idempotency-Key", "k", "If-Match", `"7"`)
	casetest.AssertProblem(t, stale, 412, casetest.ProblemType(casehttp.ErrPreconditionFailed),
		casetest.InRequest(casehttp.CodePreconditionFailed))
	again := read(t, call(t, s, "POST", path, answerBody, "Idempotency-Key", "k",
		"If-Match", `"7"`))
	assert.Equal(t, 412, replayed(t, again).status)

	fresh := call(t, s, "POST", path, answerBody, "Idempotency-Key", "k", "If-Match", `"1"`)
	casetest.AssertProblem(t, fresh, 422, casetest.ProblemType(casehttp.ErrIdempotencyMismatch),
		casetest.InRequest(casehttp.CodeIdempotencyKeyReused))
	assert.Equal(t, cases.StatusNeedsResponse, s.Case(id).Status)
	other := call(t, s, "POST", path, answerBody, "Idempotency-Key", "k2", "If-Match", `"1"`)
	assert.Equal(t, `"2"`, readAnswered(t, other))
}

// readAnswered checks that res is a 200 answer with a case and returns
// its ETag.
func readAnswered(t *testing.T, res *http.Response) string {
	t.Helper()
	etag := res.Header.Get("ETag")
	readCase(t, res)
	return etag
}

// blockingStore is a memory store whose Create waits, once entered, until
// release is closed.
type blockingStore struct {
	*casehttp.MemoryStore
	entered chan struct{}
	release chan struct{}
}

func (s *blockingStore) Create(ctx context.Context, c *cases.Case,
	events []cases.Event) (casehttp.Record, error) {
	close(s.entered)
	<-s.release
	return s.MemoryStore.Create(ctx, c, events)
}

// TestIdempotency_InProgressIs409 sends a request with a key while the
// first request with that key still runs: the second is refused with
// 409, and once the first has finished, a third gets its answer.
func TestIdempotency_InProgressIs409(t *testing.T) {
	env := casetest.NewEnv()
	store := &blockingStore{MemoryStore: casehttp.NewMemoryStore(),
		entered: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(casehttp.NewHandler(store,
		casehttp.Options{Now: env.Now, NewID: env.NewID}))
	defer srv.Close()
	body, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)

	req, err := http.NewRequest("POST", srv.URL+"/v1/case", strings.NewReader(string(body)))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", "slow")
	type result struct {
		res *http.Response
		err error
	}
	first := make(chan result, 1)
	go func() {
		res, err := srv.Client().Do(req)
		first <- result{res, err}
	}()
	<-store.entered
	busy := send(t, srv, "POST", "/v1/case", string(body), "Idempotency-Key", "slow")
	casetest.AssertProblem(t, busy, 409, casetest.ProblemType(casehttp.ErrIdempotencyInProgress),
		casetest.InRequest(casehttp.CodeIdempotencyKeyInUse))
	close(store.release)

	r := <-first
	require.NoError(t, r.err)
	done := read(t, r.res)
	require.Equal(t, 200, done.status, done.body)
	again := read(t, send(t, srv, "POST", "/v1/case", string(body), "Idempotency-Key", "slow"))
	assert.Equal(t, done, replayed(t, again))
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
					casetest.ProblemType(casehttp.ErrPreconditionFailed),
					casetest.InRequest(casehttp.CodePreconditionFailed))
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
