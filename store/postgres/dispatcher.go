package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/casekit/cases"
)

// The defaults of [DispatcherOptions].
const (
	DefaultBatchSize    = 1
	DefaultPollInterval = time.Second
	DefaultBackoff      = time.Second
	DefaultMaxBackoff   = time.Minute
)

// Delivery is one attempt to deliver an event of the outbox.
type Delivery struct {
	// Seq is the event's sequence number in the outbox.
	Seq int64

	// Attempt counts the attempts from 1: one more than the failed
	// attempts recorded before. An attempt cut off before its outcome was
	// recorded (the dispatcher stopped) is not counted, so its repeat
	// carries the same number.
	Attempt int

	// Event is the event, with the same ID on every attempt.
	Event cases.Event
}

// Sender delivers the events that a [Dispatcher] claims. Send returns nil
// once the event is delivered; an error makes the dispatcher try again
// later. Send runs while the dispatcher holds the event's row locked, so
// it should bound its own time, as an HTTP client with a timeout does.
type Sender interface {
	Send(ctx context.Context, d Delivery) error
}

// SenderFunc is a function that is a [Sender].
type SenderFunc func(ctx context.Context, d Delivery) error

// Send calls f.
func (f SenderFunc) Send(ctx context.Context, d Delivery) error { return f(ctx, d) }

// DispatcherOptions configures a [Dispatcher]. The zero value is ready to
// use.
type DispatcherOptions struct {
	// BatchSize is how many events one transaction claims; zero means
	// DefaultBatchSize. A larger batch costs fewer round trips, and sends
	// again more events when the dispatcher stops in the middle of it.
	BatchSize int

	// PollInterval is how long Run waits, when it found no event, before
	// it looks again; zero means DefaultPollInterval. [Dispatcher.Notify]
	// ends the wait early.
	PollInterval time.Duration

	// Backoff is the wait after an event's first failed attempt; each
	// later wait doubles, up to MaxBackoff. Zero means DefaultBackoff and
	// DefaultMaxBackoff.
	Backoff    time.Duration
	MaxBackoff time.Duration

	// OnError, when set, is called by Run with the error of each round
	// that failed: a failed send, or a failure of the database.
	OnError func(err error)
}

// Dispatcher delivers the events of a [Store]'s outbox to a [Sender], at
// least once each, from any number of processes at once.
//
// Each round is one transaction. It claims the oldest pending events
// with SELECT ... FOR UPDATE SKIP LOCKED, so that dispatchers on other
// processes pass them by; sends each; and marks each delivered in the
// same transaction, right after its send succeeds. A failed send is
// recorded instead (attempts, last_error) and the event waits for its
// backoff. An event is claimed only when every earlier event of its case
// is delivered, so each case's events go out in order, and a case whose
// event keeps failing holds back only its own later events.
//
// A dispatcher that stops between a send and the commit (its context is
// canceled, or its process ends) leaves its claimed events pending: the
// transaction rolls back and the next dispatcher sends them again, with
// the same event IDs. Receivers therefore see every event at least once
// and recognize a repeat by its ID; no event is ever sent under two IDs.
type Dispatcher struct {
	db     *sql.DB
	sender Sender
	opts   DispatcherOptions
	wake   chan struct{}
}

// NewDispatcher returns a dispatcher of the outbox in db, whose schema
// [Migrate] has made, to s.
func NewDispatcher(db *sql.DB, s Sender, o DispatcherOptions) *Dispatcher {
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.Backoff <= 0 {
		o.Backoff, o.MaxBackoff = DefaultBackoff, DefaultMaxBackoff
	}
	if o.MaxBackoff < o.Backoff {
		o.MaxBackoff = o.Backoff
	}
	return &Dispatcher{db: db, sender: s, opts: o, wake: make(chan struct{}, 1)}
}

// Notify wakes a waiting Run at once, so that the events of a change made
// in this process go out without waiting for the poll interval; the
// events themselves are read from the outbox. It never blocks, and makes
// the dispatcher a [casehttp.Notifier] for [casehttp.Options].
func (d *Dispatcher) Notify([]cases.Event) {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run delivers events until ctx is done, then returns ctx's error. After
// a round that claimed events it starts the next at once; otherwise it
// waits for the poll interval or a Notify. The errors of rounds go to
// OnError.
func (d *Dispatcher) Run(ctx context.Context) error {
	for {
		claimed, _, err := d.round(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && d.opts.OnError != nil {
			d.opts.OnError(err)
		}
		if claimed > 0 && err == nil {
			continue
		}
		t := time.NewTimer(d.opts.PollInterval)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-d.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// DeliverBatch runs one round: it claims up to BatchSize pending events,
// sends them and commits, and returns how many it delivered. A failed
// send is recorded and returned as an error after the commit, joined
// with any other; the other events of the round are still sent.
func (d *Dispatcher) DeliverBatch(ctx context.Context) (int, error) {
	_, delivered, err := d.round(ctx)
	return delivered, err
}

// claimSQL claims the oldest pending events whose time has come and
// whose case has no earlier pending event.
const claimSQL = `SELECT o.seq, o.attempts, o.event FROM outbox o
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

	batch, err := claim(ctx, tx, d.opts.BatchSize)
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

// claim locks up to n pending events.
func claim(ctx context.Context, tx *sql.Tx, n int) ([]pending, error) {
	rows, err := tx.QueryContext(ctx, claimSQL, n)
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
	_, err = tx.ExecContext(ctx, failedSQL, p.seq, sendErr.Error(), wait)
	if err != nil {
		return nil, fmt.Errorf("postgres: dispatch: record failure of event %d: %w", p.seq, err)
	}
	return fmt.Errorf("postgres: dispatch: send event %d, attempt %d: %w",
		p.seq, p.attempts+1, sendErr), nil
}

// send decodes a claimed event and hands it to the sender.
func (d *Dispatcher) send(ctx context.Context, p pending) error {
	ev, err := storedDecoder.Event(p.body)
	if err != nil {
		return fmt.Errorf("decode stored event: %w", err)
	}
	return d.sender.Send(ctx, Delivery{Seq: p.seq, Attempt: p.attempts + 1, Event: *ev})
}

// backoff returns the wait after the given failed attempt.
func (d *Dispatcher) backoff(attempt int) time.Duration {
	wait := d.opts.Backoff
	for i := 1; i < attempt && wait < d.opts.MaxBackoff; i++ {
		wait *= 2
	}
	return min(wait, d.opts.MaxBackoff)
}
