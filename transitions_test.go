package cases

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The times of the lifecycle tests: a case is opened at t0, answered at
// lcRespondAt, moved between open statuses at lcFlipAt, closed at
// lcCloseAt, and the change under test happens at lcNow.
var (
	lcRespondAt = t0.Add(time.Minute)
	lcFlipAt    = t0.Add(2 * time.Minute)
	lcCloseAt   = t0.Add(3 * time.Minute)
	lcNow       = t0.Add(time.Hour)
)

// lcID returns the n-th ID that testEnv hands out.
func lcID(n int) string { return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) }

// lcMove returns an update that moves a case to status to, with reason
// unless it is "".
func lcMove(to Status, reason ResolutionReason) *UpdateRequest {
	u := &UpdateRequest{Status: &to}
	if reason != "" {
		u.ResolutionReason = &reason
	}
	return u
}

// lcUpdate applies u to c at now and fails the test on error.
func lcUpdate(t testing.TB, c *Case, u *UpdateRequest, now time.Time) *Case {
	t.Helper()
	n, _, err := Update(c, u, testEnv(now))
	require.NoError(t, err)
	return n
}

// lcRespond stores validAnswers on c at now and fails the test on error.
func lcRespond(t testing.TB, c *Case, now time.Time) *Case {
	t.Helper()
	n, _, err := Respond(c, validAnswers(), testEnv(now))
	require.NoError(t, err)
	return n
}

// lcNeedsResponse opens validOpen: visible, in needs_response.
func lcNeedsResponse(t testing.TB) *Case { return mustOpen(t, validOpen()) }

// lcInternal opens validOpen in under_review: an internal case.
func lcInternal(t testing.TB) *Case {
	o := validOpen()
	o.Status = StatusUnderReview
	return mustOpen(t, o)
}

// lcAnswered is a visible case under review with validAnswers stored.
func lcAnswered(t testing.TB) *Case { return lcRespond(t, lcNeedsResponse(t), lcRespondAt) }

// lcStart is a case that a test starts from, built through the operations.
type lcStart struct {
	name     string
	status   Status
	response bool
	visible  bool
	build    func(t testing.TB) *Case
}

// lcStarts holds a case in every status, with and without a response,
// visible and internal where the lifecycle allows both.
var lcStarts = []lcStart{
	{"needs_response", StatusNeedsResponse, false, true, lcNeedsResponse},
	{"needs_response_answered", StatusNeedsResponse, true, true, func(t testing.TB) *Case {
		return lcUpdate(t, lcAnswered(t), lcMove(StatusNeedsResponse, ""), lcFlipAt)
	}},
	{"under_review_internal", StatusUnderReview, false, false, lcInternal},
	{"under_review_visible", StatusUnderReview, false, true, func(t testing.TB) *Case {
		return lcUpdate(t, lcNeedsResponse(t), lcMove(StatusUnderReview, ""), lcFlipAt)
	}},
	{"under_review_answered", StatusUnderReview, true, true, lcAnswered},
	{"resolved", StatusResolved, false, true, func(t testing.TB) *Case {
		u := lcMove(StatusResolved, ReasonNoResponseNeeded)
		return lcUpdate(t, lcNeedsResponse(t), u, lcCloseAt)
	}},
	{"resolved_answered", StatusResolved, true, true, func(t testing.TB) *Case {
		return lcUpdate(t, lcAnswered(t), lcMove(StatusResolved, ""), lcCloseAt)
	}},
	{"resolved_internal", StatusResolved, false, false, func(t testing.TB) *Case {
		u := lcMove(StatusResolved, ReasonNoResponseNeeded)
		return lcUpdate(t, lcInternal(t), u, lcCloseAt)
	}},
	{"superseded", StatusSuperseded, false, true, func(t testing.TB) *Case {
		c, _, err := CloseForParent(lcNeedsResponse(t), ParentCanceled, testEnv(lcCloseAt))
		require.NoError(t, err)
		return c
	}},
	{"superseded_answered", StatusSuperseded, true, true, func(t testing.TB) *Case {
		u := lcMove(StatusSuperseded, ReasonParentCompleted)
		return lcUpdate(t, lcAnswered(t), u, lcCloseAt)
	}},
	{"superseded_internal", StatusSuperseded, false, false, func(t testing.TB) *Case {
		return lcUpdate(t, lcInternal(t), lcMove(StatusSuperseded, ReasonParentFailed), lcCloseAt)
	}},
}

