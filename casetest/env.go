package casetest

import (
	"fmt"
	"sync"
	"time"

	"github.com/casekit/cases"
	"github.com/google/uuid"
)

// Start is the time a new [Clock] shows: Monday 2 March 2026, 09:00 UTC.
var Start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Clock is a clock that stands still until it is stepped. It is safe for
// concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock that shows t, in UTC.
func NewClock(t time.Time) *Clock { return &Clock{now: t.UTC()} }

// Now returns the time the clock shows.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d and returns the new time.
func (c *Clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// Set makes the clock show t, in UTC.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t.UTC()
}

// IDs hands out UUIDs that count up: the n-th is
// 00000000-0000-7000-8000-<n as 12 hexadecimal digits>, so that the IDs a
// test sees are the same on every run. It is safe for concurrent use.
type IDs struct {
	mu sync.Mutex
	n  uint64
}

// Next returns the next ID. It never fails; its error is there so that it
// fits [cases.Env].NewID.
func (g *IDs) Next() (uuid.UUID, error) {
	g.mu.Lock()
	g.n++
	n := g.n
	g.mu.Unlock()
	return ID(n), nil
}

// ID returns the n-th ID that an [IDs] hands out.
func ID(n uint64) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("00000000-0000-7000-8000-%012x", n))
}

// Env is what a test passes to the operations of the cases package: a
// [Clock] and an [IDs] source. Its builders (NeedsResponse, UnderReview
// and the rest) take their times and IDs from it too, and step its clock
// as the case's story goes on.
type Env struct {
	Clock *Clock
	IDs   *IDs
}

// NewEnv returns an Env whose clock shows [Start] and whose IDs start at
// 1.
func NewEnv() *Env {
	return &Env{Clock: NewClock(Start), IDs: &IDs{}}
}

// Now returns the time of the Env's clock.
func (e *Env) Now() time.Time { return e.Clock.Now() }

// NewID returns the next ID of the Env.
func (e *Env) NewID() (uuid.UUID, error) { return e.IDs.Next() }

// Cases returns the [cases.Env] of an operation at the clock's time.
func (e *Env) Cases() cases.Env {
	return cases.Env{Now: e.Now(), NewID: e.NewID}
}
