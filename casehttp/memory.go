package casehttp

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/casekit/cases"
)

// MemoryStore is a [Store] that keeps everything in memory. Each case has
// its own lock, so changes to different cases run in parallel and changes
// to one case run one after the other; reads never wait for a change in
// progress. Its outbox gives each event its sequence number under the
// lock of the event's case, so sequence numbers follow the order in which
// the changes of a case were stored.
//
// It keeps every case, event and idempotency record for as long as the
// store itself lives, and forgets them all when the process ends: it is
// the store of tests, examples and demonstrations, not of a service that
// runs for weeks. The zero value is not ready: use [NewMemoryStore].
type MemoryStore struct {
	mu    sync.RWMutex
	byID  map[string]*memEntry
	order []*memEntry // in the order of creation

	outMu  sync.Mutex
	outbox []OutboxEvent

	idemMu sync.Mutex
	idem   map[string]*IdempotencyRecord
}

// memEntry is one case: its current record, and the lock that writers of
// the case take.
type memEntry struct {
	mu  sync.Mutex
	pos int // index in MemoryStore.order
	cur atomic.Pointer[Record]
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		byID: map[string]*memEntry{},
		idem: map[string]*IdempotencyRecord{},
	}
}

// Create stores a new case at version 1, with its events.
func (s *MemoryStore) Create(_ context.Context, c *cases.Case,
	events []cases.Event) (Record, error) {
	rec := &Record{Case: c, Version: 1}
	s.mu.Lock()
	if _, ok := s.byID[c.ID]; ok {
		s.mu.Unlock()
		return Record{}, ErrExists
	}
	e := &memEntry{pos: len(s.order)}
	e.cur.Store(rec)
	s.byID[c.ID] = e
	s.order = append(s.order, e)
	// The events join the outbox before the case is unlocked for readers
	// of the outbox, who then never see an event without its case.
	s.append(events)
	s.mu.Unlock()
	return *rec, nil
}

// Get returns the current record of a case.
func (s *MemoryStore) Get(_ context.Context, id string) (Record, error) {
	s.mu.RLock()
	e := s.byID[id]
	s.mu.RUnlock()
	if e == nil {
		return Record{}, ErrNotFound
	}
	return *e.cur.Load(), nil
}

// List returns up to q.Limit matching records, newest first.
func (s *MemoryStore) List(_ context.Context, q ListQuery) ([]Record, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	end := len(s.order)
	if q.After != "" {
		e := s.byID[q.After]
		if e == nil {
			return nil, ErrUnknownCursor
		}
		end = e.pos
	}
	var out []Record
	for i := end - 1; i >= 0 && len(out) < q.Limit; i-- {
		rec := s.order[i].cur.Load()
		if matches(rec.Case, &q) {
			out = append(out, *rec)
		}
	}
	return out, nil
}

// matches reports whether c passes the filters of q.
func matches(c *cases.Case, q *ListQuery) bool {
	return (q.ParentType == "" || c.ParentType == q.ParentType) &&
		(q.ParentID == "" || c.ParentID == q.ParentID) &&
		(q.Status == "" || c.Status == q.Status) &&
		(q.Kind == "" || c.Kind == q.Kind)
}

// Update runs fn under the case's lock and stores its result with the next
// version.
func (s *MemoryStore) Update(_ context.Context, id string,
	fn UpdateFunc) (Record, []cases.Event, error) {
	s.mu.RLock()
	e := s.byID[id]
	s.mu.RUnlock()
	if e == nil {
		return Record{}, nil, ErrNotFound
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	cur := e.cur.Load()
	c, events, err := fn(*cur)
	if err != nil {
		return Record{}, nil, err
	}
	if c == nil {
		return *cur, nil, nil
	}
	next := &Record{Case: c, Version: cur.Version + 1}
	s.outMu.Lock()
	e.cur.Store(next)
	s.appendLocked(events)
	s.outMu.Unlock()
	return *next, events, nil
}

// append adds events to the outbox.
func (s *MemoryStore) append(events []cases.Event) {
	s.outMu.Lock()
	s.appendLocked(events)
	s.outMu.Unlock()
}

func (s *MemoryStore) appendLocked(events []cases.Event) {
	for _, ev := range events {
		s.outbox = append(s.outbox, OutboxEvent{Seq: int64(len(s.outbox)) + 1, Event: ev})
	}
}

// Events returns up to limit events stored after sequence number after;
// none when limit is zero or less.
func (s *MemoryStore) Events(_ context.Context, after int64, limit int) ([]OutboxEvent, error) {
	if limit <= 0 {
		return nil, nil
	}
	s.outMu.Lock()
	defer s.outMu.Unlock()
	if after < 0 {
		after = 0
	}
	if after >= int64(len(s.outbox)) {
		return nil, nil
	}
	rest := s.outbox[after:]
	if len(rest) > limit {
		rest = rest[:limit]
	}
	return append([]OutboxEvent(nil), rest...), nil
}

// Reserve records key as in progress, or returns its record.
func (s *MemoryStore) Reserve(_ context.Context, key,
	fingerprint string) (*IdempotencyRecord, error) {
	s.idemMu.Lock()
	defer s.idemMu.Unlock()
	if rec, ok := s.idem[key]; ok {
		cp := *rec
		return &cp, nil
	}
	s.idem[key] = &IdempotencyRecord{Fingerprint: fingerprint}
	return nil, nil
}

// Complete stores the answer for key.
func (s *MemoryStore) Complete(_ context.Context, key string, answer *Answer) error {
	s.idemMu.Lock()
	defer s.idemMu.Unlock()
	if rec, ok := s.idem[key]; ok {
		rec.Answer = answer
	}
	return nil
}

// Release forgets key.
func (s *MemoryStore) Release(_ context.Context, key string) error {
	s.idemMu.Lock()
	defer s.idemMu.Unlock()
	delete(s.idem, key)
	return nil
}
