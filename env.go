package cases

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Env supplies what an operation takes from outside its case and input:
// the time and new IDs. The zero Env uses the current time and UUIDv7.
// Operations read nothing else from outside, so that a fixed Env makes
// them repeatable.
type Env struct {
	// Now is the time of the operation. Zero means the current time. It is
	// stored in UTC.
	Now time.Time

	// NewID returns the ID of a new case or event. Nil means
	// [uuid.NewV7]. When it fails, the operation fails with its error
	// wrapped, which is not an [*Error]: [ProblemFor] makes it a 500.
	NewID func() (uuid.UUID, error)
}

// now returns the time of the operation, in UTC.
func (e Env) now() time.Time {
	if e.Now.IsZero() {
		return time.Now().UTC()
	}
	return e.Now.UTC()
}

// newID returns a new ID in canonical form.
func (e Env) newID() (string, error) {
	gen := e.NewID
	if gen == nil {
		gen = uuid.NewV7
	}
	id, err := gen()
	if err != nil {
		return "", fmt.Errorf("cases: generating an ID: %w", err)
	}
	return id.String(), nil
}

// eventsFor returns the event that the change from before (nil for a new
// case) to after produces: case.opened when after is visible and before
// was not, case.updated when both are visible, nothing while the case is
// internal.
func eventsFor(before, after *Case, env Env, now time.Time) ([]Event, error) {
	if after.OpenedAt == nil {
		return nil, nil
	}
	typ := EventCaseUpdated
	if before == nil || before.OpenedAt == nil {
		typ = EventCaseOpened
	}
	id, err := env.newID()
	if err != nil {
		return nil, err
	}
	return []Event{{ID: id, Type: typ, CreatedAt: now, Data: after.Clone()}}, nil
}
