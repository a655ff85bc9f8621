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

func orNone[T ~string](s T) string {
	if s == "" {
		return "none"
	}
	return string(s)
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