// get builds the start case and checks that it is what its name says.
func (s lcStart) get(t testing.TB) *Case {
	t.Helper()
	c := s.build(t)
	require.NoError(t, c.Validate())
	require.Equal(t, s.status, c.Status)
	require.Equal(t, s.response, c.Response != nil)
	require.Equal(t, s.visible, c.OpenedAt != nil)
	return c
}

// lcOutcome is what the specification says an update does.
type lcOutcome struct {
	family error // nil when the update succeeds
	item   at
	noop   bool
}

var lcAllowed = lcOutcome{}

// lcStartNamed builds the start case of the given name.
func lcStartNamed(t testing.TB, name string) *Case {
	t.Helper()
	for _, s := range lcStarts {
		if s.name == name {
			return s.get(t)
		}
	}
	t.Fatalf("no start case %q", name)
	return nil
}

func lcRefused(family error, pointer string, code Code) lcOutcome {
	return lcOutcome{family: family, item: at{pointer, code}}
}

// lcExpect answers, from the rules of SPEC 3.2 and 4.1 alone, what an
// update with status to ("" for none) and reason ("" for none) does to c.
// A reason that the body itself makes wrong is a 400 whatever the case's
// state; the state's refusals (409) come after.
func lcExpect(c *Case, to Status, reason ResolutionReason) lcOutcome {
	if reason != "" && !to.IsTerminal() {
		return lcRefused(ErrInvalid, "/resolution_reason", CodeNotAllowed)
	}
	if reason != "" && reason.Status() != to {
		return lcRefused(ErrInvalid, "/resolution_reason", CodeInvalidValue)
	}
	hasResponse := c.Response != nil
	switch {
	case to == "":
		return lcOutcome{noop: true}
	case c.Status.IsTerminal():
		if to == c.Status && (reason == "" || reason == c.ResolutionReason) {
			return lcOutcome{noop: true} // the repeat of the closing update
		}
		return lcRefused(ErrClosed, "", CodeCaseClosed)
	case to == c.Status:
		return lcOutcome{noop: true}
	case to.IsOpen():
		return lcAllowed
	case to == StatusSuperseded && reason == "":
		return lcRefused(ErrInvalid, "/resolution_reason", CodeRequired)
	case to == StatusResolved && reason == "" && !hasResponse:
		return lcRefused(ErrTransition, "/resolution_reason", CodeReasonRequired)
	case reason == ReasonResponseReceived && !hasResponse:
		return lcRefused(ErrTransition, "/resolution_reason", CodeInvalidTransition)
	}
	return lcAllowed
}

func orNone[T ~string](s T) string {
	if s == "" {
		return "none"
	}
	return string(s)
}

func TestUpdate_TransitionMatrix(t *testing.T) {
	targets := append([]Status{""}, Statuses()...)
	reasons := append([]ResolutionReason{""}, ResolutionReasons()...)
	for _, s := range lcStarts {
		for _, to := range targets {
			for _, reason := range reasons {
				name := fmt.Sprintf("%s/to_%s/reason_%s", s.name, orNone(to), orNone(reason))
				t.Run(name, func(t *testing.T) {
					lcCheckMatrixCell(t, s.get(t), to, reason)
				})
			}
		}
	}
}

func lcCheckMatrixCell(t *testing.T, c *Case, to Status, reason ResolutionReason) {
	before := c.Clone()
	u := &UpdateRequest{}
	if to != "" {
		u.Status = &to
	}
	if reason != "" {
		u.ResolutionReason = &reason
	}
	want := lcExpect(c, to, reason)

	got, events, err := Update(c, u, testEnv(lcNow))
	assert.Equal(t, before, c, "the input case changed")
	if c.Status.IsOpen() && to.IsKnown() && to != c.Status {
		// CheckMove answers for a real move what Update answers.
		assert.Equal(t, err, CheckMove(c.Status, to, reason, c.Response != nil))
	}
	if want.family != nil {
		assertItems(t, err, want.family, want.item)
		assert.Nil(t, got)
		assert.Nil(t, events)
		return
	}
	require.NoError(t, err)
	if want.noop {
		assert.Equal(t, c, got)
		assert.NotSame(t, c, got)
		assert.Empty(t, events)
		return
	}
	lcCheckMove(t, c, got, events, to, reason)
}

