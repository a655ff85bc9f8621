package cases

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStatus_Predicates(t *testing.T) {
	assert.Equal(t, []Status{"needs_response", "under_review", "resolved", "superseded"},
		Statuses())

	tests := []struct {
		name     string
		status   Status
		known    bool
		open     bool
		terminal bool
	}{
		{name: "needs_response", status: StatusNeedsResponse, known: true, open: true},
		{name: "under_review", status: StatusUnderReview, known: true, open: true},
		{name: "resolved", status: StatusResolved, known: true, terminal: true},
		{name: "superseded", status: StatusSuperseded, known: true, terminal: true},
		{name: "empty", status: ""},
		{name: "closed", status: "closed"},
		{name: "capitalised", status: "Resolved"},
		{name: "padded", status: " resolved"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.status.IsKnown(), "IsKnown")
			assert.Equal(t, tc.open, tc.status.IsOpen(), "IsOpen")
			assert.Equal(t, tc.terminal, tc.status.IsTerminal(), "IsTerminal")
		})
	}
}

func TestResolutionReason_Status(t *testing.T) {
	assert.Equal(t, []ResolutionReason{
		"response_received", "no_response_needed",
		"parent_canceled", "parent_completed", "parent_failed",
	}, ResolutionReasons())

	tests := []struct {
		name   string
		reason ResolutionReason
		status Status
	}{
		{name: "response_received", reason: ReasonResponseReceived, status: StatusResolved},
		{name: "no_response_needed", reason: ReasonNoResponseNeeded, status: StatusResolved},
		{name: "parent_canceled", reason: ReasonParentCanceled, status: StatusSuperseded},
		{name: "parent_completed", reason: ReasonParentCompleted, status: StatusSuperseded},
		{name: "parent_failed", reason: ReasonParentFailed, status: StatusSuperseded},
		{name: "empty", reason: ""},
		{name: "parent_rejected is not a reason", reason: "parent_rejected"},
		{name: "capitalised", reason: "Parent_Failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.status, tc.reason.Status())
			assert.Equal(t, tc.status != "", tc.reason.IsKnown())
		})
	}
}

func TestEventTypes_ListAndIsKnown(t *testing.T) {
	assert.Equal(t, []EventType{"case.opened", "case.updated"}, EventTypes())

	tests := []struct {
		name  string
		typ   EventType
		known bool
	}{
		{name: "case.opened", typ: EventCaseOpened, known: true},
		{name: "case.updated", typ: EventCaseUpdated, known: true},
		{name: "empty", typ: ""},
		{name: "underscore", typ: "case_opened"},
		{name: "unknown", typ: "case.closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.typ.IsKnown())
		})
	}
}
