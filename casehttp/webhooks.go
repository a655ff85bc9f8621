package casehttp

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/casekit/cases"
)

// The defaults of [WebhookOptions].
const (
	DefaultAttempts   = 5
	DefaultBackoff    = time.Second
	DefaultMaxBackoff = time.Minute
)

// WebhookOptions configures [Webhooks]. The zero value is ready to use.
type WebhookOptions struct {
	// Client sends the webhooks; nil means a client with a 10-second
	// timeout.
	Client *http.Client

	// Attempts is how many times an event is sent to an endpoint before
	// it is given up; zero means DefaultAttempts.
	Attempts int

	// Backoff is the wait before the first retry; each later wait doubles,
	// up to MaxBackoff. Zero means DefaultBackoff and DefaultMaxBackoff.
	Backoff    time.Duration
	MaxBackoff time.Duration

	// Now gives the timestamp of each signature; nil means the current
	// time.
	Now func() time.Time
}

// Delivery records one attempt to send an event to an endpoint.
type Delivery struct {
	EventID   string
	EventType cases.EventType
	URL       string

	// Attempt counts the attempts for this event and endpoint from 1.
	Attempt int

	// At is the signature timestamp of the attempt.
	At time.Time

	// StatusCode is the endpoint's HTTP status; 0 when no answer came.
	StatusCode int

	// Err says why the attempt failed; "" when the endpoint answered
	// with a 2xx status.
	Err string

	// RetryIn is the wait before the next attempt: zero when none
	// follows, because this one succeeded or was the last.
	RetryIn time.Duration
}

// OK reports whether the attempt succeeded.
func (d Delivery) OK() bool { return d.Err == "" }

// Webhooks is a [Notifier] that posts the events of an [Outbox], as the
// JSON of the [cases.Event] envelope, to every registered endpoint, signed
// as [Sign] describes. A failed attempt (no answer, or a status other than
// 2xx) is retried with exponential backoff. Every attempt is recorded.
//
// Each call of Notify reads the events stored since the last call, in the
// order of their sequence numbers, and ignores the events it is given:
// concurrent requests notify in any order, the outbox in the order the
// store committed the changes. Each endpoint gets its events one at a
// time in that order, a retried event holding back those after it, so
// that a case's events arrive in the order of its versions. This holds
// for an outbox whose events become visible in the order of their
// sequence numbers, as those of [MemoryStore] do; a store that commits
// changes in parallel brings its own relay.
//
// Webhooks is safe for concurrent use; call Close when done.
type Webhooks struct {
	out    Outbox
	opts   WebhookOptions
	ctx    context.Context
	cancel context.CancelFunc

	mu         sync.Mutex
	idle       *sync.Cond // signalled when pending drops to zero
	hooks      []*hook
	read       int64 // the sequence number of the last event read
	pending    int
	closed     bool
	deliveries []Delivery
}

// hook is one registered endpoint and its queue.
type hook struct {
	url, secret string
	queue       []cases.Event
	running     bool
}

// outboxPage is how many events Notify reads from the outbox at a time.
const outboxPage = 100

// NewWebhooks returns a Webhooks with no endpoint that delivers the
// events of out, which must not be nil, starting with the first event out
// holds.
func NewWebhooks(out Outbox, o WebhookOptions) *Webhooks {
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.Attempts <= 0 {
		o.Attempts = DefaultAttempts
	}
	if o.Backoff <= 0 {
		o.Backoff, o.MaxBackoff = DefaultBackoff, DefaultMaxBackoff
	}
	if o.MaxBackoff < o.Backoff {
		o.MaxBackoff = o.Backoff
	}
	w := &Webhooks{out: out, opts: o}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	w.idle = sync.NewCond(&w.mu)
	return w
}

// Register adds an endpoint that receives every event that Notify reads
// from now on, signed with secret.
func (w *Webhooks) Register(url, secret string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.hooks = append(w.hooks, &hook{url: url, secret: secret})
}