// lcCheckMove checks a case moved by an update at lcNow and its events.
func lcCheckMove(t *testing.T, c, got *Case, events []Event, to Status, reason ResolutionReason) {
	t.Helper()
	want := c.Clone()
	want.Status = to
	want.UpdatedAt = lcNow
	if to == StatusNeedsResponse && c.OpenedAt == nil {
		want.OpenedAt = ptr(lcNow)
	}
	if to.IsTerminal() {
		want.ResolvedAt = ptr(lcNow)
		want.ResolutionReason = reason
		if reason == "" {
			want.ResolutionReason = ReasonResponseReceived
		}
	}
	assert.Equal(t, want, got)
	assert.NoError(t, got.Validate())
	lcCheckEvents(t, c, got, events, lcNow)
}

// lcCheckEvents checks the events of a change from c to got made with
// testEnv(now) that did not use an ID before the event's.
func lcCheckEvents(t *testing.T, c, got *Case, events []Event, now time.Time) {
	t.Helper()
	if got.OpenedAt == nil {
		assert.Empty(t, events, "an internal case produced an event")
		return
	}
	typ := EventCaseUpdated
	if c.OpenedAt == nil {
		typ = EventCaseOpened
	}
	require.Len(t, events, 1)
	e := events[0]
	assert.Equal(t, lcID(1), e.ID)
	assert.Equal(t, typ, e.Type)
	assert.Equal(t, now, e.CreatedAt)
	assert.Equal(t, got, e.Data)
	assert.NotSame(t, got, e.Data)
	assert.NoError(t, e.Validate())
}

func TestTransitions(t *testing.T) {
	want := []Transition{
		{From: "", To: StatusNeedsResponse, Op: OpOpen},
		{From: "", To: StatusUnderReview, Op: OpOpen},
		{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpUpdate},
		{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpRespond},
		{From: StatusUnderReview, To: StatusNeedsResponse, Op: OpUpdate},
		{From: StatusNeedsResponse, To: StatusResolved, Op: OpUpdate, Reasons: lcResolvedBy},
		{From: StatusUnderReview, To: StatusResolved, Op: OpUpdate, Reasons: lcResolvedBy},
		{From: StatusNeedsResponse, To: StatusSuperseded, Op: OpUpdate, Reasons: lcSupersededBy},
		{From: StatusUnderReview, To: StatusSuperseded, Op: OpUpdate, Reasons: lcSupersededBy},
	}
	got := Transitions()
	for _, tr := range got {
		assert.NotEmpty(t, tr.Rule, "%s -> %s by %s", tr.From, tr.To, tr.Op)
	}
	assert.ElementsMatch(t, want, lcWithoutRules(got))
}

var (
	lcResolvedBy   = []ResolutionReason{ReasonResponseReceived, ReasonNoResponseNeeded}
	lcSupersededBy = []ResolutionReason{
		ReasonParentCanceled, ReasonParentCompleted, ReasonParentFailed,
	}
)

func lcWithoutRules(ts []Transition) []Transition {
	out := make([]Transition, len(ts))
	for i, tr := range ts {
		tr.Rule = ""
		out[i] = tr
	}
	return out
}

func TestTransitions_ReturnsCopy(t *testing.T) {
	want := Transitions()
	got := Transitions()
	for i := range got {
		got[i].From, got[i].To, got[i].Rule = StatusResolved, StatusNeedsResponse, "x"
		for j := range got[i].Reasons {
			got[i].Reasons[j] = "x"
		}
	}
	_ = append(got[:1], Transition{From: StatusResolved, To: StatusUnderReview, Op: OpUpdate})

	assert.Equal(t, want, Transitions())
	assert.Empty(t, Moves(StatusResolved))
	assert.NoError(t,
		CheckMove(StatusNeedsResponse, StatusResolved, ReasonNoResponseNeeded, false))
	assertItems(t, CheckMove(StatusResolved, StatusUnderReview, "", false),
		ErrClosed, at{"", CodeCaseClosed})
}

