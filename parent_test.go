package cases

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// TestCloseForParent_AlreadyClosed closes every closed start case for
// every outcome: only the repeat of the same closing (superseded, with
// the reason the outcome gives) is a no-op; any other is case_closed.
func TestCloseForParent_AlreadyClosed(t *testing.T) {
	outcomes := map[ParentOutcome]ResolutionReason{
		ParentCompleted: ReasonParentCompleted,
		ParentCanceled:  ReasonParentCanceled,
		ParentFailed:    ReasonParentFailed,
		ParentRejected:  ReasonParentFailed,
	}
	for _, s := range lcStarts {
		if !s.status.IsTerminal() {
			continue
		}
		for outcome, reason := range outcomes {
			t.Run(s.name+"/"+string(outcome), func(t *testing.T) {
				c := s.get(t)
				before := c.Clone()
				repeat := c.Status == StatusSuperseded && c.ResolutionReason == reason

				got, events, err := CloseForParent(c, outcome, testEnv(lcNow))
				assert.Equal(t, before, c)
				assert.Empty(t, events)
				if !repeat {
					assertItems(t, err, ErrClosed, at{"", CodeCaseClosed})
					assert.Nil(t, got)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, c, got)
				assert.NotSame(t, c, got)
			})
		}
	}
}

func TestCloseForParent_AlreadyClosed_Examples(t *testing.T) {
	superseded := lcStartNamed(t, "superseded") // parent_canceled
	resolved := lcStartNamed(t, "resolved")

	got, events, err := CloseForParent(superseded, ParentCanceled, testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, superseded, got)
	assert.Empty(t, events)

	_, _, err = CloseForParent(superseded, ParentCompleted, testEnv(lcNow))
	assertItems(t, err, ErrClosed, at{"", CodeCaseClosed})
	assert.Equal(t, 409, ProblemFor(err).Status)

	_, _, err = CloseForParent(resolved, ParentCanceled, testEnv(lcNow))
	assertItems(t, err, ErrClosed, at{"", CodeCaseClosed})
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
