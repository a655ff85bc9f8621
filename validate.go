package cases

import "time"

// Validate checks c strictly, as a service does before it stores a case:
// every field's rules, unknown enum values, the kind's request and the
// response against it, and the invariants that tie the fields together.
// It reports every problem at once in an [*Error] wrapping [ErrInvalid],
// and returns nil when c is valid. A nil Request or Response, or a nil
// pointer of a payload type, is an absent payload. Validate does not
// modify c.
func (c *Case) Validate() error {
	var rep report
	validateCase(c, &rep, checkStored)
	return rep.err()
}

// caseCheck selects what validateCase checks beyond the fields' rules.
type caseCheck int

const (
	// checkStored checks a whole case and every invariant between its
	// fields.
	checkStored caseCheck = iota
	// checkInput checks only what an open or update body supplies: the
	// timestamps and IDs are the library's own.
	checkInput
)

// caseMirrors keeps the mirrors of the cases checked.
var caseMirrors mirrorPool[caseRules]

// validateCase reports the problems of c.
func validateCase(c *Case, rep *report, mode caseCheck) {
	m := caseMirrors.get()
	m.of(c)
	rep.check("", m)
	caseMirrors.put(m)
	checkMetadata(c.Metadata, rep)
	checkPayloads(c, rep)
	if mode == checkStored {
		checkInvariants(c, rep)
	}
}

// checkPayloads reports the problems of the request and response of a case
// whose kind is known, through the kind's rules.
func checkPayloads(c *Case, rep *report) {
	k := kinds[c.Kind]
	if k == nil {
		return
	}
	if p := k.parent(); p != "" && c.ParentType.IsKnown() && c.ParentType != p {
		rep.add("/parent_type", CodeInvalidValue,
			"parent_type must be "+string(p)+" for the case's kind")
	}
	req := c.Request
	switch {
	case isAbsent(req):
		rep.add("/request", CodeRequired, "request is required")
		req = nil
	case !k.fits(req, false):
		rep.add("/request", CodeInvalidType, "request must be the request of the case's kind")
		req = nil
	default:
		k.checkRequest(req, rep)
	}
	if isAbsent(c.Response) {
		return
	}
	if !k.fits(c.Response, true) {
		rep.add("/response", CodeInvalidType, "response must be the response of the case's kind")
		return
	}
	k.checkResponse(req, c.Response, "/response", rep)
}

// checkInvariants reports the problems between fields of a stored case.
func checkInvariants(c *Case, rep *report) {
	if c.OpenedAt != nil && !c.CreatedAt.IsZero() && c.OpenedAt.Before(c.CreatedAt) {
		rep.add("/opened_at", CodeInvalidValue, "opened_at must not be before created_at")
	}
	latest := c.CreatedAt
	if c.OpenedAt != nil {
		latest = *c.OpenedAt
	}
	if !c.UpdatedAt.IsZero() && c.UpdatedAt.Before(latest) {
		rep.add("/updated_at", CodeInvalidValue,
			"updated_at must not be before opened_at or created_at")
	}
	hasResponse := !isAbsent(c.Response)
	if c.OpenedAt == nil && (c.Status == StatusNeedsResponse || hasResponse) {
		rep.add("/opened_at", CodeRequired,
			"opened_at is required once the case needs or has a response")
	}
	checkClosing(c, hasResponse, rep)
}

// msgNoStoredResponse refuses the reason response_received on a case that
// holds no response; it does not name the reason, which the caller sent.
const msgNoStoredResponse = "resolution_reason names a response that the case does not hold"

// checkClosing reports the problems of the fields that a terminal status
// sets: resolved_at and resolution_reason, set exactly when terminal.
func checkClosing(c *Case, hasResponse bool, rep *report) {
	if !c.Status.IsKnown() {
		return
	}
	if !c.Status.IsTerminal() {
		if c.ResolvedAt != nil {
			rep.add("/resolved_at", CodeNotAllowed,
				"resolved_at must be null while the case is open")
		}
		if c.ResolutionReason != "" {
			rep.add("/resolution_reason", CodeNotAllowed,
				"resolution_reason must be null while the case is open")
		}
		return
	}
	if c.ResolvedAt == nil {
		rep.add("/resolved_at", CodeRequired, "resolved_at is required once the case is closed")
	} else if c.ResolvedAt.Before(c.CreatedAt) || c.ResolvedAt.After(c.UpdatedAt) {
		rep.add("/resolved_at", CodeInvalidValue,
			"resolved_at must be between created_at and updated_at")
	}
	switch r := c.ResolutionReason; {
	case r == "":
		rep.add("/resolution_reason", CodeRequired,
			"resolution_reason is required once the case is closed")
	case r.IsKnown() && r.Status() != c.Status:
		rep.add("/resolution_reason", CodeInvalidValue,
			"resolution_reason must belong to the case's status")
	case r == ReasonResponseReceived && !hasResponse:
		rep.add("/resolution_reason", CodeInvalidValue, msgNoStoredResponse)
	}
}

// checkDue reports a due time that is not later than now.
func checkDue(due *time.Time, now time.Time, rep *report) {
	if due != nil && !due.After(now) {
		rep.add("/due_at", CodeInvalidValue, "due_at must be later than now")
	}
}
