package casehttp_test

import (
	"net/url"
	"sync"
	"testing"

	"github.com/casekit/cases"
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
