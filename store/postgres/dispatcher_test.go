package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a Sender that records every delivery it is handed; before,
// when set, runs first and may fail the send.
type recorder struct {
	mu     sync.Mutex
	sent   []postgres.Delivery
	before func(ctx context.Context, d postgres.Delivery, n int) error
}

func (r *recorder) Send(ctx context.Context, d postgres.Delivery) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.before != nil {
		if err := r.before(ctx, d, len(r.sent)+1); err != nil {
			return err
		}
	}
	r.sent = append(r.sent, d)
	return nil
}

// ids returns the event IDs of the deliveries so far.
func (r *recorder) ids() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, len(r.sent))
	for i, d := range r.sent {
		out[i] = d.Event.ID
	}
	return out
}

// fillOutbox opens n cases and changes each twice, and returns the
// outbox: 3n events.
func fillOutbox(t *testing.T, s *postgres.Store, n int) []casehttp.OutboxEvent {
	t.Helper()
	ctx := context.Background()
	env := casetest.NewEnv()
	var ids []string
	for range n {
		c, events, err := cases.Open(casetest.MissingInformationOpen(env.Now()), env.Cases())
		require.NoError(t, err)
		_, err = s.Create(ctx, c, events)
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	for round := range 2 {
		for _, id := range ids {
			v := strconv.Itoa(round)
			_, _, err := s.Update(ctx, id,
				func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
					u := &cases.UpdateRequest{Metadata: map[string]*string{"round": &v}}
					return cases.Update(cur.Case, u, env.Cases())
				})
			require.NoError(t, err)
		}
	}
	out, err := s.Events(ctx, 0, math.MaxInt32)
	require.NoError(t, err)
	require.Len(t, out, 3*n)
	return out
}

// delivered returns the set of event IDs the outbox marks delivered.
func delivered(t *testing.T, db *sql.DB) map[string]bool {
	t.Helper()
	rows, err := db.Query(`SELECT event_id FROM outbox WHERE delivered_at IS NOT NULL`)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		out[id] = true
	}
	require.NoError(t, rows.Err())
	return out
}

// drain runs rounds of d until one delivers nothing.
func drain(t *testing.T, d *postgres.Dispatcher) {
	t.Helper()
	for range 1000 {
		n, err := d.DeliverBatch(context.Background())
		require.NoError(t, err)
		if n == 0 {
			return
		}
	}
	t.Fatal("the outbox did not drain in 1000 rounds")
}

// TestDispatcher_CanceledBetweenSendAndMark stops a dispatcher right after
// a send succeeded and before the event is marked: the event stays
// pending, and a second dispatcher, on another pool, delivers it with the
// same ID together with the rest. Every event is delivered; only those of
// the interrupted batch twice, and their second attempt is still counted
// as the first.
func TestDispatcher_CanceledBetweenSendAndMark(t *testing.T) {
	// With batches of 4, the first claims the 4 cases' case.opened and
	// the second their first case.updated, of which 2 are sent.
	for _, tt := range []struct{ batch, lost int }{{1, 1}, {4, 2}} {
		t.Run("batch "+strconv.Itoa(tt.batch), func(t *testing.T) {
			schema, db := newDB(t)
			all := fillOutbox(t, postgres.New(db, postgres.Options{}), 4)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()

			first := &recorder{}
			first.before = func(_ context.Context, _ postgres.Delivery, n int) error {
				if n == 6 {
					cancel() // the process dies once this send is done
				}
				return nil
			}
			d1 := postgres.NewDispatcher(db, first, postgres.DispatcherOptions{
				BatchSize: tt.batch,
			})
			assert.ErrorIs(t, d1.Run(ctx), context.Canceled)
			sentFirst := first.ids()
			require.Len(t, sentFirst, 6)
			marked := delivered(t, db)
			require.Len(t, marked, 6-tt.lost)
			lost := sentFirst[len(marked):]
			for _, id := range sentFirst[:len(marked)] {
				assert.True(t, marked[id], "event %s", id)
			}
			assert.False(t, marked[sentFirst[5]], "the event sent last is not marked")

			// database/sql rolls the first dispatcher's transaction back in
			// a goroutine of its own, which may still hold the rows' locks
			// for a moment: rounds that find nothing wait and try again.
			second := &recorder{}
			other := schema.open(t, 2)
			d2 := postgres.NewDispatcher(other, second, postgres.DispatcherOptions{})
			deadline := time.Now().Add(10 * time.Second)
			for len(delivered(t, db)) < len(all) && time.Now().Before(deadline) {
				n, err := d2.DeliverBatch(context.Background())
				require.NoError(t, err)
				if n == 0 {
					time.Sleep(10 * time.Millisecond)
				}
			}

			var rest []string
			for _, e := range all {
				if !marked[e.Event.ID] {
					rest = append(rest, e.Event.ID)
				}
			}
			assert.ElementsMatch(t, rest, second.ids())
			assert.Len(t, delivered(t, db), len(all))
			assert.Subset(t, second.ids(), lost, "the interrupted batch again")
			for _, d := range second.sent {
				assert.Equal(t, 1, d.Attempt, "event %s", d.Event.ID)
			}
		})
	}
}

