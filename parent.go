package cases

// ParentOutcome is how a case's parent ended. An outcome the package does
// not know is refused by [CloseForParent].
type ParentOutcome string

// The outcomes of a parent.
const (
	// ParentCompleted is a parent that finished its work; its cases are
	// superseded with parent_completed.
	ParentCompleted ParentOutcome = "completed"
	// ParentCanceled is a parent that was called off; its cases are
	// superseded with parent_canceled.
	ParentCanceled ParentOutcome = "canceled"
	// ParentFailed is a parent that could not finish; its cases are
	// superseded with parent_failed.
	ParentFailed ParentOutcome = "failed"
	// ParentRejected is a parent that an authority turned down, such as a
	// filing the state rejected; it counts as failed.
	ParentRejected ParentOutcome = "rejected"
)

// reason returns the resolution reason that supersedes a case whose parent
// ended with o; a rejected parent counts as failed.
func (o ParentOutcome) reason() ResolutionReason {
	switch o {
	case ParentCompleted:
		return ReasonParentCompleted
	case ParentCanceled:
		return ReasonParentCanceled
	case ParentFailed, ParentRejected:
		return ReasonParentFailed
	}
	return ""
}

// CloseForParent supersedes an open case whose parent ended, with the
// reason that fits the outcome: parent_completed, parent_canceled, or
// parent_failed for a failed or rejected parent. It is [Update] with that
// status and reason, and answers as Update does: on a case already
// superseded with the same reason it is a repeat, which returns the case
// unchanged with no event and no error; on any other closed case it is an
// [ErrClosed] error. An unknown outcome is an [ErrInvalid] error at
// "/outcome". CloseForParent does not modify c.
func CloseForParent(c *Case, outcome ParentOutcome, env Env) (*Case, []Event, error) {
	reason := outcome.reason()
	if reason == "" {
		return nil, nil, stateError("/outcome", CodeUnknownValue, "outcome is not a known value")
	}
	status := StatusSuperseded
	return Update(c, &UpdateRequest{Status: &status, ResolutionReason: &reason}, env)
}
