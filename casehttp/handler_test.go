package casehttp_test

import (
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