// TestDispatcher_SeveralAtOnce runs three dispatchers on two pools until
// the outbox is empty: each event is delivered exactly once, and the
// events of each case in the order they were stored.
func TestDispatcher_SeveralAtOnce(t *testing.T) {
	schema, db := newDB(t)
	all := fillOutbox(t, postgres.New(db, postgres.Options{}), 10)
	pools := []*sql.DB{db, schema.open(t, 4)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	rec := &recorder{}
	var wg sync.WaitGroup
	for i := range 3 {
		d := postgres.NewDispatcher(pools[i%2], rec, postgres.DispatcherOptions{
			BatchSize: 2, PollInterval: 5 * time.Millisecond,
		})
		wg.Go(func() { _ = d.Run(ctx) })
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(rec.ids()) < len(all) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // time for a duplicate, if any, to show
	cancel()
	wg.Wait()

	var want []string
	seqOf := map[string]int64{}
	for _, e := range all {
		want = append(want, e.Event.ID)
		seqOf[e.Event.ID] = e.Seq
	}
	assert.ElementsMatch(t, want, rec.ids())
	assert.Len(t, delivered(t, db), len(all))
	last := map[string]int64{} // case ID -> seq of its last delivered event
	for _, d := range rec.sent {
		assert.Equal(t, seqOf[d.Event.ID], d.Seq)
		assert.Greater(t, d.Seq, last[d.Event.Data.ID], "event %s out of order", d.Event.ID)
		last[d.Event.Data.ID] = d.Seq
	}
}

// errUnavailable is the failure of a test endpoint.
var errUnavailable = errors.New("endpoint unavailable")

// TestDispatcher_FailedSendWaitsForItsBackoff fails the first attempt of
// one event: the failure is recorded and returned, the event and the later
// events of its case wait for the backoff while other cases go on, and
// the second attempt delivers them in order.
func TestDispatcher_FailedSendWaitsForItsBackoff(t *testing.T) {
	_, db := newDB(t)
	all := fillOutbox(t, postgres.New(db, postgres.Options{}), 2)
	failing := all[0].Event // case.opened of the first case
	rec := &recorder{}
	rec.before = func(_ context.Context, d postgres.Delivery, _ int) error {
		if d.Event.ID == failing.ID && d.Attempt == 1 {
			return errUnavailable
		}
		return nil
	}
	backoff := 300 * time.Millisecond
	d := postgres.NewDispatcher(db, rec, postgres.DispatcherOptions{BatchSize: 10,
		Backoff: backoff})

	start := time.Now()
	n, err := d.DeliverBatch(context.Background())
	assert.ErrorIs(t, err, errUnavailable)
	assert.Equal(t, 1, n, "the other case's first event")
	var attempts int
	var lastError string
	require.NoError(t, db.QueryRow(`SELECT attempts, last_error FROM outbox WHERE seq = $1`,
		all[0].Seq).Scan(&attempts, &lastError))
	assert.Equal(t, 1, attempts)
	assert.Equal(t, errUnavailable.Error(), lastError)

	drain(t, d)
	other := []string{all[1].Event.ID, all[3].Event.ID, all[5].Event.ID}
	if time.Since(start) < backoff {
		assert.Equal(t, other, rec.ids(), "only the other case")
	}
	// The backoff runs from the database's clock at the failed round,
	// a little after start.
	time.Sleep(time.Until(start.Add(backoff + 200*time.Millisecond)))
	drain(t, d)
	assert.Equal(t, append(other, all[0].Event.ID, all[2].Event.ID, all[4].Event.ID),
		rec.ids())
	assert.Equal(t, 2, rec.sent[3].Attempt)
	assert.Len(t, delivered(t, db), len(all))
}

// TestDispatcher_NotifyWakesRun delivers a new event at once although the
// poll interval is an hour.
func TestDispatcher_NotifyWakesRun(t *testing.T) {
	_, db := newDB(t)
	store := postgres.New(db, postgres.Options{})
	rec := &recorder{}
	d := postgres.NewDispatcher(db, rec, postgres.DispatcherOptions{PollInterval: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- d.Run(ctx) }()

	time.Sleep(50 * time.Millisecond) // Run finds nothing and waits
	env := casetest.NewEnv()
	h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now, NewID: env.NewID,
		Notifier: d})
	a := do(h, "POST", "/v1/case", openBody(t, env))
	require.Equal(t, 200, a.status, a.body)

	deadline := time.Now().Add(10 * time.Second)
	for len(rec.ids()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
	require.Len(t, rec.ids(), 1)
	assert.Equal(t, cases.EventCaseOpened, rec.sent[0].Event.Type)
	assert.Equal(t, caseID(t, a.body), rec.sent[0].Event.Data.ID)
}