// Notify reads the events that the outbox stored since the last call and
// queues them for every endpoint, then returns; the events it is given
// are not used. When the outbox fails, the events stay unread until the
// next call.
func (w *Webhooks) Notify([]cases.Event) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !w.closed {
		page, err := w.out.Events(w.ctx, w.read, outboxPage)
		if err != nil || len(page) == 0 {
			return
		}
		for _, e := range page {
			w.queue(e.Event)
			w.read = e.Seq
		}
		if len(page) < outboxPage {
			return
		}
	}
}

// queue adds ev to the queue of every endpoint; w.mu is held.
func (w *Webhooks) queue(ev cases.Event) {
	for _, h := range w.hooks {
		h.queue = append(h.queue, ev)
		w.pending++
		if !h.running {
			h.running = true
			go w.drain(h)
		}
	}
}

// Wait blocks until every event read so far was delivered or given up.
func (w *Webhooks) Wait() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.pending > 0 {
		w.idle.Wait()
	}
}

// Close stops delivering: attempts in progress are canceled and queued
// events dropped. It returns when no delivery runs any more.
func (w *Webhooks) Close() {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.cancel()
	w.Wait()
}

// Deliveries returns every attempt made so far, in the order they ended.
func (w *Webhooks) Deliveries() []Delivery {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Delivery(nil), w.deliveries...)
}

// drain delivers the queue of h until it is empty.
func (w *Webhooks) drain(h *hook) {
	for {
		w.mu.Lock()
		if w.closed {
			w.done(len(h.queue))
			h.queue = nil
		}
		if len(h.queue) == 0 {
			h.running = false
			w.mu.Unlock()
			return
		}
		ev := h.queue[0]
		h.queue = h.queue[1:]
		w.mu.Unlock()

		w.deliver(h, ev)

		w.mu.Lock()
		w.done(1)
		w.mu.Unlock()
	}
}

// done counts n events as finished; w.mu is held.
func (w *Webhooks) done(n int) {
	w.pending -= n
	if w.pending == 0 {
		w.idle.Broadcast()
	}
}

// deliver sends ev to h until an attempt succeeds or none is left.
func (w *Webhooks) deliver(h *hook, ev cases.Event) {
	body, err := ev.MarshalJSON()
	if err != nil {
		w.record(Delivery{EventID: ev.ID, EventType: ev.Type, URL: h.url, Attempt: 1,
			Err: "event could not be encoded: " + err.Error()})
		return
	}
	wait := w.opts.Backoff
	for attempt := 1; attempt <= w.opts.Attempts; attempt++ {
		d := w.attempt(h, ev, body, attempt)
		if w.ctx.Err() != nil {
			return
		}
		if d.OK() || attempt == w.opts.Attempts {
			w.record(d)
			return
		}
		d.RetryIn = wait
		w.record(d)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-w.ctx.Done():
			t.Stop()
			return
		}
		wait = min(2*wait, w.opts.MaxBackoff)
	}
}

// attempt sends ev once.
func (w *Webhooks) attempt(h *hook, ev cases.Event, body []byte, n int) Delivery {
	now := time.Now()
	if w.opts.Now != nil {
		now = w.opts.Now()
	}
	d := Delivery{EventID: ev.ID, EventType: ev.Type, URL: h.url, Attempt: n,
		At: time.Unix(now.Unix(), 0).UTC()}
	req, err := http.NewRequestWithContext(w.ctx, http.MethodPost, h.url, bytes.NewReader(body))
	if err != nil {
		d.Err = err.Error()
		return d
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "casehttp-webhooks")
	req.Header.Set(SignatureHeader, Sign(h.secret, now, body))
	req.Header.Set("Case-Event-Id", ev.ID)
	req.Header.Set("Case-Delivery-Attempt", strconv.Itoa(n))
	res, err := w.opts.Client.Do(req)
	if err != nil {
		d.Err = err.Error()
		return d
	}
	// Reading the body lets the client reuse the connection.
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	_ = res.Body.Close()
	d.StatusCode = res.StatusCode
	if res.StatusCode < 200 || res.StatusCode > 299 {
		d.Err = "endpoint answered " + strconv.Itoa(res.StatusCode)
	}
	return d
}

func (w *Webhooks) record(d Delivery) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.deliveries = append(w.deliveries, d)
}
