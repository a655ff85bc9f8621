package cases

// CheckResponse reports whether resp answers c's request: every required
// field answered, no field that was not asked for, and every answer valid
// for its field. Pointers are relative to the response body itself
// (/fields/<name>), as the respond operation reports them. A partner calls
// it on its customer's answers before sending them. For a kind the package
// does not know, nothing can be checked and the result is nil.
//
// Problems come back together in an [*Error] wrapping [ErrInvalid]; a nil
// resp, or one of another kind's type, is reported at "". CheckResponse
// modifies neither c nor resp.
func (c *Case) CheckResponse(resp Payload) error {
	var rep report
	checkResponse(c, resp, &rep)
	return rep.err()
}

// checkResponse reports the problems of resp as the response to c's
// request, at pointers relative to the response.
func checkResponse(c *Case, resp Payload, rep *report) {
	if isAbsent(resp) {
		rep.add("", CodeRequired, "response is required")
		return
	}
	k := kinds[c.Kind]
	if k == nil {
		return
	}
	if !k.fits(resp, true) {
		rep.add("", CodeInvalidType, "response must be the response of the case's kind")
		return
	}
	req := c.Request
	if isAbsent(req) || !k.fits(req, false) {
		req = nil
	}
	k.checkResponse(req, resp, "", rep)
}

// Respond stores the partner's response on a case that needs one.
//
// It checks resp against c's request (see [Case.CheckResponse]); then, on a
// case in needs_response, it stores a copy of resp, moves the case to
// under_review and produces case.updated. Sending the identical response
// again while the case is under_review returns an equal case with no
// event. Any other call outside needs_response is an
// [ErrNotAwaitingResponse] error, or [ErrClosed] on a closed case.
//
// As in [Update], the problems of the input come first: a response that
// does not answer the request is an [ErrInvalid] error (HTTP 400) with
// every problem, whatever the case's status; only a valid one meets the
// state (HTTP 409). A nil resp, or a nil pointer of a response type, is
// reported as required at "". Respond does not modify c or resp.
func Respond(c *Case, resp Payload, env Env) (*Case, []Event, error) {
	var rep report
	checkResponse(c, resp, &rep)
	if err := rep.err(); err != nil {
		return nil, nil, err
	}
	switch {
	case c.Status == StatusUnderReview && samePayload(c.Response, resp):
		return c.Clone(), nil, nil
	case c.Status.IsTerminal():
		return nil, nil, stateError("", CodeCaseClosed, "case is closed and cannot change")
	case findMove(c.Status, StatusUnderReview, OpRespond) == nil:
		return nil, nil, stateError("", CodeNotAwaiting, "case is not awaiting a response")
	}
	now := env.now()
	if now.Before(c.UpdatedAt) {
		now = c.UpdatedAt
	}
	n := c.Clone()
	n.Response = resp.clone()
	n.Status = StatusUnderReview
	n.UpdatedAt = now
	events, err := eventsFor(c, n, env, now)
	if err != nil {
		return nil, nil, err
	}
	return n, events, nil
}
