package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/casekit/cases"
)

// The defaults of [DispatcherOptions].
const (
	DefaultBatchSize    = 1
	DefaultPollInterval = time.Second
	DefaultBackoff      = time.Second
	DefaultMaxBackoff   = time.Minute
	DefaultSendTimeout  = 30 * time.Second
)

// lockGrace is how much longer than its send timeout a round's session
// may stay idle in its transaction before the server ends it: time for
// the dispatcher to hear back from the sender and reach the server.
const lockGrace = time.Second

// Delivery is one attempt to deliver an event of the outbox.
type Delivery struct {
	// Seq is the event's sequence number in the outbox.
	Seq int64

	// Attempt counts the attempts from 1: one more than the failed
	// attempts recorded before. An attempt cut off before its outcome was
	// recorded (the dispatcher stopped) is not counted, so its repeat
	// carries the same number.
	Attempt int

	// Event is the event, with the same ID and the same content on every
	// attempt: each decodes the one outbox row written with the change.
	Event cases.Event
}

// Sender delivers the events that a [Dispatcher] claims. Send returns nil
// once the event is delivered; an error makes the dispatcher try again
// later. Send runs while the dispatcher holds the event's row locked: its
// context ends after [DispatcherOptions.SendTimeout], and it should
// return then.
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

	// SendTimeout bounds each Send: its context ends after it. It also
	// bounds how long the events of a round stay locked when the
	// dispatcher stops answering (its process hangs, or its network
	// fails): the server ends the round's session once it has waited for
	// the dispatcher SendTimeout and one second more, and the events
	// become free for other dispatchers. A Send that ignores its context
	// and runs past that loses its round: the event is sent again. Zero
	// means DefaultSendTimeout.
	SendTimeout time.Duration

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
// recorded instead (attempts, and the error's text in last_error, made
// valid UTF-8 without U+0000 and cut to 1,000 characters) and the event
// waits for its backoff. An event is claimed only when every earlier
// event of its case is delivered, so each case's events go out in order,
// and a case whose event keeps failing holds back only its own later
// events.
//
// A round that ends before its commit (its context is cancelled, its
// process ends, or its database session ends or is lost) rolls back: its
// events stay pending, those it sent included, and the next round of any
// dispatcher sends them again. A hung dispatcher holds its events for at
// most SendTimeout and one second (see [DispatcherOptions]). Each event
// is written once, with its change, and every attempt reads it from that
// row, so every attempt carries the same event ID and the same body.
// Receivers therefore get every event at least once and recognise a
// repeat by its ID; no event is ever sent under two IDs, nor with two
// bodies under one.
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
	if o.SendTimeout <= 0 {
		o.SendTimeout = DefaultSendTimeout
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
