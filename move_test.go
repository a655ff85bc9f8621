package cases

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcOutcome is what the specification says an update does.
type lcOutcome struct {
	family error // nil when the update succeeds
	item   at
	noop   bool
}

var lcAllowed = lcOutcome{}

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
	assertNoEcho(t, mustJSON(u), err)
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

// lcExpectCheckMove answers what CheckMove returns, from SPEC 3.2 and 4
// and the function's documentation: the problems of the status and reason
// themselves first, all of them; then the state: a repeat of the status,
// a closed case, the table, the reason rules. It returns the items and
// their family, or none and nil when the move is allowed.
func lcExpectCheckMove(from, to Status, reason ResolutionReason, has bool) ([]at, error) {
	var bad []at
	if reason != "" {
		if !reason.IsKnown() {
			bad = append(bad, at{"/resolution_reason", CodeUnknownValue})
		}
		switch {
		case to.IsOpen():
			bad = append(bad, at{"/resolution_reason", CodeNotAllowed})
		case to.IsTerminal() && reason.IsKnown() && reason.Status() != to:
			bad = append(bad, at{"/resolution_reason", CodeInvalidValue})
		}
	}
	switch {
	case to == "":
		bad = append(bad, at{"/status", CodeRequired})
	case !to.IsKnown():
		bad = append(bad, at{"/status", CodeUnknownValue})
	}
	if bad != nil {
		sortAt(bad)
		return bad, ErrInvalid
	}
	return lcExpectState(from, to, reason, has)
}

// lcExpectState answers CheckMove for a well-formed status and reason.
func lcExpectState(from, to Status, reason ResolutionReason, has bool) ([]at, error) {
	legal := map[[2]Status]bool{
		{StatusNeedsResponse, StatusUnderReview}: true,
		{StatusUnderReview, StatusNeedsResponse}: true,
		{StatusNeedsResponse, StatusResolved}:    true,
		{StatusUnderReview, StatusResolved}:      true,
		{StatusNeedsResponse, StatusSuperseded}:  true,
		{StatusUnderReview, StatusSuperseded}:    true,
	}
	closed := []at{{"", CodeCaseClosed}}
	switch {
	case to == from && from.IsOpen():
		return nil, nil
	case to == from && reason == ReasonResponseReceived && !has:
		return closed, ErrClosed // a case without a response never closed so
	case to == from:
		return nil, nil // the repeat of the closing update
	case from.IsTerminal():
		return closed, ErrClosed
	case !legal[[2]Status{from, to}]:
		return []at{{"/status", CodeInvalidTransition}}, ErrTransition
	case to == StatusSuperseded && reason == "":
		return []at{{"/resolution_reason", CodeRequired}}, ErrInvalid
	case to == StatusResolved && reason == "" && !has:
		return []at{{"/resolution_reason", CodeReasonRequired}}, ErrTransition
	case reason == ReasonResponseReceived && !has:
		return []at{{"/resolution_reason", CodeInvalidTransition}}, ErrTransition
	}
	return nil, nil
}

// sortAt orders expected items as an *Error orders its items.
func sortAt(items []at) {
	slices.SortFunc(items, func(a, b at) int {
		if c := comparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
}

// lcMoveTargets and lcMoveReasons are every status and reason a move can
// name: none, an unknown one and each known one.
var (
	lcMoveTargets = append([]Status{"", "closed"}, Statuses()...)
	lcMoveReasons = append([]ResolutionReason{"", "bogus"}, ResolutionReasons()...)
)

func TestCheckMove(t *testing.T) {
	froms := append([]Status{"", "closed"}, Statuses()...)
	for _, from := range froms {
		for _, to := range lcMoveTargets {
			for _, reason := range lcMoveReasons {
				for _, has := range []bool{false, true} {
					name := fmt.Sprintf("%s/%s/%s/response_%t",
						orNone(from), orNone(to), orNone(reason), has)
					t.Run(name, func(t *testing.T) {
						want, family := lcExpectCheckMove(from, to, reason, has)
						err := CheckMove(from, to, reason, has)
						assertNoEcho(t, mustJSON(lcMove(to, reason)), err)
						if family == nil {
							assert.NoError(t, err)
							return
						}
						assertItems(t, err, family, want...)
					})
				}
			}
		}
	}
}

// TestCheckMove_AgreesWithUpdate runs every move from a case in every
// status, with and without a response, through both CheckMove and Update.
// Where CheckMove refuses, Update refuses with the same error; where it
// allows, Update succeeds, except for a repeat of a terminal status with
// a reason other than the stored one, which only Update can know.
func TestCheckMove_AgreesWithUpdate(t *testing.T) {
	for _, s := range lcStarts {
		for _, to := range lcMoveTargets {
			for _, reason := range lcMoveReasons {
				name := fmt.Sprintf("%s/to_%s/reason_%s", s.name, orNone(to), orNone(reason))
				t.Run(name, func(t *testing.T) {
					c := s.get(t)
					check := CheckMove(c.Status, to, reason, c.Response != nil)

					got, _, err := Update(c, lcMove(to, reason), testEnv(lcNow))
					if check != nil {
						assert.Equal(t, check, err)
						assert.Nil(t, got)
						return
					}
					if c.Status.IsTerminal() && reason != "" && reason != c.ResolutionReason {
						assertItems(t, err, ErrClosed, at{"", CodeCaseClosed})
						return
					}
					require.NoError(t, err)
					assert.Equal(t, to, got.Status)
				})
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
		{"stay open", StatusNeedsResponse, StatusNeedsResponse, "", false, nil, nil},
		{"stay open with a reason", StatusNeedsResponse, StatusNeedsResponse,
			ReasonParentFailed, false,
			ErrInvalid, []at{{"/resolution_reason", CodeNotAllowed}}},
		{"repeat closing", StatusSuperseded, StatusSuperseded, "", false, nil, nil},
		{"repeat closing with a reason", StatusSuperseded, StatusSuperseded,
			ReasonParentCanceled, false, nil, nil},
		{"repeat closing with a reason of another status", StatusSuperseded,
			StatusSuperseded, ReasonNoResponseNeeded, false,
			ErrInvalid, []at{{"/resolution_reason", CodeInvalidValue}}},
		{"repeat closing with a response it never had", StatusResolved, StatusResolved,
			ReasonResponseReceived, false, ErrClosed, []at{{"", CodeCaseClosed}}},
		{"every problem of the input at once", StatusNeedsResponse, "closed", "bogus", false,
			ErrInvalid, []at{
				{"/resolution_reason", CodeUnknownValue},
				{"/status", CodeUnknownValue},
			}},
		{"input before state", StatusResolved, StatusUnderReview, ReasonParentFailed, false,
			ErrInvalid, []at{{"/resolution_reason", CodeNotAllowed}}},
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
