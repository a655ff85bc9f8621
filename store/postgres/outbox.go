package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
)

// insertEvents adds the events of a change of case caseID to the outbox,
// in their order, in one statement.
func insertEvents(ctx context.Context, tx *sql.Tx, caseID string, events []cases.Event) error {
	if len(events) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO outbox (event_id, case_id, type, created_at, event) VALUES `)
	args := make([]any, 0, 5*len(events))
	for i, ev := range events {
		body, err := ev.MarshalJSON()
		if err != nil {
			return fmt.Errorf("encode event %s: %w", ev.ID, err)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		n := len(args)
		b.WriteString("(")
		for j := 1; j <= 5; j++ {
			if j > 1 {
				b.WriteString(", ")
			}
			b.WriteString("$" + strconv.Itoa(n+j))
		}
		b.WriteString(")")
		args = append(args, ev.ID, caseID, string(ev.Type), ev.CreatedAt, body)
	}
	_, err := tx.ExecContext(ctx, b.String(), args...)
	return err
}

// Events returns up to limit events stored after the one with sequence
// number after, oldest first.
//
// Sequence numbers are taken when a change writes its events, and
// changes commit in parallel, so an event may become visible after one
// with a higher number: a reader that pages by sequence number alone can
// pass it by. [Dispatcher] does not page; it claims every event that is
// not yet delivered.
func (s *Store) Events(ctx context.Context, after int64,
	limit int) ([]casehttp.OutboxEvent, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx,
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