func TestMoves(t *testing.T) {
	tests := []struct {
		name string
		from Status
		want []Transition
	}{
		{"new", "", []Transition{
			{From: "", To: StatusNeedsResponse, Op: OpOpen},
			{From: "", To: StatusUnderReview, Op: OpOpen},
		}},
		{"needs_response", StatusNeedsResponse, []Transition{
			{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpUpdate},
			{From: StatusNeedsResponse, To: StatusUnderReview, Op: OpRespond},
			{From: StatusNeedsResponse, To: StatusResolved, Op: OpUpdate, Reasons: lcResolvedBy},
			{From: StatusNeedsResponse, To: StatusSuperseded, Op: OpUpdate,
				Reasons: lcSupersededBy},
		}},
		{"under_review", StatusUnderReview, []Transition{
			{From: StatusUnderReview, To: StatusNeedsResponse, Op: OpUpdate},
			{From: StatusUnderReview, To: StatusResolved, Op: OpUpdate, Reasons: lcResolvedBy},
			{From: StatusUnderReview, To: StatusSuperseded, Op: OpUpdate,
				Reasons: lcSupersededBy},
		}},
		{"resolved", StatusResolved, nil},
		{"superseded", StatusSuperseded, nil},
		{"unknown", "closed", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Moves(tt.from)
			assert.ElementsMatch(t, tt.want, lcWithoutRules(got))
			// Moves keeps the order of Transitions.
			var inOrder []Transition
			for _, tr := range Transitions() {
				if tr.From == tt.from {
					inOrder = append(inOrder, tr)
				}
			}
			assert.Equal(t, inOrder, got)
		})
	}
}

func TestTransition_Events(t *testing.T) {
	opened := []EventType{EventCaseOpened}
	updated := []EventType{EventCaseUpdated}
	tests := []struct {
		name     string
		from, to Status
		op       Operation
		want     []EventType
	}{
		{"open_needs_response", "", StatusNeedsResponse, OpOpen, opened},
		{"open_under_review", "", StatusUnderReview, OpOpen, nil},
		{"update_to_under_review", StatusNeedsResponse, StatusUnderReview, OpUpdate, updated},
		{"respond", StatusNeedsResponse, StatusUnderReview, OpRespond, updated},
		{"update_to_needs_response", StatusUnderReview, StatusNeedsResponse, OpUpdate,
			[]EventType{EventCaseOpened, EventCaseUpdated}},
		{"resolve_needs_response", StatusNeedsResponse, StatusResolved, OpUpdate, updated},
		{"resolve_under_review", StatusUnderReview, StatusResolved, OpUpdate, updated},
		{"supersede_needs_response", StatusNeedsResponse, StatusSuperseded, OpUpdate, updated},
		{"supersede_under_review", StatusUnderReview, StatusSuperseded, OpUpdate, updated},
	}
	require.Len(t, Transitions(), len(tests))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found *Transition
			for _, tr := range Transitions() {
				if tr.From == tt.from && tr.To == tt.to && tr.Op == tt.op {
					found = &tr
				}
			}
			require.NotNil(t, found, "the move is not in Transitions")
			assert.Equal(t, tt.want, found.Events())
		})
	}
}

