package storetest

import (
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outboxTests check Events.
var outboxTests = []test{
	{"Outbox/EventsInTheOrderTheyWereStored", testEvents},
	{"Outbox/PagesBySequenceNumber", testEventsPages},
}

// storeFive stores five events: three cases opened, the first and the
// third changed. It returns them in the order they were stored.
func storeFive(t *testing.T, s casehttp.Store) []cases.Event {
	t.Helper()
	env := casetest.NewEnv()
	var all []cases.Event
	var ids []string
	for range 3 {
		c, events := open(t, env, casetest.MissingInformationOpen(env.Now()))
		_, err := s.Create(ctx, c, events)
		require.NoError(t, err)
		all = append(all, events...)
		ids = append(ids, c.ID)
	}
	for _, id := range []string{ids[0], ids[2]} {
		_, events := setMetadata(t, s, env, id, "tier", "gold")
		all = append(all, events...)
	}
	require.Len(t, all, 5)
	return all
}

func testEvents(t *testing.T, s casehttp.Store) {
	want := storeFive(t, s)
	assert.Equal(t, encodeEvents(t, want), outboxJSON(t, s))
	types := []cases.EventType{}
	for _, e := range outbox(t, s) {
		types = append(types, e.Event.Type)
	}
	assert.Equal(t, []cases.EventType{cases.EventCaseOpened, cases.EventCaseOpened,
		cases.EventCaseOpened, cases.EventCaseUpdated, cases.EventCaseUpdated}, types)
}

// testEventsPages reads the outbox in pages: each starts after the
// sequence number of the last event of the page before.
func testEventsPages(t *testing.T, s casehttp.Store) {
	want := encodeEvents(t, storeFive(t, s))
	all := outbox(t, s)
	require.Len(t, all, 5)

	pages := []struct {
		after    int64
		limit    int
		from, to int // the page is all[from:to]
	}{
		{0, 2, 0, 2},
		{all[1].Seq, 2, 2, 4},
		{all[3].Seq, 2, 4, 5},
		{all[4].Seq, 2, 5, 5},
		{all[0].Seq, 10, 1, 5},
		{0, 1, 0, 1},
		{0, 0, 0, 0},
		{0, -1, 0, 0},
	}
	for _, p := range pages {
		got, err := s.Events(ctx, p.after, p.limit)
		require.NoError(t, err)
		events := make([]cases.Event, len(got))
		seqs := make([]int64, len(got))
		wantSeqs := []int64{}
		for i, e := range got {
			events[i], seqs[i] = e.Event, e.Seq
		}
		for _, e := range all[p.from:p.to] {
			wantSeqs = append(wantSeqs, e.Seq)
		}
		msg := []any{"after %d, limit %d", p.after, p.limit}
		assert.Equal(t, want[p.from:p.to], encodeEvents(t, events), msg...)
		assert.Equal(t, wantSeqs, seqs, msg...)
	}
}
