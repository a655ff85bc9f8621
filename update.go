package cases

import (
	"maps"
	"slices"
	"time"
)

// Patch is what an update does to one nullable value of a case. The zero
// Patch keeps the value; [Set] replaces it and [Clear] makes it null.
type Patch[T any] struct {
	set   bool
	clear bool
	value T
}

// Set returns a Patch that replaces a value with v.
func Set[T any](v T) Patch[T] { return Patch[T]{set: true, value: v} }

// Clear returns a Patch that makes a value null.
func Clear[T any]() Patch[T] { return Patch[T]{clear: true} }

// IsKeep reports whether p leaves the value as it is.
func (p Patch[T]) IsKeep() bool { return !p.set && !p.clear }

// IsClear reports whether p makes the value null.
func (p Patch[T]) IsClear() bool { return p.clear }

// Value returns the value p sets, and whether it sets one.
func (p Patch[T]) Value() (T, bool) { return p.value, p.set }

// apply returns the pointer a field holds after p.
func (p Patch[T]) apply(cur *T) *T {
	switch {
	case p.set:
		v := p.value
		return &v
	case p.clear:
		return nil
	}
	return cur
}

// UpdateRequest is the input of [Update]: the body of PATCH /v1/case/{id}.
// A nil pointer or the zero Patch leaves a value as it is.
type UpdateRequest struct {
	// Status moves the case; see [Transitions].
	Status *Status
	// ResolutionReason says why a move to a terminal status closes the
	// case. It is allowed only with such a move.
	ResolutionReason *ResolutionReason
	// Summary replaces the summary; it cannot be cleared.
	Summary *string
	// Details replaces or clears the details.
	Details Patch[string]
	// DueAt replaces or clears the due time; a new due time must be later
	// than the time of the update.
	DueAt Patch[time.Time]
	// Metadata merges into the case's metadata: a nil value removes its
	// key. The limit of 50 pairs applies to the result.
	Metadata map[string]*string
}

// MarshalJSON encodes the body with the keys that u sets.
func (u *UpdateRequest) MarshalJSON() ([]byte, error) {
	var err error
	b := append(make([]byte, 0, 256), '{')
	member := func(key string) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = appendString(b, key, &err)
		b = append(b, ':')
	}
	if u.Status != nil {
		member("status")
		b = appendString(b, string(*u.Status), &err)
	}
	if u.ResolutionReason != nil {
		member("resolution_reason")
		b = appendString(b, string(*u.ResolutionReason), &err)
	}
	if u.Summary != nil {
		member("summary")
		b = appendString(b, *u.Summary, &err)
	}
	if !u.Details.IsKeep() {
		member("details")
		b = appendOptString(b, u.Details.apply(nil), &err)
	}
	if !u.DueAt.IsKeep() {
		member("due_at")
		b = appendOptTime(b, u.DueAt.apply(nil), &err)
	}
	if u.Metadata != nil {
		member("metadata")
		b = appendMetadataPatch(b, u.Metadata, &err)
	}
	return append(b, '}'), err
}

func appendMetadataPatch(b []byte, m map[string]*string, err *error) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k, err)
		b = append(b, ':')
		b = appendOptString(b, m[k], err)
	}
	return append(b, '}')
}

// Update decodes the body of an update request. A strict Decoder refuses
// the keys that never change after opening (parent_type, parent_id, kind,
// request) with [CodeNotAllowed], and checks the rules of every value the
// body sets; [Update] checks the rest against the case.
func (d Decoder) Update(data []byte) (*UpdateRequest, error) {
	r, err := d.start(data)
	if err != nil {
		return nil, err
	}
	u := &UpdateRequest{}
	if r.null() {
		r.fail(CodeInvalidType, "body must be an object")
	} else {
		r.object("body", func(key string) { readUpdateMember(r, key, u) })
	}
	if err := d.finish(r, func(rep *report) { u.check(rep) }); err != nil {
		return nil, err
	}
	return u, nil
}

func readUpdateMember(r *reader, key string, u *UpdateRequest) {
	switch key {
	case "status":
		s := Status(r.reqStr(key))
		u.Status = &s
	case "resolution_reason":
		if s, _ := r.optStr(key); s != nil {
			reason := ResolutionReason(*s)
			u.ResolutionReason = &reason
		}
	case "summary":
		s := r.reqStr(key)
		u.Summary = &s
	case "details":
		if s, ok := r.optStr(key); ok {
			u.Details = patchOf(s)
		}
	case "due_at":
		if r.null() {
			u.DueAt = Clear[time.Time]()
		} else if t, ok := r.timestamp(key); ok {
			u.DueAt = Set(t)
		}
	case "metadata":
		if r.null() {
			return
		}
		u.Metadata = map[string]*string{}
		has := func(k string) bool { _, ok := u.Metadata[k]; return ok }
		r.mapObject(key, has, func(k string) {
			v, ok := r.optStr("metadata value")
			if ok {
				u.Metadata[k] = v
			}
		})
	case "parent_type", "parent_id", "kind", "request":
		if r.strict {
			r.fail(CodeNotAllowed, key+" cannot change after a case is opened")
		}
		r.skip(true)
	default:
		r.unknown()
	}
}

