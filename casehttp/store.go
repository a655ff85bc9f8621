package casehttp

import (
	"context"
	"errors"
	"net/http"

	"github.com/casekit/cases"
)

// The errors a [Store] returns for the cases it cannot find or create.
var (
	// ErrNotFound reports a case ID that the store does not hold; the
	// handler answers it with 404.
	ErrNotFound = errors.New("casehttp: case not found")

	// ErrExists reports a case whose ID the store already holds. Only an
	// [Options.NewID] that repeats itself causes it; the handler answers
	// it with 409, which a retry with another ID may get past.
	ErrExists = errors.New("casehttp: case already exists")

	// ErrUnknownCursor reports a [ListQuery.After] that names no case the
	// store holds.
	ErrUnknownCursor = errors.New("casehttp: unknown cursor")
)

// Record is a stored case and its version. The version starts at 1 when
// the case is created and grows by one with every change that alters it;
// the handler sends it as the case's ETag.
//
// The case of a Record is shared with the store and must not be modified:
// clone it first.
type Record struct {
	Case    *cases.Case
	Version int64
}

// UpdateFunc computes the new state of one case from its current record.
// It returns the new case and the events of the change; a nil case keeps
// the stored case as it is (a change that alters nothing), and an error
// leaves it too and is returned by [Store.Update] as it is. It must not
// modify the case it is given.
type UpdateFunc func(cur Record) (*cases.Case, []cases.Event, error)

// ListQuery selects the cases of one page of a list, newest first.
type ListQuery struct {
	// ParentType, ParentID, Status and Kind filter the cases; the zero
	// value of each matches every case.
	ParentType cases.ParentType
	ParentID   string
	Status     cases.Status
	Kind       cases.Kind

	// After is the ID of the last case of the previous page: the page holds
	// only cases created before it. "" starts at the newest case. An ID the
	// store does not hold is [ErrUnknownCursor].
	After string

	// Limit is the most records to return; it is at least 1.
	Limit int
}

// Store keeps cases, the events of their changes and the answers of
// idempotent requests. Every method is safe for concurrent use.
//
// The handler never writes a case except through Create and Update, and
// Update must run its function and store the result as one atomic step
// for that case: no two functions run on the same case at once, and each
// sees the result of the one before, so that no change is ever lost. A
// store on database/sql does this with SELECT ... FOR UPDATE, or with a
// version check in the UPDATE statement and a retry, in one transaction.
type Store interface {
	// Create stores a new case, at version 1, together with the events
	// that opening it produced. It returns [ErrExists] when the ID is
	// taken.
	Create(ctx context.Context, c *cases.Case, events []cases.Event) (Record, error)

	// Get returns the current record of a case, or [ErrNotFound].
	Get(ctx context.Context, id string) (Record, error)

	// List returns up to q.Limit records that match q, newest first: in
	// the reverse order of their creation, which cases created later do
	// not disturb.
	List(ctx context.Context, q ListQuery) ([]Record, error)

	// Update runs fn on the current record of case id and stores what it
	// returns, with the next version and its events, atomically. It
	// returns the stored record (the current one when fn returns a nil
	// case) and the events stored with it, [ErrNotFound], or fn's error.
	Update(ctx context.Context, id string, fn UpdateFunc) (Record, []cases.Event, error)

	IdempotencyStore
	Outbox
}

// IdempotencyStore keeps the answers to requests sent with an
// Idempotency-Key, so that a retry replays the first answer, also after a
// restart of the handler. Keys arrive scoped to the caller's API key.
//
// A durable store keeps a record for at least 24 hours. A reservation
// whose answer never comes (the process ended while it ran) stays in
// progress until the store expires it; the memory store keeps every
// record for its own life.
type IdempotencyStore interface {
	// Reserve records that the request with the given key and
	// fingerprint is in progress, and returns nil; or, when the key is
	// already recorded, returns its record without changing it.
	Reserve(ctx context.Context, key, fingerprint string) (*IdempotencyRecord, error)

	// Complete stores the answer of the request that reserved key.
	Complete(ctx context.Context, key string, answer *Answer) error

	// Release forgets a reservation whose request failed in a way worth
	// retrying, such as an error of the store itself.
	Release(ctx context.Context, key string) error
}

// IdempotencyRecord is what an [IdempotencyStore] keeps for one key.
type IdempotencyRecord struct {
	// Fingerprint identifies the request: its method, path, If-Match
	// header and body.
	Fingerprint string

	// Answer is the answer to replay; nil while the first request is in
	// progress.
	Answer *Answer
}

// Answer is an HTTP response as the handler sent it.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Outbox keeps the events of every change, stored by [Store.Create] and
// [Store.Update] in the same atomic step as the change itself, so that a
// relay can deliver them at least once even when the process ends right
// after the change.
type Outbox interface {
	// Events returns up to limit events stored after the one with the
	// given sequence number (0 for the first), oldest first. A limit of
	// zero or less returns no events.
	Events(ctx context.Context, after int64, limit int) ([]OutboxEvent, error)
}

// OutboxEvent is an event as an [Outbox] keeps it.
type OutboxEvent struct {
	// Seq numbers the events of the outbox from 1, in the order they were
	// stored.
	Seq int64

	// Event is the event; it is shared with the store and must not be
	// modified.
	Event cases.Event
}
