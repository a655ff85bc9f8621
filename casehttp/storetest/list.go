package storetest

import (
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listTests check List.
var listTests = []test{
	{"List/Filters", testListFilters},
	{"List/LimitAndCursor", testListPages},
	{"List/CursorOfACaseTheFilterSkips", testListCursorFiltered},
	{"List/UnknownCursorIsErrUnknownCursor", testListUnknownCursor},
	{"List/PagesAreStableWhileCasesAreAdded", testListStable},
	{"List/ShowsTheCurrentVersion", testListCurrent},
}

// list returns the IDs of the records of q.
func list(t *testing.T, s casehttp.Store, q casehttp.ListQuery) []string {
	t.Helper()
	recs, err := s.List(ctx, q)
	require.NoError(t, err)
	return ids(recs)
}

func withParent(pt cases.ParentType, id string) func(*cases.OpenRequest) {
	return func(o *cases.OpenRequest) { o.ParentType, o.ParentID = pt, id }
}

func withStatus(st cases.Status) func(*cases.OpenRequest) {
	return func(o *cases.OpenRequest) { o.Status = st }
}

func testListFilters(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	mi := createMI(t, s, env)
	ra := create(t, s, env, casetest.RATerminationOpen())
	in := createMI(t, s, env, withStatus(cases.StatusUnderReview))
	other := createMI(t, s, env, withParent(cases.ParentFiling, "fil_9"))
	biz := createMI(t, s, env, withParent(cases.ParentBusiness, "fil_1a2b3c"))

	tests := []struct {
		name string
		q    casehttp.ListQuery
		want []string
	}{
		{"all, newest first", casehttp.ListQuery{},
			caseIDs(biz, other, in, ra, mi)},
		{"kind", casehttp.ListQuery{Kind: cases.KindRATermination}, caseIDs(ra)},
		{"parent type", casehttp.ListQuery{ParentType: cases.ParentFiling},
			caseIDs(other, in, mi)},
		{"parent id of two types", casehttp.ListQuery{ParentID: "fil_1a2b3c"},
			caseIDs(biz, in, mi)},
		{"parent", casehttp.ListQuery{ParentType: cases.ParentFiling,
			ParentID: "fil_1a2b3c"}, caseIDs(in, mi)},
		{"status", casehttp.ListQuery{Status: cases.StatusUnderReview}, caseIDs(in)},
		{"all filters", casehttp.ListQuery{Status: cases.StatusNeedsResponse,
			Kind: cases.KindMissingInformation, ParentType: cases.ParentFiling,
			ParentID: "fil_1a2b3c"}, caseIDs(mi)},
		{"no match", casehttp.ListQuery{Status: cases.StatusResolved}, []string{}},
		{"limit", casehttp.ListQuery{Limit: 2}, caseIDs(biz, other)},
		{"limit with a filter", casehttp.ListQuery{Kind: cases.KindMissingInformation,
			Limit: 3}, caseIDs(biz, other, in)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			if q.Limit == 0 {
				q.Limit = 100
			}
			assert.Equal(t, tt.want, list(t, s, q))
		})
	}
}

// createN creates n missing_information cases and returns them, oldest
// first.
func createN(t *testing.T, s casehttp.Store, env *casetest.Env, n int) []*cases.Case {
	t.Helper()
	out := make([]*cases.Case, n)
	for i := range out {
		out[i] = createMI(t, s, env)
	}
	return out
}

// testListPages walks seven cases three at a time, each page starting
// after the last case of the one before.
func testListPages(t *testing.T, s casehttp.Store) {
	c := createN(t, s, casetest.NewEnv(), 7)
	pages := []struct {
		after string
		want  []string
	}{
		{"", caseIDs(c[6], c[5], c[4])},
		{c[4].ID, caseIDs(c[3], c[2], c[1])},
		{c[1].ID, caseIDs(c[0])},
		{c[0].ID, []string{}},
		{c[3].ID, caseIDs(c[2], c[1], c[0])},
		{c[6].ID, caseIDs(c[5], c[4], c[3])},
	}
	for _, p := range pages {
		got := list(t, s, casehttp.ListQuery{After: p.after, Limit: 3})
		assert.Equal(t, p.want, got, "after %q", p.after)
	}
}

// testListCursorFiltered pages a filtered list after a case that the
// filter does not select: the cursor names a position, not a match.
func testListCursorFiltered(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	a := createMI(t, s, env)
	b := create(t, s, env, casetest.RATerminationOpen())
	c := createMI(t, s, env)
	d := create(t, s, env, casetest.RATerminationOpen())
	e := createMI(t, s, env)

	q := casehttp.ListQuery{Kind: cases.KindMissingInformation, After: d.ID, Limit: 10}
	assert.Equal(t, caseIDs(c, a), list(t, s, q))
	q.After = b.ID
	assert.Equal(t, caseIDs(a), list(t, s, q))
	q = casehttp.ListQuery{Kind: cases.KindRATermination, After: e.ID, Limit: 1}
	assert.Equal(t, caseIDs(d), list(t, s, q))
}

func testListUnknownCursor(t *testing.T, s casehttp.Store) {
	createN(t, s, casetest.NewEnv(), 2)
	for _, after := range []string{casetest.ID(99).String(), "not-a-uuid"} {
		recs, err := s.List(ctx, casehttp.ListQuery{After: after, Limit: 10})
		assert.ErrorIs(t, err, casehttp.ErrUnknownCursor, "after %q", after)
		assert.Empty(t, recs)
	}
}

// testListStable opens cases between two pages: the second page goes on
// where the first ended, and the new cases lead a new first page.
func testListStable(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	old := createN(t, s, env, 5)
	first := list(t, s, casehttp.ListQuery{Limit: 2})
	require.Equal(t, caseIDs(old[4], old[3]), first)

	added := createN(t, s, env, 3)
	second := list(t, s, casehttp.ListQuery{After: first[1], Limit: 2})
	assert.Equal(t, caseIDs(old[2], old[1]), second)
	third := list(t, s, casehttp.ListQuery{After: second[1], Limit: 2})
	assert.Equal(t, caseIDs(old[0]), third)

	fresh := list(t, s, casehttp.ListQuery{Limit: 4})
	assert.Equal(t, caseIDs(added[2], added[1], added[0], old[4]), fresh)
}

// testListCurrent lists a case after a change: the record is the new
// version.
func testListCurrent(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c := createMI(t, s, env)
	want, _ := setMetadata(t, s, env, c.ID, "tier", "gold")

	recs, err := s.List(ctx, casehttp.ListQuery{Limit: 10})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assertRecord(t, want, 2, recs[0])
}
