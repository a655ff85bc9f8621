package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorText(t *testing.T) {
	long := strings.Repeat("é", 1000)
	tests := []struct {
		name string
		err  string
		want string
	}{
		{"plain", "endpoint unavailable", "endpoint unavailable"},
		{"U+0000", "bad\x00gateway", "bad\uFFFDgateway"},
		{"invalid UTF-8", "bad \xff\xfe byte", "bad \uFFFD byte"},
		{"1000 characters", long, long},
		{"1001 characters", long + "x", strings.Repeat("é", 999) + "…"},
		{"cut after U+0000", "\x00" + long, "\uFFFD" + strings.Repeat("é", 998) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, postgres.ErrorText(errors.New(tt.err)))
		})
	}
}

// errHostile is the error of an endpoint that answers with bytes that
// PostgreSQL's text cannot hold.
var errHostile = errors.New("endpoint said \x00\xff: " + strings.Repeat("x", 2000))

// TestDispatcher_RecordsAnyError fails a send, in a batch, with an error
// that holds U+0000, invalid UTF-8 and 2,000 more bytes: the failure is
// recorded, made safe, with its attempt and backoff; the event sent
// before it in the batch stays delivered and is not sent again.
func TestDispatcher_RecordsAnyError(t *testing.T) {
	_, db := newDB(t)
	all := fillOutbox(t, postgres.New(db, postgres.Options{}), 2)
	failing := all[1].Event // case.opened of the second case
	rec := &recorder{}
	rec.before = func(_ context.Context, d postgres.Delivery, _ int) error {
		if d.Event.ID == failing.ID {
			return errHostile
		}
		return nil
	}
	d := postgres.NewDispatcher(db, rec, postgres.DispatcherOptions{BatchSize: 4,
		Backoff: time.Hour})

	n, err := d.DeliverBatch(context.Background())
	assert.ErrorIs(t, err, errHostile)
	assert.Equal(t, 1, n)
	var attempts int
	var lastError string
	var waits bool
	require.NoError(t, db.QueryRow(`SELECT attempts, last_error,
		next_attempt_at > now() + interval '59 minutes' FROM outbox WHERE seq = $1`,
		all[1].Seq).Scan(&attempts, &lastError, &waits))
	assert.Equal(t, 1, attempts)
	assert.Equal(t, "endpoint said \uFFFD\uFFFD: "+strings.Repeat("x", 999-18)+"…", lastError)
	assert.True(t, waits, "the event waits for its backoff")

	drain(t, d)
	assert.Equal(t, []string{all[0].Event.ID, all[2].Event.ID, all[4].Event.ID}, rec.ids())
	assert.Len(t, delivered(t, db), 3)
}

// blockingSender records every delivery, with the body it would send,
// and blocks the send numbered block until release is called, ignoring
// its context; it closes blocked when that send starts.
type blockingSender struct {
	block   int
	blocked chan struct{}
	resume  chan struct{}
	once    sync.Once

	mu     sync.Mutex
	n      int
	sent   []string
	bodies map[string][]string // event ID -> each body sent
}

// newBlockingSender returns a sender that blocks its send numbered
// block (from 1; 0 blocks none), released at the latest when t ends.
func newBlockingSender(t *testing.T, block int) *blockingSender {
	s := &blockingSender{block: block, blocked: make(chan struct{}),
		resume: make(chan struct{}), bodies: map[string][]string{}}
	t.Cleanup(s.release)
	return s
}

// release lets the blocked send return.
func (s *blockingSender) release() { s.once.Do(func() { close(s.resume) }) }

func (s *blockingSender) Send(_ context.Context, d postgres.Delivery) error {
	body, err := d.Event.MarshalJSON()
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.n++
	n := s.n
	s.sent = append(s.sent, d.Event.ID)
	s.bodies[d.Event.ID] = append(s.bodies[d.Event.ID], string(body))
	s.mu.Unlock()
	if n == s.block {
		close(s.blocked)
		<-s.resume
	}
	return nil
}

// ids returns the event IDs sent so far, in order.
func (s *blockingSender) ids() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.sent...)
}

// receive returns the next value of ch, and fails the test when none
// comes within ten seconds.
func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s within ten seconds", what)
		var zero T
		return zero
	}
}

