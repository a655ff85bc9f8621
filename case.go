package cases

import (
	"maps"
	"time"
)

// Case is a request from the platform to its partner, attached to one of
// the platform's resources (its parent).
//
// A Case is a plain value: build one with [Open], change it with [Update],
// [Respond] and [CloseForParent], which return a new Case and leave the old
// one as it was. Its JSON form writes every key, with null for an absent
// optional value and {} for empty metadata.
type Case struct {
	// ID identifies the case: a UUID in canonical lowercase form.
	ID string `json:"id"`

	// CreatedAt is when the case was opened, in UTC.
	CreatedAt time.Time `json:"created_at"`

	// UpdatedAt is when the case last changed, in UTC. A change that
	// alters nothing does not move it.
	UpdatedAt time.Time `json:"updated_at"`

	// Metadata holds the caller's own key-value pairs. Nil and empty are
	// the same and encode as {}.
	Metadata Metadata `json:"metadata"`

	// ParentType is the type of the resource the case is attached to.
	ParentType ParentType `json:"parent_type"`

	// ParentID is the parent's opaque ID: 1 to 128 characters of letters,
	// digits, "_", "-", "." and ":".
	ParentID string `json:"parent_id"`

	// Kind decides the types of Request and Response.
	Kind Kind `json:"kind"`

	// Status is where the case stands in its lifecycle.
	Status Status `json:"status"`

	// Summary is one partner-safe line of 1 to 255 characters.
	Summary string `json:"summary"`

	// Details is partner-safe markdown of at most 10,000 characters; nil
	// when the case has none.
	Details *string `json:"details"`

	// Request is what the platform asks for, of the kind's request type.
	Request Payload `json:"request"`

	// Response is what the partner sent, of the kind's response type; nil
	// until the partner answers.
	Response Payload `json:"response"`

	// OpenedAt is when the case first became visible to the partner by
	// entering needs_response; nil while the case is internal.
	OpenedAt *time.Time `json:"opened_at"`

	// DueAt is when the case is expected to be resolved; nil when it has
	// no deadline.
	DueAt *time.Time `json:"due_at"`

	// ResolvedAt is when the case entered a terminal status; nil while it
	// is open.
	ResolvedAt *time.Time `json:"resolved_at"`

	// ResolutionReason says why the case was closed; "" (null on the wire)
	// while it is open.
	ResolutionReason ResolutionReason `json:"resolution_reason"`
}

// ParentType is the type of the resource a case is attached to.
//
// A ParentType the package does not know is kept by lenient decoding and
// refused by strict validation with [CodeUnknownValue].
type ParentType string

// The parent types.
const (
	// ParentFiling is a document the platform files with a state.
	ParentFiling ParentType = "filing"
	// ParentVerification is a check of a business or a person.
	ParentVerification ParentType = "verification"
	// ParentBusiness is a business the platform serves; the parent of
	// every ra_termination case.
	ParentBusiness ParentType = "business"
	// ParentSession is a partner's customer session, such as a formation
	// flow in progress.
	ParentSession ParentType = "session"
)

// ParentTypes returns the known parent types.
func ParentTypes() []ParentType {
	return []ParentType{ParentFiling, ParentVerification, ParentBusiness, ParentSession}
}

// IsKnown reports whether t is one of the types listed by [ParentTypes].
func (t ParentType) IsKnown() bool {
	switch t {
	case ParentFiling, ParentVerification, ParentBusiness, ParentSession:
		return true
	}
	return false
}

// Clone returns a deep copy of c that shares no memory with it. An absent
// payload (see [Payload]) is nil in the copy.
func (c *Case) Clone() *Case {
	d := *c
	d.Metadata = maps.Clone(c.Metadata)
	d.Details = clonePtr(c.Details)
	d.OpenedAt = clonePtr(c.OpenedAt)
	d.DueAt = clonePtr(c.DueAt)
	d.ResolvedAt = clonePtr(c.ResolvedAt)
	d.Request = clonePayload(c.Request)
	d.Response = clonePayload(c.Response)
	return &d
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// IsOverdue reports whether c is open and its due time is before now.
func (c *Case) IsOverdue(now time.Time) bool {
	return c.Status.IsOpen() && c.DueAt != nil && c.DueAt.Before(now)
}

// IsDueWithin reports whether c is open, not overdue at now, and due no
// later than now plus d. An overdue case is not due within any duration:
// ask [Case.IsOverdue] for those.
func (c *Case) IsDueWithin(now time.Time, d time.Duration) bool {
	if !c.Status.IsOpen() || c.DueAt == nil || c.DueAt.Before(now) {
		return false
	}
	return !c.DueAt.After(now.Add(d))
}

// MarshalJSON encodes c with every key of the case object, in a fixed order.
// It fails only when a string is not valid UTF-8 or a response holds a
// value that has no JSON form. Its receiver is a value, so that a Case and
// a *Case encode alike.
func (c Case) MarshalJSON() ([]byte, error) {
	return appendCase(make([]byte, 0, 1024), &c)
}

// UnmarshalJSON decodes c leniently, as [Decoder] with Lenient set does:
// unknown keys are ignored and unknown enum values kept. On failure c is
// left as it was.
func (c *Case) UnmarshalJSON(data []byte) error {
	d, err := Decoder{Lenient: true}.Case(data)
	if err != nil {
		return err
	}
	*c = *d
	return nil
}
