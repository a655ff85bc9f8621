package casehttp_test

import (
	"context"
	"errors"
	"io"
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

// TestHandler_BodyLimit sends each body endpoint a body one byte over the
// limit, with its length and chunked without one: each is refused with
// 413 before anything is decoded. A body of exactly the limit is read.
func TestHandler_BodyLimit(t *testing.T) {
	const limit = 4096
	env := casetest.NewEnv()
	var lengths []int64
	h := casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{
		Now: env.Now, NewID: env.NewID, MaxBodyBytes: limit})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lengths = append(lengths, r.ContentLength)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	open, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)
	id := readCase(t, send(t, srv, "POST", "/v1/case", string(open))).ID

	tests := []struct{ name, method, path, body string }{
		{"open", "POST", "/v1/case", string(open)},
		{"update", "PATCH", "/v1/case/" + id, `{"summary":"Changed."}`},
		{"respond", "POST", "/v1/case/" + id + "/response", answerBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lengths = nil
			for _, chunked := range []bool{false, true} {
				res := sendSized(t, srv, tt.method, tt.path, pad(tt.body, limit+1), chunked)
				casetest.AssertProblem(t, res, 413, casetest.ProblemType(cases.ErrInvalid),
					casetest.At("", cases.CodeTooLarge))
			}
			readCase(t, sendSized(t, srv, tt.method, tt.path, pad(tt.body, limit), true))
			assert.Equal(t, []int64{limit + 1, -1, -1}, lengths, "Content-Length seen")
		})
	}
}

// pad pads the JSON text s with spaces to n bytes.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", n-len(s))
}

// sendSized sends body to srv with its Content-Length, or chunked without
// one.
func sendSized(t *testing.T, srv *httptest.Server, method, path, body string,
	chunked bool) *http.Response {
	t.Helper()
	var r io.Reader = strings.NewReader(body)
	if chunked {
		// A reader of unknown length makes the client send chunks.
		r = io.MultiReader(r)
	}
	req, err := http.NewRequest(method, srv.URL+path, r)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	req.Header.Set("Content-Type", "application/json")
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	return res
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

// TestHandler_APIKeyForm sends keys of the right and the wrong form with
// no Authorize hook: a key is sk_test_ or sk_live_ and then one or more
// ASCII letters, digits and underscores. Each refused key gets 401.
func TestHandler_APIKeyForm(t *testing.T) {
	h := casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{})
	tests := []struct {
		name, authorization string
		ok                  bool
	}{
		{"the ends of the lower-case letters", "Bearer sk_test_az", true},
		{"the ends of the capital letters", "Bearer sk_test_AZ", true},
		{"the ends of the digits", "Bearer sk_live_09", true},
		{"underscores", "Bearer sk_live__key_", true},
		{"the scheme in lower case", "bearer sk_test_key", true},
		{"a hyphen first", "Bearer sk_test_-key", false},
		{"a hyphen inside", "Bearer sk_test_ke-y", false},
		{"a space inside", "Bearer sk_test_ke y", false},
		{"the character before a", "Bearer sk_test_key`", false},
		{"the character after z", "Bearer sk_test_key{", false},
		{"the character before A", "Bearer sk_test_key@", false},
		{"the character after Z", "Bearer sk_test_key[", false},
		{"the character before 0", "Bearer sk_test_key/", false},
		{"the character after 9", "Bearer sk_test_key:", false},
		{"a letter outside ASCII", "Bearer sk_test_kéy", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptestRequest("GET", "/v1/case", "")
			req.Header.Set("Authorization", tt.authorization)
			res := serve(h, req).Result()
			if tt.ok {
				assert.Equal(t, []string{}, readList(t, res).ids(t))
				return
			}
			casetest.AssertProblem(t, res, 401, casetest.ProblemType(casehttp.ErrUnauthorized),
				casetest.InRequest(casehttp.CodeUnauthorized))
		})
	}
}

// recordingBody is a request body that records the size of the buffer
// each Read is given, and reports the end with its last bytes.
type recordingBody struct {
	data  []byte
	reads []int
}

