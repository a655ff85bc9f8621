package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
)

// outboxLockKey is the advisory lock that orders the writers of a
// schema's outbox and the readers of [Store.Events]. A transaction that
// writes events holds it shared from before its events take their
// sequence numbers until it ends; Events holds it exclusively while it
// reads.
const outboxLockKey = `hashtext('github.com/casekit/cases/store/postgres:outbox:' ||
	coalesce(current_schema(), ''))`

// setEventsLockWaitSQL bounds how long Events waits for the writers in
// progress, while writers that come after it wait for it in turn: a
// writer stopped before its commit (its process hung) blocks Events, and
// Events must not block every other writer for long.
const setEventsLockWaitSQL = `SET LOCAL lock_timeout = '2s'`

// insertEvents adds the events of a change of case caseID to the outbox,
// in their order, in one statement that first takes outboxLockKey shared.
func insertEvents(ctx context.Context, tx *sql.Tx, caseID string, events []cases.Event) error {
	if len(events) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(` +
		outboxLockKey + `))
	INSERT INTO outbox (event_id, case_id, type, created_at, event)
	SELECT e.event_id, e.case_id, e.type, e.created_at, e.event
	FROM locked, (VALUES `)
	args := make([]any, 0, 5*len(events))
	for i, ev := range events {
		body, err := ev.MarshalJSON()
		if err != nil {
			return fmt.Errorf("encode event %s: %w", ev.ID, err)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		p := len(args)
		fmt.Fprintf(&b, "(%d, $%d::text, $%d::text, $%d::text, $%d::timestamptz, $%d::json)",
			i, p+1, p+2, p+3, p+4, p+5)
		args = append(args, ev.ID, caseID, string(ev.Type), ev.CreatedAt, body)
	}
	b.WriteString(`) AS e (n, event_id, case_id, type, created_at, event) ORDER BY e.n`)
	_, err := tx.ExecContext(ctx, b.String(), args...)
	return err
}

// Events returns up to limit events stored after the one with sequence
// number after, oldest first.
//
// An event takes its sequence number when its change writes it, and
// changes commit in parallel, so an event could become visible after one
// with a higher number, and a reader that pages by sequence number would
// pass it by. Events therefore waits for the changes that are writing
// events, while those that come later wait for it: once it has read, no
// event below the numbers it returned is still to come. It waits at most
// two seconds and then fails, leaving the outbox to the writers; a
// change is that slow only when its process stopped in the middle of it.
// [Dispatcher] does not page; it claims every event that is not yet
// delivered.
func (s *Store) Events(ctx context.Context, after int64,
	limit int) ([]casehttp.OutboxEvent, error) {
	if limit <= 0 {
		return nil, nil
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("postgres: read outbox: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, setEventsLockWaitSQL); err != nil {
		return nil, fmt.Errorf("postgres: read outbox: %w", err)
	}
	_, err = tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+outboxLockKey+`)`)
	if err != nil {
		return nil, fmt.Errorf("postgres: read outbox: wait for the writers: %w", err)
	}
	out, err := readEvents(ctx, tx, after, limit)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("postgres: read outbox: %w", err)
	}
	return out, nil
}

// readEvents reads up to limit events after sequence number after.
func readEvents(ctx context.Context, tx *sql.Tx, after int64,
	limit int) ([]casehttp.OutboxEvent, error) {
	rows, err := tx.QueryContext(ctx,
		`SELECT seq, event FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: read outbox: %w", err)
	}
	defer rows.Close()
	var out []casehttp.OutboxEvent
	for rows.Next() {
		var seq int64
		var body []byte
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, fmt.Errorf("postgres: read outbox: %w", err)
		}
		ev, err := storedDecoder.Event(body)
		if err != nil {
			return nil, fmt.Errorf("postgres: decode outbox event %d: %w", seq, err)
		}
		out = append(out, casehttp.OutboxEvent{Seq: seq, Event: *ev})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: read outbox: %w", err)
	}
	return out, nil
}
