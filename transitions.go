package cases

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// Env supplies what an operation takes from outside its case and input:
// the time and new IDs. The zero Env uses the current time and UUIDv7.
type Env struct {
	// Now is the time of the operation. Zero means the current time. It is
	// stored in UTC.
	Now time.Time

	// NewID returns the ID of a new case or event. Nil means
	// [uuid.NewV7].
	NewID func() (uuid.UUID, error)
}

func (e Env) now() time.Time {
	if e.Now.IsZero() {
		return time.Now().UTC()
	}
	return e.Now.UTC()
}

func (e Env) newID() (string, error) {
	gen := e.NewID
	if gen == nil {
		gen = uuid.NewV7
	}
	id, err := gen()
	if err != nil {
		return "", err
	}
	return id.String(), nil
}

// Operation names the call that makes a move.
type Operation string

// The operations that move a case.
const (
	OpOpen    Operation = "open"
	OpUpdate  Operation = "update"
	OpRespond Operation = "respond"
)

// Transition is one move of the lifecycle that the operations allow.
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

// CheckMove reports why an update may not move a case from status from to
// status to with the given reason ("" for none), when the case holds a
// response or not. It returns nil when the move is allowed, or an [*Error]:
// [ErrClosed] from a terminal status, [ErrTransition] for a move the table
// lacks or a resolution that needs a response, [ErrInvalid] for an unknown
// status or a reason that does not belong to the target.
func CheckMove(from, to Status, reason ResolutionReason, hasResponse bool) error {
	_, err := resolveMove(from, to, reason, hasResponse)
	return err
}

// resolveMove checks a move made by update and returns the reason it
// closes the case with: the given one, or the default.
func resolveMove(from, to Status, reason ResolutionReason,
	hasResponse bool) (ResolutionReason, error) {
	switch {
	case !to.IsKnown():
		return "", stateError("/status", CodeUnknownValue, "status is not a known value")
	case from.IsTerminal():
		return "", stateError("", CodeCaseClosed, "case is closed and cannot change")
	case reason != "" && !reason.IsKnown():
		return "", stateError("/resolution_reason", CodeUnknownValue,
			"resolution_reason is not a known value")
	case reason != "" && !to.IsTerminal():
		return "", stateError("/resolution_reason", CodeNotAllowed,
			"resolution_reason is only allowed with a move to a terminal status")
	}
	t := findMove(from, to, OpUpdate)
	if t == nil {
		return "", stateError("/status", CodeInvalidTransition,
			"status cannot move from "+string(from)+" to "+string(to))
	}
	if t.Reasons == nil {
		return "", nil
	}
	return pickReason(t, reason, hasResponse)
}

// pickReason applies the reason rules of a move to a terminal status.
func pickReason(t *Transition, reason ResolutionReason,
	hasResponse bool) (ResolutionReason, error) {
	if reason == "" {
		switch {
		case t.To == StatusResolved && hasResponse:
			return ReasonResponseReceived, nil
		case t.To == StatusResolved:
			return "", stateError("/resolution_reason", CodeReasonRequired,
				"resolution_reason is required to resolve a case without a response")
		}
		return "", stateError("/resolution_reason", CodeRequired,
			"resolution_reason is required to supersede a case")
	}
	if reason.Status() != t.To {
		return "", stateError("/resolution_reason", CodeInvalidValue,
			"resolution_reason does not belong to status "+string(t.To))
	}
	if reason == ReasonResponseReceived && !hasResponse {
		return "", stateError("/resolution_reason", CodeInvalidTransition,
			"resolution_reason response_received needs a stored response")
	}
	return reason, nil
}

// ParentOutcome is how a case's parent ended.
type ParentOutcome string

// The outcomes of a parent.
const (
	ParentCompleted ParentOutcome = "completed"
	ParentCanceled  ParentOutcome = "canceled"
	ParentFailed    ParentOutcome = "failed"
	ParentRejected  ParentOutcome = "rejected"
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
// parent_failed for a failed or rejected parent. A case that is already
// closed is returned unchanged with no event and no error, so that a
// caller may close every case of a parent without sorting them first. An
// unknown outcome is an [ErrInvalid] error at "/outcome".
func CloseForParent(c *Case, outcome ParentOutcome, env Env) (*Case, []Event, error) {
	reason := outcome.reason()
	if reason == "" {
		return nil, nil, stateError("/outcome", CodeUnknownValue, "outcome is not a known value")
	}
	if c.Status.IsTerminal() {
		return c.Clone(), nil, nil
	}
	status := StatusSuperseded
	return Update(c, &UpdateRequest{Status: &status, ResolutionReason: &reason}, env)
}
