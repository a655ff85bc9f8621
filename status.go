package cases

// Status is where a case stands in its lifecycle. needs_response and
// under_review are open; resolved and superseded are terminal and never
// reopen.
//
// A Status the package does not know is kept as it is by lenient decoding
// and encoded back unchanged; strict validation refuses it with
// [CodeUnknownValue]. Such a status is neither open nor terminal.
type Status string

// The statuses of a case.
const (
	// StatusNeedsResponse means the partner must act.
	StatusNeedsResponse Status = "needs_response"
	// StatusUnderReview means the platform is working on the case.
	StatusUnderReview Status = "under_review"
	// StatusResolved means the case was settled.
	StatusResolved Status = "resolved"
	// StatusSuperseded means the case was closed because its parent ended.
	StatusSuperseded Status = "superseded"
)

// Statuses returns the known statuses, open ones first.
func Statuses() []Status {
	return []Status{StatusNeedsResponse, StatusUnderReview, StatusResolved, StatusSuperseded}
}

// IsKnown reports whether s is one of the statuses listed by [Statuses].
func (s Status) IsKnown() bool { return s.IsOpen() || s.IsTerminal() }

// IsOpen reports whether s is needs_response or under_review.
func (s Status) IsOpen() bool { return s == StatusNeedsResponse || s == StatusUnderReview }

// IsTerminal reports whether s is resolved or superseded.
func (s Status) IsTerminal() bool { return s == StatusResolved || s == StatusSuperseded }

// ResolutionReason says why a case left its open statuses. Each reason
// belongs to one terminal status, given by [ResolutionReason.Status].
//
// A reason the package does not know is kept by lenient decoding and
// refused by strict validation with [CodeUnknownValue].
type ResolutionReason string

// The resolution reasons.
const (
	// ReasonResponseReceived resolves a case with the partner's stored
	// response.
	ReasonResponseReceived ResolutionReason = "response_received"
	// ReasonNoResponseNeeded resolves a case that no longer needs an answer.
	ReasonNoResponseNeeded ResolutionReason = "no_response_needed"
	// ReasonParentCanceled supersedes a case whose parent was canceled.
	ReasonParentCanceled ResolutionReason = "parent_canceled"
	// ReasonParentCompleted supersedes a case whose parent completed.
	ReasonParentCompleted ResolutionReason = "parent_completed"
	// ReasonParentFailed supersedes a case whose parent failed or was
	// rejected.
	ReasonParentFailed ResolutionReason = "parent_failed"
)

// ResolutionReasons returns the known reasons, those of resolved first.
func ResolutionReasons() []ResolutionReason {
	return []ResolutionReason{
		ReasonResponseReceived, ReasonNoResponseNeeded,
		ReasonParentCanceled, ReasonParentCompleted, ReasonParentFailed,
	}
}

// IsKnown reports whether r is one of the reasons listed by
// [ResolutionReasons].
func (r ResolutionReason) IsKnown() bool { return r.Status() != "" }

// Status returns the terminal status that r belongs to, or "" when r is not
// known.
func (r ResolutionReason) Status() Status {
	switch r {
	case ReasonResponseReceived, ReasonNoResponseNeeded:
		return StatusResolved
	case ReasonParentCanceled, ReasonParentCompleted, ReasonParentFailed:
		return StatusSuperseded
	}
	return ""
}
