package cases

// CheckMove reports whether an update may move a case from status from to
// status to with the given reason ("" for none), on a case that holds a
// response or not. It runs the code that [Update] decides a move with, so
// the two agree, and answers as Update does:
//
//   - Problems of the status and reason themselves come first, all at
//     once, in an [ErrInvalid] error: an unknown or empty status or
//     reason, a reason with a move to an open status, a reason that does
//     not belong to the target, and superseded without a reason.
//   - Then the case's state: [ErrClosed] for a move out of a terminal
//     status, [ErrTransition] for a move the table of [Transitions] lacks
//     (from "" or an unknown status among them), for resolved with no
//     reason and no response, and for response_received with no response.
//   - A repeat of the case's status is not a move. To the same open
//     status it is allowed, and Update treats it as no change. To the same
//     terminal status it is allowed as the repeat of the closing update:
//     with no reason, or with a reason that the closed case may hold.
//     CheckMove cannot know the reason stored on the case; Update accepts
//     such a repeat only when the reason is the stored one, and refuses
//     any other with ErrClosed.
//
// It returns nil when the move is allowed.
func CheckMove(from, to Status, reason ResolutionReason, hasResponse bool) error {
	u := UpdateRequest{Status: &to}
	if reason != "" {
		u.ResolutionReason = &reason
	}
	var rep report
	if !u.checkMove(&rep) {
		return rep.err()
	}
	_, refusal := decideMove(from, to, reason, "", hasResponse, &rep)
	if err := rep.err(); err != nil {
		return err
	}
	if refusal != nil {
		return refusal
	}
	return nil
}

// checkMove reports the problems of the status and reason that u sets,
// which need no case to be found, and reports whether there were none.
func (u *UpdateRequest) checkMove(rep *report) bool {
	n := len(rep.items)
	var probe caseRules
	var fields []string
	if u.Status != nil {
		probe.status, fields = *u.Status, append(fields, "status")
	}
	if r := u.ResolutionReason; r != nil {
		probe.resolutionReason = *r
		fields = append(fields, "resolutionReason")
		if *r == "" {
			rep.add("/resolution_reason", CodeUnknownValue,
				"resolution_reason is not a known value")
		}
		switch to := u.Status; {
		case to == nil || (to.IsKnown() && !to.IsTerminal()):
			rep.add("/resolution_reason", CodeNotAllowed,
				"resolution_reason is only allowed with a move to a terminal status")
		case to.IsTerminal() && r.IsKnown() && r.Status() != *to:
			rep.add("/resolution_reason", CodeInvalidValue,
				"resolution_reason does not belong to the status requested")
		}
	}
	if len(fields) > 0 {
		rep.checkPartial("", &probe, fields...)
	}
	return len(rep.items) == n
}

// decideMove decides a move from status from to the known status to, with
// a reason that is "" or belongs to to. stored is the reason a closed case
// holds, or "" when it is not known. It returns the reason the case ends
// with: stored for a repeat of a terminal status, the reason given or the
// default for a move to one, "" otherwise. A problem of the input goes to
// rep; a refusal by the state is returned.
func decideMove(from, to Status, reason, stored ResolutionReason, hasResponse bool,
	rep *report) (ResolutionReason, *Error) {
	switch {
	case to == from && from.IsOpen():
		return "", nil
	case to == from && from.IsTerminal():
		return repeatClosing(reason, stored, hasResponse)
	case from.IsTerminal():
		return "", errClosed()
	}
	t := findMove(from, to, OpUpdate)
	if t == nil {
		return "", stateError("/status", CodeInvalidTransition,
			"the lifecycle has no move from the case's status to the status requested")
	}
	if t.Reasons == nil {
		return "", nil
	}
	return closingReason(to, reason, hasResponse, rep)
}

// closingReason applies the reason rules of a move to the terminal status
// to: the reason given, or the default, or why there is none.
func closingReason(to Status, reason ResolutionReason, hasResponse bool,
	rep *report) (ResolutionReason, *Error) {
	switch {
	case reason == "" && to == StatusResolved && hasResponse:
		return ReasonResponseReceived, nil
	case reason == "" && to == StatusResolved:
		return "", stateError("/resolution_reason", CodeReasonRequired,
			"resolution_reason is required to resolve a case without a response")
	case reason == "":
		rep.add("/resolution_reason", CodeRequired,
			"resolution_reason is required to supersede a case")
	case reason == ReasonResponseReceived && !hasResponse:
		return "", stateError("/resolution_reason", CodeInvalidTransition, msgNoStoredResponse)
	}
	return reason, nil
}

// repeatClosing decides a repeat of a closed case's status: the repeat of
// the closing update when its reason is none or the stored one, or may be
// the stored one when that is not known; any other is a change.
func repeatClosing(reason, stored ResolutionReason,
	hasResponse bool) (ResolutionReason, *Error) {
	switch {
	case reason == "" || reason == stored:
		return stored, nil
	case stored == "" && (reason != ReasonResponseReceived || hasResponse):
		return stored, nil
	}
	return "", errClosed()
}
