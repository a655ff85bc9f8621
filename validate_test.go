package cases

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// closeAt returns a change that closes a case an hour after t0 with the
// given status and reason, and optionally stores validAnswers.
func closeAt(s Status, r ResolutionReason, withResponse bool) func(*Case) {
	return func(c *Case) {
		c.Status, c.ResolutionReason = s, r
		c.ResolvedAt, c.UpdatedAt = ptr(t0.Add(time.Hour)), t0.Add(time.Hour)
		if withResponse {
			c.Response = validAnswers()
		}
	}
}

// then chains changes.
func then(changes ...func(*Case)) func(*Case) {
	return func(c *Case) {
		for _, ch := range changes {
			ch(c)
		}
	}
}

func TestCase_Validate_Invariants(t *testing.T) {
	h := time.Hour
	noOpened := func(c *Case) { c.OpenedAt = nil }
	status := func(s Status) func(*Case) { return func(c *Case) { c.Status = s } }
	answered := func(c *Case) { c.Response = validAnswers() }
	runCaseRows(t, []caseRow{
		{name: "needs_response, opened", change: status(StatusNeedsResponse)},
		{name: "needs_response with a response", change: answered},
		{name: "under_review with a response", change: then(status(StatusUnderReview),
			answered)},
		{name: "internal under_review", change: then(status(StatusUnderReview), noOpened)},
		{name: "needs_response without opened_at", change: noOpened,
			want: []at{{"/opened_at", CodeRequired}}},
		{name: "response without opened_at",
			change: then(status(StatusUnderReview), noOpened, answered),
			want:   []at{{"/opened_at", CodeRequired}}},
		{name: "opened_at before created_at",
			change: func(c *Case) { c.OpenedAt = ptr(t0.Add(-h)) },
			want:   []at{{"/opened_at", CodeInvalidValue}}},
		{name: "opened_at equal to created_at and updated_at",
			change: func(c *Case) { c.OpenedAt = ptr(t0) }},
		{name: "opened_at after updated_at",
			change: func(c *Case) { c.OpenedAt = ptr(t0.Add(h)) },
			want:   []at{{"/updated_at", CodeInvalidValue}}},
		{name: "updated_at before created_at",
			change: then(status(StatusUnderReview), noOpened,
				func(c *Case) { c.UpdatedAt = t0.Add(-time.Second) }),
			want: []at{{"/updated_at", CodeInvalidValue}}},
		{name: "opened later than created, updated later still",
			change: func(c *Case) {
				c.OpenedAt, c.UpdatedAt = ptr(t0.Add(h)), t0.Add(2*h)
			}},
		{name: "resolved, no_response_needed",
			change: closeAt(StatusResolved, ReasonNoResponseNeeded, false)},
		{name: "resolved, response_received",
			change: closeAt(StatusResolved, ReasonResponseReceived, true)},
		{name: "superseded, parent_canceled",
			change: closeAt(StatusSuperseded, ReasonParentCanceled, false)},
		{name: "superseded, parent_completed",
			change: closeAt(StatusSuperseded, ReasonParentCompleted, true)},
		{name: "superseded, parent_failed",
			change: closeAt(StatusSuperseded, ReasonParentFailed, false)},
		{name: "resolved without resolved_at",
			change: then(closeAt(StatusResolved, ReasonNoResponseNeeded, false),
				func(c *Case) { c.ResolvedAt = nil }),
			want: []at{{"/resolved_at", CodeRequired}}},
		{name: "resolved without reason",
			change: closeAt(StatusResolved, "", false),
			want:   []at{{"/resolution_reason", CodeRequired}}},
		{name: "superseded without reason",
			change: closeAt(StatusSuperseded, "", false),
			want:   []at{{"/resolution_reason", CodeRequired}}},
		{name: "superseded without reason or resolved_at",
			change: then(closeAt(StatusSuperseded, "", false),
				func(c *Case) { c.ResolvedAt = nil }),
			want: []at{{"/resolution_reason", CodeRequired}, {"/resolved_at", CodeRequired}}},
		{name: "open with resolved_at",
			change: func(c *Case) { c.ResolvedAt = ptr(t0) },
			want:   []at{{"/resolved_at", CodeNotAllowed}}},
		{name: "open with a reason",
			change: func(c *Case) { c.ResolutionReason = ReasonNoResponseNeeded },
			want:   []at{{"/resolution_reason", CodeNotAllowed}}},
		{name: "under_review with reason and resolved_at",
			change: func(c *Case) {
				c.Status = StatusUnderReview
				c.ResolutionReason, c.ResolvedAt = ReasonParentFailed, ptr(t0)
			},
			want: []at{{"/resolution_reason", CodeNotAllowed}, {"/resolved_at", CodeNotAllowed}}},
		{name: "resolved with parent_failed",
			change: closeAt(StatusResolved, ReasonParentFailed, false),
			want:   []at{{"/resolution_reason", CodeInvalidValue}}},
		{name: "resolved with parent_canceled",
			change: closeAt(StatusResolved, ReasonParentCanceled, false),
			want:   []at{{"/resolution_reason", CodeInvalidValue}}},
		{name: "superseded with no_response_needed",
			change: closeAt(StatusSuperseded, ReasonNoResponseNeeded, false),
			want:   []at{{"/resolution_reason", CodeInvalidValue}}},
		{name: "superseded with response_received",
			change: closeAt(StatusSuperseded, ReasonResponseReceived, true),
			want:   []at{{"/resolution_reason", CodeInvalidValue}}},
		{name: "response_received without a response",
			change: closeAt(StatusResolved, ReasonResponseReceived, false),
			want:   []at{{"/resolution_reason", CodeInvalidValue}}},
		{name: "resolved_at before created_at",
			change: then(closeAt(StatusResolved, ReasonNoResponseNeeded, false),
				func(c *Case) { c.ResolvedAt = ptr(t0.Add(-h)) }),
			want: []at{{"/resolved_at", CodeInvalidValue}}},
		{name: "resolved_at after updated_at",
			change: then(closeAt(StatusResolved, ReasonNoResponseNeeded, false),
				func(c *Case) { c.ResolvedAt = ptr(t0.Add(2 * h)) }),
			want: []at{{"/resolved_at", CodeInvalidValue}}},
		{name: "closed while internal",
			change: then(status(StatusUnderReview), noOpened,
				closeAt(StatusSuperseded, ReasonParentCanceled, false))},
		{name: "response on a closed internal case",
			change: then(noOpened, closeAt(StatusResolved, ReasonResponseReceived, true)),
			want:   []at{{"/opened_at", CodeRequired}}},
	})
}