func patchOf[T any](v *T) Patch[T] {
	if v == nil {
		return Clear[T]()
	}
	return Set(*v)
}

// check reports the problems of the values u sets, by the rules of the
// case fields they set, and a reason given without a terminal status.
func (u *UpdateRequest) check(rep *report) {
	var probe caseRules
	var fields []string
	if u.Status != nil {
		probe.status, fields = *u.Status, append(fields, "status")
	}
	if u.ResolutionReason != nil {
		probe.resolutionReason = *u.ResolutionReason
		fields = append(fields, "resolutionReason")
		if *u.ResolutionReason == "" {
			rep.add("/resolution_reason", CodeUnknownValue,
				"resolution_reason is not a known value")
		}
		switch to := u.Status; {
		case to == nil || (to.IsKnown() && !to.IsTerminal()):
			rep.add("/resolution_reason", CodeNotAllowed,
				"resolution_reason is only allowed with a move to a terminal status")
		case to.IsTerminal() && u.ResolutionReason.IsKnown() && u.ResolutionReason.Status() != *to:
			rep.add("/resolution_reason", CodeInvalidValue,
				"resolution_reason does not belong to status "+string(*to))
		}
	}
	if u.Summary != nil {
		probe.summary, fields = *u.Summary, append(fields, "summary")
	}
	if d, ok := u.Details.Value(); ok {
		probe.details, fields = &d, append(fields, "details")
	}
	if len(fields) > 0 {
		rep.checkPartial("", &probe, fields...)
	}
	for k, v := range u.Metadata {
		checkMetadataKey(k, rep)
		if v != nil {
			checkMetadataValue(k, *v, rep)
		}
	}
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

// Update applies u to c and returns the new case and its events.
//
// It checks u's values by the rules of the fields they set, the move by
// the lifecycle (see [CheckMove]), and the resulting case as a whole. A
// change that alters nothing, such as a retry or a repeat of the closing
// update on a closed case, returns an equal case with no event and moves
// no timestamp. A closed case accepts metadata changes and identical
// repeats only; anything else is an [ErrClosed] error. A due time that the
// update changes must be later than the time of the update.
//
// The time of the update never goes before the case's updated_at, so that
// its timestamps never run backwards. Update does not modify c or u.
func Update(c *Case, u *UpdateRequest, env Env) (*Case, []Event, error) {
	var rep report
	u.check(&rep)
	if err := rep.err(); err != nil {
		return nil, nil, err
	}
	now := env.now()
	if now.Before(c.UpdatedAt) {
		now = c.UpdatedAt
	}
	n := u.apply(c)
	if err := moveStatus(c, n, u); err != nil {
		return nil, nil, err
	}
	if sameCase(c, n) {
		return n, nil, nil
	}
	if c.Status.IsTerminal() && !sameBesidesMetadata(c, n) {
		return nil, nil, stateError("", CodeCaseClosed, "case is closed and cannot change")
	}
	if !sameTimePtr(c.DueAt, n.DueAt) {
		checkDue(n.DueAt, now, &rep)
	}
	validateCase(n, &rep, checkInput)
	if err := rep.err(); err != nil {
		return nil, nil, err
	}
	stamp(c, n, now)
	events, err := eventsFor(c, n, env, now)
	if err != nil {
		return nil, nil, err
	}
	return n, events, nil
}

// moveStatus sets n's status and closing fields from u, when u asks for a
// move that differs from where c stands.
func moveStatus(c, n *Case, u *UpdateRequest) error {
	if u.Status == nil || *u.Status == c.Status && c.Status.IsOpen() {
		return nil
	}
	to := *u.Status
	var reason ResolutionReason
	if u.ResolutionReason != nil {
		reason = *u.ResolutionReason
	}
	if c.Status.IsTerminal() && to == c.Status && (reason == "" || reason == c.ResolutionReason) {
		return nil
	}
	reason, err := resolveMove(c.Status, to, reason, c.Response != nil)
	if err != nil {
		return err
	}
	n.Status, n.ResolutionReason = to, reason
	return nil
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
