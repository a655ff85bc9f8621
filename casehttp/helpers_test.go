package casehttp_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/require"
)

// call sends a request to s with the test API key; a non-empty body is
// sent as application/json. Pairs of extra strings set headers; a header
// set to "" is removed.
func call(t *testing.T, s *casetest.Server, method, path, body string,
	hdr ...string) *http.Response {
	t.Helper()
	var b []byte
	if body != "" {
		b = []byte(body)
	}
	req := s.NewRequest(method, path, b)
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	return s.Do(req)
}

// send sends a request to srv with the test API key; a non-empty body is
// sent as application/json. Pairs of extra strings set headers.
func send(t *testing.T, srv *httptest.Server, method, path, body string,
	hdr ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	return res
}

// readCase checks that res is a 200 answer with a case and decodes it.
func readCase(t *testing.T, res *http.Response) *cases.Case {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode, "body: %s", body)
	require.Equal(t, "application/json", res.Header.Get("Content-Type"))
	c, err := cases.Decoder{Lenient: true}.Case(body)
	require.NoError(t, err)
	return c
}

// listPage is the body of a list answer.
type listPage struct {
	Object     string            `json:"object"`
	Data       []json.RawMessage `json:"data"`
	HasMore    bool              `json:"has_more"`
	NextCursor *string           `json:"next_cursor"`
}

// ids returns the IDs of the cases of a page.
func (p *listPage) ids(t *testing.T) []string {
	t.Helper()
	out := make([]string, len(p.Data))
	for i, raw := range p.Data {
		var c cases.Case
		require.NoError(t, json.Unmarshal(raw, &c))
		out[i] = c.ID
	}
	return out
}

func readList(t *testing.T, res *http.Response) *listPage {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode, "body: %s", body)
	var p listPage
	require.NoError(t, json.Unmarshal(body, &p))
	return &p
}

// openBody returns the JSON of the builders' open request at s's time.
func openBody(t testing.TB, s *casetest.Server) string {
	b, err := casetest.MissingInformationOpen(s.Env.Now()).MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// answerBody is a valid response to the builders' request.
const answerBody = `{"fields":{"corrected_legal_name":"Acme Holdings LLC",
	"registered_office":{"street_line_1":"8 The Green","city":"Dover","region":"DE",
	"postal_code":"19901","country":"US"}}}`

func readTestdata(t testing.TB, name string) string {
	data, err := os.ReadFile("../testdata/" + name)
	require.NoError(t, err)
	return string(data)
}

// httptestRequest returns an in-process request with a JSON body when
// body is not empty.
func httptestRequest(method, path, body string) *http.Request {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// serve runs h on req in process.
func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
