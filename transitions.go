package cases

import "slices"

// Operation names the call that makes a move of the lifecycle. Only the
// values below occur in the table of [Transitions].
type Operation string

// The operations that move a case.
const (
	// OpOpen is [Open], which brings a case into its first status.
	OpOpen Operation = "open"
	// OpUpdate is [Update], and [CloseForParent], which updates.
	OpUpdate Operation = "update"
	// OpRespond is [Respond], which stores a response.
	OpRespond Operation = "respond"
)

// Transition is one move of the lifecycle that the operations allow. The
// table lists real moves only: a repeat of a case's status is not a move
// (see [CheckMove]).
type Transition struct {
	// From is the status before the move; "" for a case being opened.
	From Status
	// To is the status after the move.
	To Status
	// Op is the operation that makes the move.
	Op Operation
	// Reasons lists the resolution reasons a move to a terminal status
	// takes; nil for a move between open statuses.
	Reasons []ResolutionReason
	// Rule says in words what else the move needs or does.
	Rule string
}

var (
	resolvedReasons   = []ResolutionReason{ReasonResponseReceived, ReasonNoResponseNeeded}
	supersededReasons = []ResolutionReason{
		ReasonParentCanceled, ReasonParentCompleted, ReasonParentFailed,
	}
)

// lifecycle is the table of moves. The operations consult it and nothing
// else, so it is the lifecycle.
var lifecycle = []Transition{
	{From: "", To: StatusNeedsResponse, Op: OpOpen,
		Rule: "sets opened_at and fires case.opened"},
	{From: "", To: StatusUnderReview, Op: OpOpen,
		Rule: "the case stays internal: no event until it first needs a response"},
	{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpUpdate,
		Rule: "fires case.updated"},
	{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpRespond,
		Rule: "stores the response and fires case.updated"},
	{From: StatusUnderReview, To: StatusNeedsResponse, Op: OpUpdate,
		Rule: "the first time sets opened_at and fires case.opened; later times fire case.updated"},
	{From: StatusNeedsResponse, To: StatusResolved, Op: OpUpdate, Reasons: resolvedReasons,
		Rule: "response_received needs a stored response and is the default when one exists"},
	{From: StatusUnderReview, To: StatusResolved, Op: OpUpdate, Reasons: resolvedReasons,
		Rule: "response_received needs a stored response and is the default when one exists"},
	{From: StatusNeedsResponse, To: StatusSuperseded, Op: OpUpdate, Reasons: supersededReasons,
		Rule: "a reason is required"},
	{From: StatusUnderReview, To: StatusSuperseded, Op: OpUpdate, Reasons: supersededReasons,
		Rule: "a reason is required"},
}

// Transitions returns the table of every move the lifecycle allows. A
// terminal status has no moves: closed cases never reopen. The slice is a
// copy; changing it changes nothing.
func Transitions() []Transition {
	t := slices.Clone(lifecycle)
	for i := range t {
		t[i].Reasons = slices.Clone(t[i].Reasons)
	}
	return t
}

// Moves returns the moves the lifecycle allows from status from, in the
// order of [Transitions]; "" gives the moves that open a case.
func Moves(from Status) []Transition {
	var out []Transition
	for _, t := range Transitions() {
		if t.From == from {
			out = append(out, t)
		}
	}
	return out
}

// findMove returns the row of the table for a move, or nil.
func findMove(from, to Status, op Operation) *Transition {
	for i := range lifecycle {
		t := &lifecycle[i]
		if t.From == from && t.To == to && t.Op == op {
			return t
		}
	}
	return nil
}

// Events returns the events the move can fire: case.opened when it makes
// the case visible for the first time, case.updated when the case was
// already visible. A move of a case that stays internal fires nothing.
func (t Transition) Events() []EventType {
	switch {
	case t.From == "" && t.To == StatusNeedsResponse:
		return []EventType{EventCaseOpened}
	case t.From == "":
		return nil
	case t.To == StatusNeedsResponse:
		return []EventType{EventCaseOpened, EventCaseUpdated}
	}
	return []EventType{EventCaseUpdated}
}