// storedBodies returns the body of each event of the outbox, by ID, as
// the outbox keeps it.
func storedBodies(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT event_id, event::text FROM outbox`)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, body string
		require.NoError(t, rows.Scan(&id, &body))
		out[id] = body
	}
	require.NoError(t, rows.Err())
	return out
}

// assertSameBodies asserts that every delivery of s carried the body the
// outbox keeps for its event ID.
func assertSameBodies(t *testing.T, want map[string]string, s *blockingSender) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, bodies := range s.bodies {
		require.Contains(t, want, id)
		for _, b := range bodies {
			assert.Equal(t, want[id], b, "event %s", id)
		}
	}
}

// sessionOf returns the process ID of the one session, other than the
// caller's, that holds a lock on the outbox of schema.
func sessionOf(t *testing.T, db *sql.DB, schema string) int {
	t.Helper()
	rows, err := db.Query(`SELECT DISTINCT pid FROM pg_locks
		WHERE relation = to_regclass($1) AND pid <> pg_backend_pid()`, schema+".outbox")
	require.NoError(t, err)
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		require.NoError(t, rows.Scan(&pid))
		pids = append(pids, pid)
	}
	require.NoError(t, rows.Err())
	require.Len(t, pids, 1, "sessions that lock the outbox")
	return pids[0]
}

// TestDispatcher_SessionKilledMidDelivery ends the database session of a
// dispatcher from another connection while its sender is in the middle
// of a send, as a failed server or network would: a second dispatcher,
// on another pool, delivers everything the first did not mark. Every
// event is delivered at least once, those of the interrupted round
// twice, and every delivery of an event carries the same body.
func TestDispatcher_SessionKilledMidDelivery(t *testing.T) {
	for _, batch := range []int{1, 3} {
		t.Run("batch "+strconv.Itoa(batch), func(t *testing.T) {
			schema, db := newDB(t)
			all := fillOutbox(t, postgres.New(db, postgres.Options{}), 4)
			bodies := storedBodies(t, db)
			first := newBlockingSender(t, 5)
			errs := make(chan error, 10)
			d1 := postgres.NewDispatcher(schema.open(t, 2), first, postgres.DispatcherOptions{
				BatchSize: batch, PollInterval: time.Hour,
				OnError: func(err error) { errs <- err },
			})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error)
			go func() { done <- d1.Run(ctx) }()

			receive(t, first.blocked, "blocked send")
			var killed bool
			require.NoError(t, db.QueryRow(`SELECT pg_terminate_backend($1, 10000)`,
				sessionOf(t, db, schema.name)).Scan(&killed))
			require.True(t, killed)
			first.release()
			assert.Error(t, receive(t, errs, "error"), "the round that lost its session fails")
			cancel()
			assert.ErrorIs(t, receive(t, done, "end of Run"), context.Canceled)

			marked := delivered(t, db)
			sentFirst := first.ids()
			require.Len(t, sentFirst, 5)
			var lost, rest []string
			for _, id := range sentFirst {
				if !marked[id] {
					lost = append(lost, id)
				}
			}
			assert.Contains(t, lost, sentFirst[4], "the event sent when the session died")
			for _, e := range all {
				if !marked[e.Event.ID] {
					rest = append(rest, e.Event.ID)
				}
			}

			second := newBlockingSender(t, 0)
			drain(t, postgres.NewDispatcher(schema.open(t, 2), second,
				postgres.DispatcherOptions{}))
			assert.ElementsMatch(t, rest, second.ids())
			assert.Subset(t, second.ids(), lost, "the interrupted round again")
			assert.Len(t, delivered(t, db), len(all), "every event delivered")
			assertSameBodies(t, bodies, first)
			assertSameBodies(t, bodies, second)
		})
	}
}

// TestDispatcher_HungSenderLosesItsClaim blocks a send, ignoring its
// context, for longer than the send timeout: the server ends the
// dispatcher's session a second after the timeout, and a second
// dispatcher delivers the event meanwhile, with the same body; the
// first dispatcher's round fails when its sender returns.
func TestDispatcher_HungSenderLosesItsClaim(t *testing.T) {
	schema, db := newDB(t)
	all := fillOutbox(t, postgres.New(db, postgres.Options{}), 1)
	bodies := storedBodies(t, db)
	hung := newBlockingSender(t, 1)
	timeout := 200 * time.Millisecond
	d1 := postgres.NewDispatcher(schema.open(t, 1), hung,
		postgres.DispatcherOptions{SendTimeout: timeout})
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	go func() {
		n, err := d1.DeliverBatch(context.Background())
		done <- result{n, err}
	}()
	receive(t, hung.blocked, "blocked send")
	start := time.Now()

	second := newBlockingSender(t, 0)
	d2 := postgres.NewDispatcher(schema.open(t, 2), second, postgres.DispatcherOptions{})
	deadline := start.Add(10 * time.Second)
	for len(second.ids()) == 0 && time.Now().Before(deadline) {
		_, err := d2.DeliverBatch(context.Background())
		require.NoError(t, err)
		time.Sleep(20 * time.Millisecond)
	}
	waited := time.Since(start)
	require.Equal(t, []string{all[0].Event.ID}, second.ids())
	assert.GreaterOrEqual(t, waited, timeout+time.Second-50*time.Millisecond,
		"the claim holds until the server ends the session")

	hung.release()
	r := receive(t, done, "end of the round")
	assert.Error(t, r.err)
	assert.Equal(t, 0, r.n)
	drain(t, d2)
	assert.Len(t, delivered(t, db), len(all))
	assertSameBodies(t, bodies, hung)
	assertSameBodies(t, bodies, second)
}
