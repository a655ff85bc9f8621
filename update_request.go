package cases

import (
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

// patchOf returns the Patch that sets *v, or clears the value when v is
// nil.
func patchOf[T any](v *T) Patch[T] {
	if v == nil {
		return Clear[T]()
	}
	return Set(*v)
}

// UpdateRequest is the input of [Update]: the body of PATCH /v1/case/{id}.
// A nil pointer or the zero Patch leaves a value as it is.
type UpdateRequest struct {
	// Status moves the case; see [Transitions]. The case's own status is
	// a repeat, not a move, and changes nothing (see [CheckMove]).
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
		b = appendMetadata(b, u.Metadata, appendOptString, &err)
	}
	return append(b, '}'), err
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

// readUpdateMember reads the member key of an update body into u.
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
		u.Metadata = readMetadataPatch(r, key)
	case "parent_type", "parent_id", "kind", "request":
		if r.strict {
			r.fail(CodeNotAllowed, key+" cannot change after a case is opened")
		}
		r.skip(true)
	default:
		r.unknown()
	}
}

// readMetadataPatch reads the metadata of an update body, where null
// removes a key; a null body member gives nil, which changes nothing.
func readMetadataPatch(r *reader, key string) map[string]*string {
	if r.null() {
		return nil
	}
	m := map[string]*string{}
	var refused refusedKeys
	has := func(k string) bool { _, ok := m[k]; return ok || refused.has(k) }
	r.mapObject(key, has, func(k string) {
		if v, ok := r.optStr("metadata value"); ok {
			m[k] = v
		} else {
			refused.add(k)
		}
	})
	return m
}

// check reports the problems of the values u sets, by the rules of the
// case fields they set, and of the move it asks for, as far as no case is
// needed to find them. It reports whether the status and reason are well
// formed, so that the move can be decided.
func (u *UpdateRequest) check(rep *report) (moveOK bool) {
	moveOK = u.checkMove(rep)
	var probe caseRules
	var fields []string
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
	return moveOK
}
