package cases

import (
	"maps"
	"time"
)

// Update applies u to c and returns the new case and its events.
//
// It checks u's values by the rules of the fields they set, the move by
// the lifecycle through the code that [CheckMove] runs, and the resulting
// case as a whole. A change that alters nothing, such as a retry or a
// repeat of the closing update on a closed case, returns an equal case
// with no event and moves no timestamp. A closed case accepts metadata
// changes and identical repeats only. A due time that the update changes
// must be later than the time of the update.
//
// Problems come back in this order of precedence. First every problem of
// the input and of the case it would make, all at once, in an
// [ErrInvalid] error (HTTP 400): the values' rules, the status and reason
// (superseded without a reason included), a due time not later than now,
// and the limit of 50 metadata pairs applied to the merged result. Only an
// update free of them meets the case's state (HTTP 409): [ErrClosed] for
// any other change to a closed case, [ErrTransition] for a move the
// lifecycle refuses. So a malformed update of a closed case is a 400, as a
// malformed body is everywhere.
//
// The time of the update never goes before the case's updated_at, so that
// its timestamps never run backwards. Update does not modify c or u.
func Update(c *Case, u *UpdateRequest, env Env) (*Case, []Event, error) {
	now := env.now()
	if now.Before(c.UpdatedAt) {
		now = c.UpdatedAt
	}
	var rep report
	moveOK := u.check(&rep)
	n := u.apply(c)
	refusal := u.move(c, n, moveOK, &rep)
	changed := !sameCase(c, n)
	if changed {
		if !sameTimePtr(c.DueAt, n.DueAt) {
			checkDue(n.DueAt, now, &rep)
		}
		var result report
		validateCase(n, &result, checkInput)
		rep.merge(result.items)
	}
	if err := rep.err(); err != nil {
		return nil, nil, err
	}
	switch {
	case refusal != nil:
		return nil, nil, refusal
	case !changed:
		return n, nil, nil
	case c.Status.IsTerminal() && !sameBesidesMetadata(c, n):
		return nil, nil, errClosed()
	}
	stamp(c, n, now)
	events, err := eventsFor(c, n, env, now)
	if err != nil {
		return nil, nil, err
	}
	return n, events, nil
}

// move decides the status change that u asks of c, when its status and
// reason are well formed, and makes it in n. A problem of the input goes
// to rep; a refusal by c's state is returned.
func (u *UpdateRequest) move(c, n *Case, wellFormed bool, rep *report) *Error {
	if u.Status == nil || !wellFormed {
		return nil
	}
	to := *u.Status
	var reason ResolutionReason
	if u.ResolutionReason != nil {
		reason = *u.ResolutionReason
	}
	found := len(rep.items)
	reason, refusal := decideMove(c.Status, to, reason, c.ResolutionReason,
		!isAbsent(c.Response), rep)
	if refusal != nil || to == c.Status || len(rep.items) > found {
		return refusal
	}
	n.Status, n.ResolutionReason = to, reason
	return nil
}

// apply returns the case u makes of c, or c itself when u changes nothing
// in it but its status and closing fields, which the caller sets.
func (u *UpdateRequest) apply(c *Case) *Case {
	n := c.Clone()
	if u.Summary != nil {
		n.Summary = *u.Summary
	}
	n.Details = u.Details.apply(n.Details)
	n.DueAt = inUTC(u.DueAt.apply(n.DueAt))
	if u.Metadata != nil {
		if n.Metadata == nil {
			n.Metadata = Metadata{}
		}
		for k, v := range u.Metadata {
			if v == nil {
				delete(n.Metadata, k)
			} else {
				n.Metadata[k] = *v
			}
		}
	}
	return n
}

// stamp moves the timestamps of n, a changed version of c.
func stamp(c, n *Case, now time.Time) {
	n.UpdatedAt = now
	if n.Status == StatusNeedsResponse && n.OpenedAt == nil {
		n.OpenedAt = &now
	}
	if n.Status.IsTerminal() && !c.Status.IsTerminal() {
		n.ResolvedAt = &now
	}
}

// sameCase reports whether a and b hold the same values, their payloads
// compared by their JSON form.
func sameCase(a, b *Case) bool {
	return sameBesidesMetadata(a, b) && maps.Equal(a.Metadata, b.Metadata)
}

// sameBesidesMetadata reports whether a and b differ at most in metadata.
func sameBesidesMetadata(a, b *Case) bool {
	return a.ID == b.ID && a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) &&
		a.ParentType == b.ParentType && a.ParentID == b.ParentID && a.Kind == b.Kind &&
		a.Status == b.Status && a.Summary == b.Summary && samePtr(a.Details, b.Details) &&
		sameTimePtr(a.OpenedAt, b.OpenedAt) && sameTimePtr(a.DueAt, b.DueAt) &&
		sameTimePtr(a.ResolvedAt, b.ResolvedAt) && a.ResolutionReason == b.ResolutionReason &&
		samePayload(a.Request, b.Request) && samePayload(a.Response, b.Response)
}

func samePtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func sameTimePtr(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}
