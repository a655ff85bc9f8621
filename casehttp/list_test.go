package casehttp_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestList_Filters(t *testing.T) {
	s := casetest.NewServer(t)
	mi := s.OpenMissingInformation()
	ra := s.Open(casetest.RATerminationOpen())
	internal := casetest.MissingInformationOpen(s.Env.Now())
	internal.Status = cases.StatusUnderReview
	in := s.Open(internal)

	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{name: "all, newest first", query: "", want: []string{in.ID, ra.ID, mi.ID}},
		{name: "kind", query: "kind=ra_termination", want: []string{ra.ID}},
		{name: "parent type", query: "parent_type=filing", want: []string{in.ID, mi.ID}},
		{name: "parent id", query: "parent_id=biz_42", want: []string{ra.ID}},
		{name: "status", query: "status=under_review", want: []string{in.ID}},
		{name: "all filters", query: "status=needs_response&kind=missing_information" +
			"&parent_type=filing&parent_id=fil_1a2b3c", want: []string{mi.ID}},
		{name: "no match", query: "status=resolved", want: []string{}},
		{name: "a limit of exactly the matches", query: "limit=3",
			want: []string{in.ID, ra.ID, mi.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := readList(t, call(t, s, "GET", "/v1/case?"+tt.query, ""))
			assert.Equal(t, tt.want, page.ids(t))
			assert.False(t, page.HasMore)
			assert.Nil(t, page.NextCursor)
		})
	}
}

func TestList_DefaultLimitIsTen(t *testing.T) {
	s := casetest.NewServer(t)
	for range 11 {
		s.OpenMissingInformation()
	}
	page := readList(t, call(t, s, "GET", "/v1/case", ""))
	assert.Len(t, page.Data, 10)
	assert.True(t, page.HasMore)
	require.NotNil(t, page.NextCursor)
}

// TestList_WalkWhileOthersAdd walks every page while other clients open
// cases, and finds every case that existed at the start exactly once.
func TestList_WalkWhileOthersAdd(t *testing.T) {
	s := casetest.NewServer(t)
	var before []string
	for range 57 {
		before = append(before, s.OpenMissingInformation().ID)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					res := call(t, s, "POST", "/v1/case", openBody(t, s))
					res.Body.Close()
				}
			}
		})
	}

	seen := map[string]int{}
	var first []string
	query := url.Values{"limit": {"7"}}
	for {
		page := readList(t, call(t, s, "GET", "/v1/case?"+query.Encode(), ""))
		ids := page.ids(t)
		if first == nil {
			first = ids
		}
		for _, id := range ids {
			seen[id]++
		}
		if !page.HasMore {
			assert.Nil(t, page.NextCursor)
			break
		}
		require.NotNil(t, page.NextCursor)
		query.Set("cursor", *page.NextCursor)
	}
	close(stop)
	wg.Wait()

	for _, id := range before {
		assert.Equal(t, 1, seen[id], "case %s", id)
	}
	for id, n := range seen {
		assert.Equal(t, 1, n, "case %s", id)
	}
	assert.Len(t, first, 7)
}

func TestList_ParameterProblems(t *testing.T) {
	s := casetest.NewServer(t)
	invalid := casetest.ProblemType(cases.ErrInvalid)
	tests := []struct {
		name  string
		query string
		items []cases.Item
	}{
		{name: "limit zero", query: "limit=0",
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "limit 101", query: "limit=101",
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "limit not a number", query: "limit=ten",
			items: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)}},
		{name: "empty parent id", query: "parent_id=",
			items: []cases.Item{casetest.AtParameter("parent_id", cases.CodeInvalidFormat)}},
		{name: "several bad parameters",
			query: "status=closed&kind=x&parent_type=Filing&sort=asc&limit=1&limit=2",
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
			res := call(t, s, "GET", "/v1/case?"+tt.query, "")
			casetest.AssertProblem(t, res, 400, invalid, tt.items...)
		})
	}
}