// lcExpectCheckMove answers what CheckMove returns, from SPEC 3.2 and the
// function's documentation: a refusal by a terminal status first, then
// the reason's own problems, then the table, then the reason rules.
func lcExpectCheckMove(from, to Status, reason ResolutionReason, hasResponse bool) lcOutcome {
	legal := map[[2]Status]bool{
		{StatusNeedsResponse, StatusUnderReview}: true,
		{StatusUnderReview, StatusNeedsResponse}: true,
		{StatusNeedsResponse, StatusResolved}:    true,
		{StatusUnderReview, StatusResolved}:      true,
		{StatusNeedsResponse, StatusSuperseded}:  true,
		{StatusUnderReview, StatusSuperseded}:    true,
	}
	switch {
	case !to.IsKnown():
		return lcRefused(ErrInvalid, "/status", CodeUnknownValue)
	case from.IsTerminal():
		return lcRefused(ErrClosed, "", CodeCaseClosed)
	case reason != "" && !reason.IsKnown():
		return lcRefused(ErrInvalid, "/resolution_reason", CodeUnknownValue)
	case reason != "" && !to.IsTerminal():
		return lcRefused(ErrInvalid, "/resolution_reason", CodeNotAllowed)
	case !legal[[2]Status{from, to}]:
		return lcRefused(ErrTransition, "/status", CodeInvalidTransition)
	case reason != "" && reason.Status() != to:
		return lcRefused(ErrInvalid, "/resolution_reason", CodeInvalidValue)
	case to == StatusSuperseded && reason == "":
		return lcRefused(ErrInvalid, "/resolution_reason", CodeRequired)
	case to == StatusResolved && reason == "" && !hasResponse:
		return lcRefused(ErrTransition, "/resolution_reason", CodeReasonRequired)
	case reason == ReasonResponseReceived && !hasResponse:
		return lcRefused(ErrTransition, "/resolution_reason", CodeInvalidTransition)
	}
	return lcAllowed
}

func TestCheckMove(t *testing.T) {
	froms := append([]Status{"", "closed"}, Statuses()...)
	tos := append([]Status{"closed"}, Statuses()...)
	reasons := append([]ResolutionReason{"", "bogus"}, ResolutionReasons()...)
	for _, from := range froms {
		for _, to := range tos {
			for _, reason := range reasons {
				for _, has := range []bool{false, true} {
					name := fmt.Sprintf("%s/%s/%s/response_%t",
						orNone(from), to, orNone(reason), has)
					t.Run(name, func(t *testing.T) {
						want := lcExpectCheckMove(from, to, reason, has)
						err := CheckMove(from, to, reason, has)
						if want.family == nil {
							assert.NoError(t, err)
							return
						}
						assertItems(t, err, want.family, want.item)
					})
				}
			}
		}
	}
}

func TestCheckMove_Examples(t *testing.T) {
	tests := []struct {
		name     string
		from, to Status
		reason   ResolutionReason
		response bool
		family   error
		want     []at
	}{
		{"flip", StatusUnderReview, StatusNeedsResponse, "", false, nil, nil},
		{"default reason", StatusUnderReview, StatusResolved, "", true, nil, nil},
		{"no reason, no response", StatusNeedsResponse, StatusResolved, "", false,
			ErrTransition, []at{{"/resolution_reason", CodeReasonRequired}}},
		{"response_received, no response", StatusUnderReview, StatusResolved,
			ReasonResponseReceived, false,
			ErrTransition, []at{{"/resolution_reason", CodeInvalidTransition}}},
		{"wrong family", StatusNeedsResponse, StatusResolved, ReasonParentFailed, true,
			ErrInvalid, []at{{"/resolution_reason", CodeInvalidValue}}},
		{"supersede without reason", StatusNeedsResponse, StatusSuperseded, "", true,
			ErrInvalid, []at{{"/resolution_reason", CodeRequired}}},
		{"reopen", StatusResolved, StatusNeedsResponse, "", true,
			ErrClosed, []at{{"", CodeCaseClosed}}},
		{"stay", StatusNeedsResponse, StatusNeedsResponse, "", false,
			ErrTransition, []at{{"/status", CodeInvalidTransition}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMove(tt.from, tt.to, tt.reason, tt.response)
			if tt.family == nil {
				assert.NoError(t, err)
				return
			}
			assertItems(t, err, tt.family, tt.want...)
		})
	}
}

