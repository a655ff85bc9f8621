package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// holdKey is the advisory lock that holds a change in the middle of its
// transaction, after its events took their sequence numbers.
const holdKey = 740_301

// holdEventsOf makes every change that writes an event of case id wait,
// after the event took its sequence number and before the change
// commits, for as long as the returned connection holds holdKey; the
// caller releases it with the returned function.
func holdEventsOf(t *testing.T, db *sql.DB, id string) (release func()) {
	t.Helper()
	ctx := context.Background()
	_, err := db.ExecContext(ctx, `CREATE FUNCTION hold_event() RETURNS trigger
		LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.case_id = '`+id+`' THEN
				PERFORM pg_advisory_xact_lock(`+strconv.Itoa(holdKey)+`);
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER hold_event AFTER INSERT ON outbox
			FOR EACH ROW EXECUTE FUNCTION hold_event()`)
	require.NoError(t, err)
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, holdKey)
	require.NoError(t, err)
	released := false
	release = func() {
		if !released {
			released = true
			_, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, holdKey)
			assert.NoError(t, err)
			_ = conn.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// waitForLockWaiters waits until n sessions wait for an advisory lock,
// and fails the test when stop reports a reason first.
func waitForLockWaiters(t *testing.T, db *sql.DB, n int, stop func() string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if why := stop(); why != "" {
			t.Fatal(why)
		}
		var waiting int
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND NOT granted`).Scan(&waiting))
		if waiting >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("fewer than %d sessions wait for an advisory lock", n)
}

// never is a stop function of waitForLockWaiters that never stops.
func never() string { return "" }

// openCase opens a missing_information case with env.
func openCase(t *testing.T, env *casetest.Env) (*cases.Case, []cases.Event) {
	t.Helper()
	c, events, err := cases.Open(casetest.MissingInformationOpen(env.Now()), env.Cases())
	require.NoError(t, err)
	return c, events
}

// TestStore_EventsWaitForChangesInProgress holds a change after its
// event took sequence number 1 and lets a second change commit event 2:
// Events waits for the first change rather than return event 2 alone,
// which a reader paging by sequence number would take as having passed
// event 1; the second change did not wait for the first.
func TestStore_EventsWaitForChangesInProgress(t *testing.T) {
	_, db := newDB(t)
	s := postgres.New(db, postgres.Options{})
	env := casetest.NewEnv()
	first, firstEvents := openCase(t, env)
	second, secondEvents := openCase(t, env)
	release := holdEventsOf(t, db, first.ID)

	created := make(chan error, 1)
	go func() {
		_, err := s.Create(context.Background(), first, firstEvents)
		created <- err
	}()
	waitForLockWaiters(t, db, 1, never)
	_, err := s.Create(context.Background(), second, secondEvents)
	require.NoError(t, err)

	type page struct {
		events []casehttp.OutboxEvent
		err    error
	}
	read := make(chan page, 1)
	go func() {
		events, err := s.Events(context.Background(), 0, 10)
		read <- page{events, err}
	}()
	waitForLockWaiters(t, db, 2, func() string {
		select {
		case p := <-read:
			return fmt.Sprintf("Events returned while a change was in progress: %d events "+
				"(error %v)", len(p.events), p.err)
		default:
			return ""
		}
	})

	release()
	require.NoError(t, <-created)
	p := <-read
	require.NoError(t, p.err)
	require.Len(t, p.events, 2)
	assert.Equal(t, []int64{1, 2}, []int64{p.events[0].Seq, p.events[1].Seq})
	assert.Equal(t, firstEvents[0].ID, p.events[0].Event.ID)
	assert.Equal(t, secondEvents[0].ID, p.events[1].Event.ID)
}

// TestStore_EventsGiveUpOnAStuckChange holds a change in the middle for
// longer than Events waits: Events fails, and changes that came after it
// go on.
func TestStore_EventsGiveUpOnAStuckChange(t *testing.T) {
	_, db := newDB(t)
	s := postgres.New(db, postgres.Options{})
	env := casetest.NewEnv()
	stuck, stuckEvents := openCase(t, env)
	holdEventsOf(t, db, stuck.ID)
	go func() { _, _ = s.Create(context.Background(), stuck, stuckEvents) }()
	waitForLockWaiters(t, db, 1, never)

	start := time.Now()
	events, err := s.Events(context.Background(), 0, 10)
	assert.ErrorContains(t, err, "postgres: read outbox: wait for the writers")
	assert.ErrorContains(t, err, "55P03") // lock_not_available
	assert.Nil(t, events)
	assert.GreaterOrEqual(t, time.Since(start), 2*time.Second)

	later, laterEvents := openCase(t, env)
	_, err = s.Create(context.Background(), later, laterEvents)
	assert.NoError(t, err)
}