// firstCursor lists the first page of query with limit 2 and returns its
// next cursor.
func firstCursor(t *testing.T, h http.Handler, query string) string {
	t.Helper()
	rec := serve(h, authorized(httptestRequest("GET", "/v1/case?limit=2&"+query, "")))
	require.Equal(t, 200, rec.Code, rec.Body.String())
	var p listPage
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
	require.NotNil(t, p.NextCursor)
	return *p.NextCursor
}

func authorized(req *http.Request) *http.Request {
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	return req
}

// TestList_CursorsAreBoundToTheirFilters uses cursors with the filters
// they were issued for, with other filters, altered, of another format
// and of another store: only the first are accepted.
func TestList_CursorsAreBoundToTheirFilters(t *testing.T) {
	env := casetest.NewEnv()
	store := casehttp.NewMemoryStore()
	h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now, NewID: env.NewID})
	var ids []string
	for range 5 {
		o := casetest.MissingInformationOpen(env.Now())
		c, events, err := cases.Open(o, env.Cases())
		require.NoError(t, err)
		_, err = store.Create(t.Context(), c, events)
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	all := firstCursor(t, h, "")
	filtered := firstCursor(t, h, "status=needs_response&parent_id=fil_1a2b3c")
	elsewhere := firstCursor(t, casehttp.NewHandler(func() casehttp.Store {
		other := casehttp.NewMemoryStore()
		for i := 10; i < 13; i++ {
			c := env.NeedsResponse(casetest.WithID(casetest.ID(uint64(i)).String()))
			_, err := other.Create(t.Context(), c, nil)
			require.NoError(t, err)
		}
		return other
	}(), casehttp.Options{}), "")
	legacy := base64.RawURLEncoding.EncodeToString([]byte("c1:" + ids[2]))
	text, err := base64.RawURLEncoding.DecodeString(all)
	require.NoError(t, err)
	// The same cursor naming the case before the one it named.
	alteredText := strings.Replace(string(text), ids[3], ids[2], 1)
	require.NotEqual(t, string(text), alteredText)
	altered := base64.RawURLEncoding.EncodeToString([]byte(alteredText))

	tests := []struct {
		name, query string
		want        []string // nil: refused
	}{
		{name: "its filters", query: "cursor=" + all, want: []string{ids[2], ids[1], ids[0]}},
		{name: "its filters, another limit", query: "limit=1&cursor=" + all,
			want: []string{ids[2]}},
		{name: "its filters in another order",
			query: "parent_id=fil_1a2b3c&status=needs_response&cursor=" + filtered,
			want:  []string{ids[2], ids[1], ids[0]}},
		{name: "after a restart", query: "cursor=" + all, want: []string{ids[2], ids[1], ids[0]}},
		{name: "filters added", query: "status=needs_response&cursor=" + all},
		{name: "filters dropped", query: "cursor=" + filtered},
		{name: "a filter changed", query: "status=needs_response&parent_id=fil_2&cursor=" +
			filtered},
		{name: "altered", query: "cursor=" + altered},
		{name: "not base64", query: "cursor=abc!"},
		{name: "empty", query: "cursor="},
		{name: "the old format", query: "cursor=" + legacy},
		{name: "a case of another store", query: "cursor=" + elsewhere},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			handler := h
			if tt.name == "after a restart" {
				handler = casehttp.NewHandler(store, casehttp.Options{})
			}
			rec := serve(handler, authorized(httptestRequest("GET", "/v1/case?"+tt.query, "")))
			res := rec.Result()
			if tt.want == nil {
				casetest.AssertProblem(t, res, 400, casetest.ProblemType(cases.ErrInvalid),
					casetest.AtParameter("cursor", cases.CodeInvalidValue))
				return
			}
			assert.Equal(t, tt.want, readList(t, res).ids(t))
		})
	}
}