func TestCloseForParent(t *testing.T) {
	tests := []struct {
		name    string
		outcome ParentOutcome
		want    ResolutionReason
	}{
		{"completed", ParentCompleted, ReasonParentCompleted},
		{"canceled", ParentCanceled, ReasonParentCanceled},
		{"failed", ParentFailed, ReasonParentFailed},
		{"rejected", ParentRejected, ReasonParentFailed},
	}
	for _, s := range lcStarts {
		if !s.status.IsOpen() {
			continue
		}
		for _, tt := range tests {
			t.Run(s.name+"/"+tt.name, func(t *testing.T) {
				c := s.get(t)
				before := c.Clone()

				got, events, err := CloseForParent(c, tt.outcome, testEnv(lcNow))
				require.NoError(t, err)
				assert.Equal(t, before, c)
				lcCheckMove(t, c, got, events, StatusSuperseded, tt.want)
			})
		}
	}
}

func TestCloseForParent_AlreadyClosed(t *testing.T) {
	outcomes := []ParentOutcome{ParentCompleted, ParentCanceled, ParentFailed, ParentRejected}
	for _, s := range lcStarts {
		if !s.status.IsTerminal() {
			continue
		}
		for _, outcome := range outcomes {
			t.Run(s.name+"/"+string(outcome), func(t *testing.T) {
				c := s.get(t)
				before := c.Clone()

				got, events, err := CloseForParent(c, outcome, testEnv(lcNow))
				require.NoError(t, err)
				assert.Equal(t, before, c)
				assert.Equal(t, c, got)
				assert.NotSame(t, c, got)
				assert.Empty(t, events)
			})
		}
	}
}

func TestCloseForParent_UnknownOutcome(t *testing.T) {
	for _, outcome := range []ParentOutcome{"", "exploded", "Completed"} {
		t.Run(orNone(outcome), func(t *testing.T) {
			c := lcNeedsResponse(t)
			before := c.Clone()

			got, events, err := CloseForParent(c, outcome, testEnv(lcNow))
			assertItems(t, err, ErrInvalid, at{"/outcome", CodeUnknownValue})
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
		})
	}
}

func TestCase_IsOverdue_Boundaries(t *testing.T) {
	due := t0.Add(72 * time.Hour)
	tests := []struct {
		name  string
		start string // the name of one of lcStarts
		due   *time.Time
		now   time.Time
		want  bool
	}{
		{"before due", "needs_response", &due, due.Add(-time.Nanosecond), false},
		{"at due", "needs_response", &due, due, false},
		{"just after due", "needs_response", &due, due.Add(time.Nanosecond), true},
		{"long after due", "needs_response", &due, due.Add(1000 * time.Hour), true},
		{"under review after due", "under_review_visible", &due, due.Add(time.Nanosecond), true},
		{"no due time", "needs_response", nil, due.Add(time.Hour), false},
		{"resolved after due", "resolved", &due, due.Add(time.Hour), false},
		{"superseded after due", "superseded", &due, due.Add(time.Hour), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			c.DueAt = tt.due
			assert.Equal(t, tt.want, c.IsOverdue(tt.now))
		})
	}
}

func TestCase_IsDueWithin_Boundaries(t *testing.T) {
	due := t0.Add(72 * time.Hour)
	day := 24 * time.Hour
	tests := []struct {
		name  string
		start string // the name of one of lcStarts
		due   *time.Time
		now   time.Time
		d     time.Duration
		want  bool
	}{
		{"window ends just before due", "needs_response", &due, due.Add(-day),
			day - time.Nanosecond, false},
		{"window ends at due", "needs_response", &due, due.Add(-day), day, true},
		{"window ends after due", "needs_response", &due, due.Add(-day),
			day + time.Nanosecond, true},
		{"now at due", "needs_response", &due, due, 0, true},
		{"now at due with window", "needs_response", &due, due, day, true},
		{"just overdue", "needs_response", &due, due.Add(time.Nanosecond), day, false},
		{"under review in window", "under_review_visible", &due, due.Add(-time.Hour), day, true},
		{"no due time", "needs_response", nil, due, day, false},
		{"resolved in window", "resolved", &due, due.Add(-time.Hour), day, false},
		{"superseded in window", "superseded", &due, due.Add(-time.Hour), day, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			c.DueAt = tt.due
			assert.Equal(t, tt.want, c.IsDueWithin(tt.now, tt.d))
		})
	}
}
