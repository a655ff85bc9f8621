package storetest

import (
	"context"
	"math"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NewStore returns an empty store for one test. It may register cleanups
// with t, and should fail t when the store cannot be made.
type NewStore func(t *testing.T) casehttp.Store

// test is one check of the suite, run on a fresh store.
type test struct {
	name string
	run  func(t *testing.T, s casehttp.Store)
}

// Run runs the whole suite as subtests of t, each on a fresh store from
// newStore. The subtests do not call t.Parallel.
func Run(t *testing.T, newStore NewStore) {
	groups := [][]test{caseTests, listTests, updateTests, outboxTests,
		idempotencyTests, handlerTests}
	for _, g := range groups {
		for _, tt := range g {
			t.Run(tt.name, func(t *testing.T) {
				s := newStore(t)
				require.NotNil(t, s, "newStore returned nil")
				tt.run(t, s)
			})
		}
	}
}

// ctx is the context of every call the suite makes.
var ctx = context.Background()

// open opens a case with o at env's time and returns it with its events.
func open(t *testing.T, env *casetest.Env, o *cases.OpenRequest) (*cases.Case, []cases.Event) {
	t.Helper()
	c, events, err := cases.Open(o, env.Cases())
	require.NoError(t, err)
	return c, events
}

// create opens a case with o and stores it with its events.
func create(t *testing.T, s casehttp.Store, env *casetest.Env,
	o *cases.OpenRequest) *cases.Case {
	t.Helper()
	c, events := open(t, env, o)
	rec, err := s.Create(ctx, c, events)
	require.NoError(t, err)
	require.Equal(t, int64(1), rec.Version)
	return c
}

// createMI creates a missing_information case, changed by opts.
func createMI(t *testing.T, s casehttp.Store, env *casetest.Env,
	opts ...func(*cases.OpenRequest)) *cases.Case {
	t.Helper()
	o := casetest.MissingInformationOpen(env.Now())
	for _, fn := range opts {
		fn(o)
	}
	return create(t, s, env, o)
}

// encode returns the JSON of a case, which the suite compares instead of
// the Go values: a store may give back equal times in another location.
func encode(t *testing.T, c *cases.Case) string {
	t.Helper()
	require.NotNil(t, c)
	b, err := c.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// encodeEvents returns the JSON of each event.
func encodeEvents(t *testing.T, events []cases.Event) []string {
	t.Helper()
	out := make([]string, len(events))
	for i, ev := range events {
		b, err := ev.MarshalJSON()
		require.NoError(t, err)
		out[i] = string(b)
	}
	return out
}

// outbox returns every event of the store's outbox and checks that their
// sequence numbers are positive and grow.
func outbox(t *testing.T, s casehttp.Store) []casehttp.OutboxEvent {
	t.Helper()
	out, err := s.Events(ctx, 0, math.MaxInt32)
	require.NoError(t, err)
	for i, e := range out {
		if i == 0 {
			assert.Positive(t, e.Seq, "first sequence number")
		} else {
			assert.Greater(t, e.Seq, out[i-1].Seq, "sequence number %d", i)
		}
	}
	return out
}

// outboxJSON returns the JSON of every event of the outbox, oldest first.
func outboxJSON(t *testing.T, s casehttp.Store) []string {
	t.Helper()
	out := outbox(t, s)
	events := make([]cases.Event, len(out))
	for i, e := range out {
		events[i] = e.Event
	}
	return encodeEvents(t, events)
}

// assertRecord asserts that rec holds the case want at version.
func assertRecord(t *testing.T, want *cases.Case, version int64, rec casehttp.Record) {
	t.Helper()
	assert.Equal(t, version, rec.Version, "version")
	assert.Equal(t, encode(t, want), encode(t, rec.Case), "case")
}

// assertStored asserts that the store holds the case want at version.
func assertStored(t *testing.T, s casehttp.Store, want *cases.Case, version int64) {
	t.Helper()
	rec, err := s.Get(ctx, want.ID)
	require.NoError(t, err)
	assertRecord(t, want, version, rec)
}

// ids returns the case IDs of records.
func ids(recs []casehttp.Record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.Case.ID
	}
	return out
}

// caseIDs returns the IDs of cases.
func caseIDs(cs ...*cases.Case) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
