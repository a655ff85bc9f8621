package cases

import "time"

// OpenRequest is the input of [Open]: the body of POST /v1/case.
type OpenRequest struct {
	// ParentType is the type of the resource the case attaches to.
	ParentType ParentType `json:"parent_type"`
	// ParentID is the parent's opaque ID.
	ParentID string `json:"parent_id"`
	// Kind decides the type of Request.
	Kind Kind `json:"kind"`
	// Status is needs_response, which shows the case to the partner at
	// once, or under_review, which keeps it internal.
	Status Status `json:"status"`
	// Summary is one partner-safe line.
	Summary string `json:"summary"`
	// Details is partner-safe markdown; nil for none.
	Details *string `json:"details"`
	// Request is what the platform asks for, of the kind's request type.
	Request Payload `json:"request"`
	// DueAt is when the case should be resolved, later than the opening
	// time; nil for no deadline.
	DueAt *time.Time `json:"due_at"`
	// Metadata holds the caller's key-value pairs; nil for none.
	Metadata Metadata `json:"metadata"`
}

// MarshalJSON encodes the body with every key, null for an absent optional
// value.
func (o *OpenRequest) MarshalJSON() ([]byte, error) {
	var err error
	b := append(make([]byte, 0, 1024), `{"parent_type":`...)
	b = appendString(b, string(o.ParentType), &err)
	b = append(b, `,"parent_id":`...)
	b = appendString(b, o.ParentID, &err)
	b = append(b, `,"kind":`...)
	b = appendString(b, string(o.Kind), &err)
	b = append(b, `,"status":`...)
	b = appendString(b, string(o.Status), &err)
	b = append(b, `,"summary":`...)
	b = appendString(b, o.Summary, &err)
	b = append(b, `,"details":`...)
	b = appendOptString(b, o.Details, &err)
	b = append(b, `,"request":`...)
	b = appendPayload(b, o.Request, &err)
	b = append(b, `,"due_at":`...)
	b = appendOptTime(b, o.DueAt, &err)
	b = append(b, `,"metadata":`...)
	b = appendMetadata(b, o.Metadata, appendString, &err)
	return append(b, '}'), err
}

// asCase returns the case o opens, with the given ID and time. It shares
// memory with o: Open clones it, and checks only read it.
func (o *OpenRequest) asCase(id string, now time.Time) Case {
	c := Case{
		ID: id, CreatedAt: now, UpdatedAt: now, Metadata: o.Metadata,
		ParentType: o.ParentType, ParentID: o.ParentID, Kind: o.Kind,
		Status: o.Status, Summary: o.Summary, Details: o.Details,
		Request: o.Request, DueAt: o.DueAt,
	}
	return c
}

// placeholderID stands for the ID of a case that is checked before it is
// opened.
const placeholderID = "00000000-0000-0000-0000-000000000000"

// check reports the problems of o; with a non-zero now, also a due time
// that is not later than now.
func (o *OpenRequest) check(rep *report, now time.Time) {
	at := now
	if at.IsZero() {
		at = time.Unix(0, 0).UTC()
	}
	c := o.asCase(placeholderID, at)
	validateCase(&c, rep, checkInput)
	if c.Status.IsTerminal() {
		rep.add("/status", CodeInvalidValue,
			"status must be needs_response or under_review to open a case")
	}
	if !now.IsZero() {
		checkDue(c.DueAt, now, rep)
	}
}

// Validate checks o as [Open] does, except for the due time, which needs
// the time of opening. It does not modify o.
func (o *OpenRequest) Validate() error {
	var rep report
	o.check(&rep, time.Time{})
	return rep.err()
}

// Open opens a case. It checks every rule of o, due_at included, and
// returns the new case with its ID and timestamps set and, when the status
// is needs_response, the case.opened event. A case opened under_review is
// internal and produces no event. Open does not modify o; the case shares
// no memory with it. Every problem of o is reported at once in an [*Error]
// wrapping [ErrInvalid]; a failure of env.NewID comes back wrapped, as a
// plain error.
func Open(o *OpenRequest, env Env) (*Case, []Event, error) {
	now := env.now()
	var rep report
	o.check(&rep, now)
	if err := rep.err(); err != nil {
		return nil, nil, err
	}
	id, err := env.newID()
	if err != nil {
		return nil, nil, err
	}
	c := o.asCase(id, now)
	if c.Status == StatusNeedsResponse {
		c.OpenedAt = &now
	}
	n := c.Clone()
	n.DueAt = inUTC(n.DueAt)
	if n.Metadata == nil {
		n.Metadata = Metadata{}
	}
	events, err := eventsFor(nil, n, env, now)
	if err != nil {
		return nil, nil, err
	}
	return n, events, nil
}