// TestCase_Validate_EveryProblemSorted checks that Validate reports the
// problems of every part of a case at once, sorted by pointer with array
// indexes compared as numbers.
func TestCase_Validate_EveryProblemSorted(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Summary = ""
	c.ParentID = "fil 1"
	c.Metadata = metadataOf(51)
	c.Metadata["customer/tier"] = strings.Repeat("x", 501)
	specs := specsOf(11)
	specs[2].Name = "Bad"
	specs[10].Name = "Worse"
	c.Request = &MissingInformationRequest{Fields: specs}
	c.Response = &MissingInformationResponse{Fields: map[string]any{"f0": "a\nb"}}
	c.Status = StatusResolved

	err := c.Validate()

	assertInvalid(t, err,
		at{"/metadata", CodeTooMany},
		at{"/metadata/customer~1tier", CodeTooLong},
		at{"/parent_id", CodeInvalidFormat},
		at{"/request/fields/2/name", CodeInvalidFormat},
		at{"/request/fields/10/name", CodeInvalidFormat},
		at{"/resolution_reason", CodeRequired},
		at{"/resolved_at", CodeRequired},
		at{"/response/fields/f0", CodeInvalidFormat},
		at{"/summary", CodeRequired},
	)
}

func TestCheckDue(t *testing.T) {
	tests := []struct {
		name string
		due  *time.Time
		want []Item
	}{
		{name: "none", due: nil},
		{name: "later", due: ptr(t0.Add(time.Nanosecond))},
		{name: "now", due: ptr(t0), want: []Item{{Pointer: "/due_at", Code: CodeInvalidValue,
			Message: "due_at must be later than now"}}},
		{name: "earlier", due: ptr(t0.Add(-time.Hour)), want: []Item{{Pointer: "/due_at",
			Code: CodeInvalidValue, Message: "due_at must be later than now"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rep report

			checkDue(tc.due, t0, &rep)

			assert.Equal(t, tc.want, rep.items)
		})
	}
}