func (b *recordingBody) Read(p []byte) (int, error) {
	b.reads = append(b.reads, len(p))
	n := copy(p, b.data)
	b.data = b.data[n:]
	if len(b.data) == 0 {
		return n, io.EOF
	}
	return n, nil
}

func (b *recordingBody) Close() error { return nil }

// TestHandler_ReadsABodyOfKnownLengthAtOnce sends a body whose length the
// request gives: the handler reads it with one Read into a buffer with
// room for all of it and the end.
func TestHandler_ReadsABodyOfKnownLengthAtOnce(t *testing.T) {
	env := casetest.NewEnv()
	h := casehttp.NewHandler(casehttp.NewMemoryStore(),
		casehttp.Options{Now: env.Now, NewID: env.NewID})
	open, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)
	const size = 1000
	body := &recordingBody{data: []byte(pad(string(open), size))}
	req := authorized(httptestRequest("POST", "/v1/case", ""))
	req.Header.Set("Content-Type", "application/json")
	req.Body, req.ContentLength = body, size

	readCase(t, serve(h, req).Result())
	assert.Equal(t, []int{size + 1}, body.reads)
}

// recordingNotifier records the events of every call of Notify.
type recordingNotifier struct{ calls [][]cases.EventType }

func (n *recordingNotifier) Notify(events []cases.Event) {
	var types []cases.EventType
	for _, e := range events {
		types = append(types, e.Type)
	}
	n.calls = append(n.calls, types)
}

// TestHandler_NotifiesOnlyOfEvents makes changes with and without events:
// the Notifier hears of those with events only.
func TestHandler_NotifiesOnlyOfEvents(t *testing.T) {
	env := casetest.NewEnv()
	n := &recordingNotifier{}
	h := casehttp.NewHandler(casehttp.NewMemoryStore(),
		casehttp.Options{Now: env.Now, NewID: env.NewID, Notifier: n})
	do := func(method, path, body string) *cases.Case {
		t.Helper()
		return readCase(t, serve(h, authorized(httptestRequest(method, path, body))).Result())
	}
	open := func(o *cases.OpenRequest) *cases.Case {
		t.Helper()
		b, err := o.MarshalJSON()
		require.NoError(t, err)
		return do("POST", "/v1/case", string(b))
	}

	c := open(casetest.MissingInformationOpen(env.Now()))
	do("PATCH", "/v1/case/"+c.ID, `{"summary":"Changed."}`)
	do("PATCH", "/v1/case/"+c.ID, `{"summary":"Changed."}`) // changes nothing
	internal := casetest.MissingInformationOpen(env.Now())
	internal.Status = cases.StatusUnderReview
	in := open(internal) // an internal case fires no event
	do("PATCH", "/v1/case/"+in.ID, `{"summary":"Internal."}`)

	assert.Equal(t, [][]cases.EventType{{cases.EventCaseOpened}, {cases.EventCaseUpdated}},
		n.calls)
}

// brokenStore is a memory store whose Get fails with err.
type brokenStore struct {
	*casehttp.MemoryStore
	err error
}

func (s brokenStore) Get(context.Context, string) (casehttp.Record, error) {
	return casehttp.Record{}, s.err
}

// TestHandler_ServerFailuresGoToOnError reads a case from a store that
// fails: the answer is a 500 that does not reveal the error, which goes to
// OnError when it is set.
func TestHandler_ServerFailuresGoToOnError(t *testing.T) {
	failure := errors.New("store unavailable at db.internal")
	store := brokenStore{MemoryStore: casehttp.NewMemoryStore(), err: failure}
	for _, report := range []bool{true, false} {
		var reported []error
		o := casehttp.Options{}
		if report {
			o.OnError = func(_ *http.Request, err error) { reported = append(reported, err) }
		}
		path := "/v1/case/" + casetest.ID(1).String()
		res := serve(casehttp.NewHandler(store, o), authorized(httptestRequest("GET", path, "")))
		body := res.Body.String()
		casetest.AssertProblem(t, res.Result(), 500, "about:blank",
			casetest.InRequest(casehttp.CodeInternal))
		assert.NotContains(t, body, "db.internal")
		if report {
			assert.Equal(t, []error{failure}, reported)
		}
	}
}
