package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxErrorText bounds the characters of a send's error that the outbox
// keeps in last_error.
const maxErrorText = 1000

// claimSQL claims the oldest pending events whose time has come and
// whose case has no earlier pending event. In the same statement, so
// that no moment is left unguarded, it makes the server end the
// session when, from then on in the transaction, it waits for the
// dispatcher between two statements for longer than $2 milliseconds:
// should the dispatcher stop answering, the rows' locks go with its
// session.
const claimSQL = `WITH bound AS MATERIALIZED (
		SELECT set_config('idle_in_transaction_session_timeout', $2, true))
	SELECT o.seq, o.attempts, o.event FROM bound, outbox o
	WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now()
		AND NOT EXISTS (SELECT 1 FROM outbox p
			WHERE p.case_id = o.case_id AND p.delivered_at IS NULL AND p.seq < o.seq)
	ORDER BY o.seq
	LIMIT $1
	FOR UPDATE OF o SKIP LOCKED`

const deliveredSQL = `UPDATE outbox SET delivered_at = now(), attempts = attempts + 1,
	last_error = NULL WHERE seq = $1`

const failedSQL = `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
	next_attempt_at = now() + make_interval(secs => $3) WHERE seq = $1`

// pending is a claimed event.
type pending struct {
	seq      int64
	attempts int
	body     []byte
}

// round claims, sends and marks one batch, and returns how many events
// it claimed and delivered.
func (d *Dispatcher) round(ctx context.Context) (claimed, delivered int, err error) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("postgres: dispatch: %w", err)
	}
	defer func() { _ = tx.Rollback() }()

	idle := (d.opts.SendTimeout + lockGrace).Milliseconds()
	batch, err := claim(ctx, tx, d.opts.BatchSize, idle)
	if err != nil {
		return 0, 0, err
	}
	var failures []error
	for _, p := range batch {
		failed, err := d.deliver(ctx, tx, p)
		if err != nil {
			return len(batch), 0, err
		}
		if failed != nil {
			failures = append(failures, failed)
		} else {
			delivered++
		}
	}
	if err := tx.Commit(); err != nil {
		return len(batch), 0, fmt.Errorf("postgres: dispatch: commit: %w", err)
	}
	return len(batch), delivered, errors.Join(failures...)
}

// claim locks up to n pending events, and bounds the session's idle
// time in tx to idle milliseconds.
func claim(ctx context.Context, tx *sql.Tx, n int, idle int64) ([]pending, error) {
	rows, err := tx.QueryContext(ctx, claimSQL, n, strconv.FormatInt(idle, 10))
	if err != nil {
		return nil, fmt.Errorf("postgres: dispatch: claim: %w", err)
	}
	defer rows.Close()
	var out []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.seq, &p.attempts, &p.body); err != nil {
			return nil, fmt.Errorf("postgres: dispatch: claim: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: dispatch: claim: %w", err)
	}
	return out, nil
}

// deliver sends one claimed event and records the outcome in tx. It
// returns the failure of the send, once recorded, and separately an error
// that ends the round: the outcome could not be recorded, or ctx ended.
func (d *Dispatcher) deliver(ctx context.Context, tx *sql.Tx, p pending) (failed, err error) {
	sendErr := d.send(ctx, p)
	if sendErr == nil {
		if _, err := tx.ExecContext(ctx, deliveredSQL, p.seq); err != nil {
			return nil, fmt.Errorf("postgres: dispatch: mark event %d: %w", p.seq, err)
		}
		return nil, nil
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("postgres: dispatch: send event %d: %w", p.seq, ctx.Err())
	}
	wait := d.backoff(p.attempts + 1).Seconds()
	_, err = tx.ExecContext(ctx, failedSQL, p.seq, errorText(sendErr), wait)
	if err != nil {
		return nil, fmt.Errorf("postgres: dispatch: record failure of event %d: %w", p.seq, err)
	}
	return fmt.Errorf("postgres: dispatch: send event %d, attempt %d: %w",
		p.seq, p.attempts+1, sendErr), nil
}

// send decodes a claimed event and hands it to the sender, with a
// context that ends after the send timeout.
func (d *Dispatcher) send(ctx context.Context, p pending) error {
	ev, err := storedDecoder.Event(p.body)
	if err != nil {
		return fmt.Errorf("decode stored event: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, d.opts.SendTimeout)
	defer cancel()
	return d.sender.Send(ctx, Delivery{Seq: p.seq, Attempt: p.attempts + 1, Event: *ev})
}

// errorText returns the text of a send's error as last_error keeps it:
// each run of bytes that is not valid UTF-8, and each U+0000, becomes
// U+FFFD (PostgreSQL's text holds neither), and a text longer than
// maxErrorText characters is cut to that length, its last character
// replaced by "…". The error itself goes to the caller unchanged.
func errorText(err error) string {
	s := strings.ToValidUTF8(err.Error(), "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	if utf8.RuneCountInString(s) <= maxErrorText {
		return s
	}
	n := 0
	for i := range s {
		if n == maxErrorText-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// backoff returns the wait after the given failed attempt.
func (d *Dispatcher) backoff(attempt int) time.Duration {
	wait := d.opts.Backoff
	for i := 1; i < attempt && wait < d.opts.MaxBackoff; i++ {
		wait *= 2
	}
	return min(wait, d.opts.MaxBackoff)
}
