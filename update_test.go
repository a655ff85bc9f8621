package cases

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcMetadataCase opens validOpen with n metadata pairs k00, k01, ...
func lcMetadataCase(t testing.TB, n int) *Case {
	t.Helper()
	o := validOpen()
	o.Metadata = Metadata{}
	for i := range n {
		o.Metadata[fmt.Sprintf("k%02d", i)] = "v"
	}
	return mustOpen(t, o)
}

func TestUpdate_OpenCase_Values(t *testing.T) {
	newDue := t0.Add(100 * time.Hour)
	tests := []struct {
		name   string
		start  string
		update *UpdateRequest
		want   func(c *Case)
	}{
		{"summary", "needs_response", &UpdateRequest{Summary: ptr("New summary.")},
			func(c *Case) { c.Summary = "New summary." }},
		{"details", "needs_response", &UpdateRequest{Details: Set("New *details*.")},
			func(c *Case) { c.Details = ptr("New *details*.") }},
		{"details cleared", "needs_response", &UpdateRequest{Details: Clear[string]()},
			func(c *Case) { c.Details = nil }},
		{"due_at", "under_review_answered", &UpdateRequest{DueAt: Set(newDue)},
			func(c *Case) { c.DueAt = &newDue }},
		{"due_at cleared", "needs_response", &UpdateRequest{DueAt: Clear[time.Time]()},
			func(c *Case) { c.DueAt = nil }},
		{"metadata added", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{"tier": ptr("gold")}},
			func(c *Case) { c.Metadata["tier"] = "gold" }},
		{"metadata changed", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{"external_id": ptr("user_9")}},
			func(c *Case) { c.Metadata["external_id"] = "user_9" }},
		{"metadata removed", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{"external_id": nil}},
			func(c *Case) { delete(c.Metadata, "external_id") }},
		{"metadata merged", "needs_response", &UpdateRequest{Metadata: map[string]*string{
			"external_id": nil, "a": ptr("1"), "b": ptr(""), "gone": nil,
		}}, func(c *Case) { c.Metadata = Metadata{"a": "1", "b": ""} }},
		{"everything with a move", "needs_response", &UpdateRequest{
			Status: ptr(StatusUnderReview), Summary: ptr("S."), Details: Clear[string](),
			DueAt: Set(newDue), Metadata: map[string]*string{"tier": ptr("gold")},
		}, func(c *Case) {
			c.Status, c.Summary, c.Details, c.DueAt = StatusUnderReview, "S.", nil, &newDue
			c.Metadata["tier"] = "gold"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			before := c.Clone()

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			require.NoError(t, err)
			want := c.Clone()
			tt.want(want)
			want.UpdatedAt = lcNow
			assert.Equal(t, want, got)
			assert.Equal(t, before, c)
			assert.NoError(t, got.Validate())
			lcCheckEvents(t, c, got, events, lcNow)
		})
	}
}

func TestUpdate_OpenCase_InvalidValues(t *testing.T) {
	tests := []struct {
		name   string
		update *UpdateRequest
		want   []at
	}{
		{"empty summary", &UpdateRequest{Summary: ptr("")}, []at{{"/summary", CodeRequired}}},
		{"blank summary", &UpdateRequest{Summary: ptr(" \t")}, []at{{"/summary", CodeRequired}}},
		{"two-line summary", &UpdateRequest{Summary: ptr("a\nb")},
			[]at{{"/summary", CodeInvalidFormat}}},
		{"long summary", &UpdateRequest{Summary: ptr(strings.Repeat("é", 256))},
			[]at{{"/summary", CodeTooLong}}},
		{"details with a control character", &UpdateRequest{Details: Set("a\x00b")},
			[]at{{"/details", CodeInvalidFormat}}},
		{"long details", &UpdateRequest{Details: Set(strings.Repeat("x", 10001))},
			[]at{{"/details", CodeTooLong}}},
		{"due_at now", &UpdateRequest{DueAt: Set(lcNow)}, []at{{"/due_at", CodeInvalidValue}}},
		{"due_at past", &UpdateRequest{DueAt: Set(lcNow.Add(-time.Second))},
			[]at{{"/due_at", CodeInvalidValue}}},
		{"metadata key with a bracket", &UpdateRequest{Metadata: map[string]*string{
			"a[0]": ptr("x"),
		}}, []at{{"/metadata/a[0]", CodeInvalidFormat}}},
		{"long metadata key", &UpdateRequest{Metadata: map[string]*string{
			strings.Repeat("k", 41): ptr("x"),
		}}, []at{{"/metadata/" + strings.Repeat("k", 41), CodeTooLong}}},
		{"long metadata value", &UpdateRequest{Metadata: map[string]*string{
			"k": ptr(strings.Repeat("v", 501)),
		}}, []at{{"/metadata/k", CodeTooLong}}},
		{"unknown status", &UpdateRequest{Status: ptr(Status("closed"))},
			[]at{{"/status", CodeUnknownValue}}},
		{"every problem at once", &UpdateRequest{
			Summary: ptr(""), Details: Set("a\x01"),
			Metadata: map[string]*string{"a/b]": ptr("x"), "ok": ptr(strings.Repeat("v", 501))},
		}, []at{
			{"/details", CodeInvalidFormat},
			{"/metadata/a~1b]", CodeInvalidFormat},
			{"/metadata/ok", CodeTooLong},
			{"/summary", CodeRequired},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcNeedsResponse(t)
			before := c.Clone()

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			assertInvalid(t, err, tt.want...)
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
		})
	}
}

func TestUpdate_Reasons(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		update *UpdateRequest
		family error
		want   at
	}{
		{"reason without status", "needs_response",
			&UpdateRequest{ResolutionReason: ptr(ReasonNoResponseNeeded)},
			ErrInvalid, at{"/resolution_reason", CodeNotAllowed}},
		{"reason with an open status", "needs_response",
			lcMove(StatusUnderReview, ReasonParentFailed),
			ErrInvalid, at{"/resolution_reason", CodeNotAllowed}},
		{"reason with the same open status", "under_review_answered",
			lcMove(StatusUnderReview, ReasonResponseReceived),
			ErrInvalid, at{"/resolution_reason", CodeNotAllowed}},
		{"superseded without reason", "under_review_answered", lcMove(StatusSuperseded, ""),
			ErrInvalid, at{"/resolution_reason", CodeRequired}},
		{"resolved without reason or response", "needs_response", lcMove(StatusResolved, ""),
			ErrTransition, at{"/resolution_reason", CodeReasonRequired}},
		{"response_received without response", "under_review_visible",
			lcMove(StatusResolved, ReasonResponseReceived),
			ErrTransition, at{"/resolution_reason", CodeInvalidTransition}},
		{"resolved with a reason of superseded", "under_review_answered",
			lcMove(StatusResolved, ReasonParentFailed),
			ErrInvalid, at{"/resolution_reason", CodeInvalidValue}},
		{"superseded with a reason of resolved", "needs_response",
			lcMove(StatusSuperseded, ReasonNoResponseNeeded),
			ErrInvalid, at{"/resolution_reason", CodeInvalidValue}},
		{"unknown reason", "needs_response", lcMove(StatusResolved, "bogus"),
			ErrInvalid, at{"/resolution_reason", CodeUnknownValue}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			before := c.Clone()

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			assertItems(t, err, tt.family, tt.want)
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
			p := ProblemFor(err)
			if errors.Is(tt.family, ErrTransition) {
				assert.Equal(t, 409, p.Status)
			} else {
				assert.Equal(t, 400, p.Status)
			}
		})
	}
}

func TestUpdate_Metadata_LimitAppliesToMergedResult(t *testing.T) {
	tests := []struct {
		name  string
		pairs int
		patch map[string]*string
		want  []at // nil when allowed
		size  int
	}{
		{"one more than the limit", 50, map[string]*string{"new": ptr("v")},
			[]at{{"/metadata", CodeTooMany}}, 0},
		{"fills up to the limit", 49, map[string]*string{"new": ptr("v")}, nil, 50},
		{"replaces a key at the limit", 50, map[string]*string{"k00": ptr("w")}, nil, 50},
		{"removes one and adds one", 50,
			map[string]*string{"k00": nil, "new": ptr("v")}, nil, 50},
		{"removes an absent key and adds one", 50,
			map[string]*string{"absent": nil, "new": ptr("v")},
			[]at{{"/metadata", CodeTooMany}}, 0},
		{"shrinks a case over the limit", 49,
			map[string]*string{"a": ptr("1"), "b": ptr("2")}, []at{{"/metadata", CodeTooMany}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcMetadataCase(t, tt.pairs)

			got, events, err := Update(c, &UpdateRequest{Metadata: tt.patch}, testEnv(lcNow))
			if tt.want != nil {
				assertInvalid(t, err, tt.want...)
				assert.Nil(t, got)
				assert.Nil(t, events)
				return
			}
			require.NoError(t, err)
			assert.Len(t, got.Metadata, tt.size)
			assert.NoError(t, got.Validate())
			lcCheckEvents(t, c, got, events, lcNow)
		})
	}
}

func TestUpdate_ClosedCase_MetadataOnly(t *testing.T) {
	patch := map[string]*string{"external_id": nil, "audit": ptr("done")}
	for _, s := range lcStarts {
		if !s.status.IsTerminal() {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			c := s.get(t)
			before := c.Clone()

			got, events, err := Update(c, &UpdateRequest{Metadata: patch}, testEnv(lcNow))
			require.NoError(t, err)
			want := c.Clone()
			want.Metadata = Metadata{"audit": "done"}
			want.UpdatedAt = lcNow
			assert.Equal(t, want, got)
			assert.Equal(t, before, c)
			assert.NoError(t, got.Validate())
			lcCheckEvents(t, c, got, events, lcNow)
			if s.visible {
				assert.Len(t, events, 1)
			}
		})
	}
}

func TestUpdate_ClosedCase_OtherChanges(t *testing.T) {
	tests := []struct {
		name   string
		update *UpdateRequest
	}{
		{"summary", &UpdateRequest{Summary: ptr("Another summary.")}},
		{"details", &UpdateRequest{Details: Set("Other details.")}},
		{"details cleared", &UpdateRequest{Details: Clear[string]()}},
		{"due_at", &UpdateRequest{DueAt: Set(lcNow.Add(time.Hour))}},
		{"due_at cleared", &UpdateRequest{DueAt: Clear[time.Time]()}},
		{"reopen", lcMove(StatusNeedsResponse, "")},
		{"back to review", lcMove(StatusUnderReview, "")},
		{"other terminal status", lcMove(StatusSuperseded, ReasonParentFailed)},
		{"other reason", lcMove(StatusResolved, ReasonResponseReceived)},
		{"metadata with a summary", &UpdateRequest{
			Summary:  ptr("Another summary."),
			Metadata: map[string]*string{"audit": ptr("done")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Resolved with no_response_needed, with a response, details
			// and a due time, so that every change above changes it.
			c := lcUpdate(t, lcAnswered(t), lcMove(StatusResolved, ReasonNoResponseNeeded),
				lcCloseAt)
			before := c.Clone()

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			assertItems(t, err, ErrClosed, at{"", CodeCaseClosed})
			assert.Equal(t, 409, ProblemFor(err).Status)
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
		})
	}
}

func TestUpdate_NoChange_IsNoOp(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		update *UpdateRequest
	}{
		{"empty update", "needs_response", &UpdateRequest{}},
		{"same summary", "needs_response", &UpdateRequest{Summary: ptr(validOpen().Summary)}},
		{"same details", "under_review_answered",
			&UpdateRequest{Details: Set("The state rejected the name.")}},
		{"same due time", "needs_response", &UpdateRequest{DueAt: Set(t0.Add(72 * time.Hour))}},
		{"same metadata value", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{"external_id": ptr("user_123")}}},
		{"removal of an absent key", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{"absent": nil}}},
		{"empty metadata patch", "needs_response",
			&UpdateRequest{Metadata: map[string]*string{}}},
		{"same status needs_response", "needs_response", lcMove(StatusNeedsResponse, "")},
		{"same status under_review", "under_review_internal", lcMove(StatusUnderReview, "")},
		{"same status, answered", "needs_response_answered", lcMove(StatusNeedsResponse, "")},
		{"repeat of resolve", "resolved", lcMove(StatusResolved, ReasonNoResponseNeeded)},
		{"repeat of resolve by default reason", "resolved_answered",
			lcMove(StatusResolved, "")},
		{"repeat of resolve, reason named", "resolved_answered",
			lcMove(StatusResolved, ReasonResponseReceived)},
		{"repeat of supersede", "superseded", lcMove(StatusSuperseded, ReasonParentCanceled)},
		{"repeat of internal supersede", "superseded_internal",
			lcMove(StatusSuperseded, ReasonParentFailed)},
		{"repeat with same values", "superseded_answered", &UpdateRequest{
			Status: ptr(StatusSuperseded), ResolutionReason: ptr(ReasonParentCompleted),
			Summary: ptr(validOpen().Summary), Details: Set("The state rejected the name."),
			DueAt:    Set(t0.Add(72 * time.Hour)),
			Metadata: map[string]*string{"external_id": ptr("user_123")},
		}},
		{"same values on a closed case past due", "resolved", &UpdateRequest{
			DueAt: Set(t0.Add(72 * time.Hour)), Summary: ptr(validOpen().Summary),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			before := c.Clone()

			// A week after opening: the due time is past, so an update that
			// rechecked an unchanged due time would fail.
			got, events, err := Update(c, tt.update, testEnv(t0.Add(7*24*time.Hour)))
			require.NoError(t, err)
			assert.Equal(t, before, c)
			assert.Equal(t, c, got)
			assert.NotSame(t, c, got)
			assert.Empty(t, events)
		})
	}
}

// SPEC 1.1: timestamps are UTC, and input in any offset is converted.
func TestUpdate_DueAtInAnotherZone_StoredInUTC(t *testing.T) {
	due := t0.Add(100 * time.Hour)
	c := lcNeedsResponse(t)
	u := &UpdateRequest{DueAt: Set(due.In(time.FixedZone("CET", 3600)))}

	got, _, err := Update(c, u, testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, ptr(due), got.DueAt)
}

// SPEC 3.2: an update that changes nothing returns an equal case; the
// same instant written in another zone changes nothing.
func TestUpdate_SameDueAtInAnotherZone_IsNoOp(t *testing.T) {
	c := lcNeedsResponse(t)
	same := c.DueAt.In(time.FixedZone("PST", -8*3600))

	got, events, err := Update(c, &UpdateRequest{DueAt: Set(same)}, testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, c, got)
	assert.Empty(t, events)
}

func TestUpdate_UnchangedDueAt_NotRechecked(t *testing.T) {
	c := lcNeedsResponse(t)
	late := t0.Add(100 * time.Hour) // after validOpen's due time

	got, events, err := Update(c, &UpdateRequest{Summary: ptr("Late.")}, testEnv(late))
	require.NoError(t, err)
	assert.Equal(t, "Late.", got.Summary)
	assert.Equal(t, c.DueAt, got.DueAt)
	assert.Equal(t, late, got.UpdatedAt)
	assert.Len(t, events, 1)
}

func TestUpdate_InternalCase_Lifecycle(t *testing.T) {
	c := lcInternal(t)
	times := []time.Time{t0.Add(time.Minute), t0.Add(2 * time.Minute), t0.Add(3 * time.Minute),
		t0.Add(4 * time.Minute), t0.Add(5 * time.Minute)}

	// Changes while internal fire nothing.
	c1, events, err := Update(c, &UpdateRequest{Summary: ptr("Still internal.")},
		testEnv(times[0]))
	require.NoError(t, err)
	assert.Empty(t, events)
	assert.Nil(t, c1.OpenedAt)
	assert.Equal(t, times[0], c1.UpdatedAt)

	// The first flip shows the case.
	c2, events, err := Update(c1, lcMove(StatusNeedsResponse, ""), testEnv(times[1]))
	require.NoError(t, err)
	assert.Equal(t, ptr(times[1]), c2.OpenedAt)
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseOpened, events[0].Type)
	assert.Equal(t, c2, events[0].Data)

	// Later flips fire case.updated and leave opened_at.
	c3, events, err := Update(c2, lcMove(StatusUnderReview, ""), testEnv(times[2]))
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
	c4, events, err := Update(c3, lcMove(StatusNeedsResponse, ""), testEnv(times[3]))
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
	assert.Equal(t, ptr(times[1]), c4.OpenedAt)
	assert.Equal(t, times[3], c4.UpdatedAt)

	c5, events, err := Update(c4, lcMove(StatusResolved, ReasonNoResponseNeeded),
		testEnv(times[4]))
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
	assert.Equal(t, ptr(times[1]), c5.OpenedAt)
	assert.Equal(t, ptr(times[4]), c5.ResolvedAt)
	assert.NoError(t, c5.Validate())
}

func TestUpdate_ClockBehindCase_TimestampsDoNotRunBackwards(t *testing.T) {
	c := lcUpdate(t, lcNeedsResponse(t), &UpdateRequest{Summary: ptr("One.")}, lcNow)

	got, events, err := Update(c, lcMove(StatusResolved, ReasonNoResponseNeeded),
		testEnv(t0.Add(time.Minute)))
	require.NoError(t, err)
	assert.Equal(t, lcNow, got.UpdatedAt)
	assert.Equal(t, ptr(lcNow), got.ResolvedAt)
	assert.NoError(t, got.Validate())
	require.Len(t, events, 1)
	assert.Equal(t, lcNow, events[0].CreatedAt)
}

func TestUpdate_FlipBack_KeepsResponse(t *testing.T) {
	c := lcAnswered(t)

	got, events, err := Update(c, lcMove(StatusNeedsResponse, ""), testEnv(lcNow))
	require.NoError(t, err)
	assert.Equal(t, validAnswers(), got.Response)
	assert.Equal(t, ptr(t0), got.OpenedAt)
	assert.NoError(t, got.Validate())
	require.Len(t, events, 1)
	assert.Equal(t, EventCaseUpdated, events[0].Type)
}

// TestUpdate_EveryProblemAtOnce checks that an update reports every
// problem of its input, and of the case it would make, in one error.
func TestUpdate_EveryProblemAtOnce(t *testing.T) {
	fifty := map[string]*string{}
	for i := range 50 {
		fifty[fmt.Sprintf("new%02d", i)] = ptr("v")
	}
	past := lcNow.Add(-time.Hour)
	tests := []struct {
		name   string
		start  string
		update *UpdateRequest
		want   []at
	}{
		{"superseded without a reason, due time in the past", "needs_response",
			&UpdateRequest{Status: ptr(StatusSuperseded), DueAt: Set(past)},
			[]at{{"/due_at", CodeInvalidValue}, {"/resolution_reason", CodeRequired}}},
		{"superseded without a reason, 51 metadata pairs", "needs_response",
			&UpdateRequest{Status: ptr(StatusSuperseded), Metadata: fifty},
			[]at{{"/metadata", CodeTooMany}, {"/resolution_reason", CodeRequired}}},
		{"a reason of another status, a blank summary, a bad key", "under_review_answered",
			&UpdateRequest{
				Status: ptr(StatusResolved), ResolutionReason: ptr(ReasonParentFailed),
				Summary: ptr(" "), Metadata: map[string]*string{"a]": ptr("v")},
			},
			[]at{
				{"/metadata/a]", CodeInvalidFormat},
				{"/resolution_reason", CodeInvalidValue},
				{"/summary", CodeRequired},
			}},
		{"unknown status and reason, long details, due time now", "needs_response",
			&UpdateRequest{
				Status: ptr(Status("closed")), ResolutionReason: ptr(ResolutionReason("x")),
				Details: Set(strings.Repeat("d", 10001)), DueAt: Set(lcNow),
			},
			[]at{
				{"/details", CodeTooLong},
				{"/due_at", CodeInvalidValue},
				{"/resolution_reason", CodeUnknownValue},
				{"/status", CodeUnknownValue},
			}},
		{"a bad key removed and 51 pairs", "needs_response",
			&UpdateRequest{Metadata: func() map[string]*string {
				m := maps.Clone(fifty)
				m["b[0]"] = nil
				return m
			}()},
			[]at{{"/metadata", CodeTooMany}, {"/metadata/b[0]", CodeInvalidFormat}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)
			before := c.Clone()

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			assertInvalid(t, err, tt.want...)
			assert.Equal(t, 400, ProblemFor(err).Status)
			assert.Nil(t, got)
			assert.Nil(t, events)
			assert.Equal(t, before, c)
		})
	}
}

// TestUpdate_InputProblemsBeforeState checks the precedence that Update
// documents: a malformed update is refused for its input (400) even when
// the case's state would refuse it too (409); a well-formed one meets the
// state.
func TestUpdate_InputProblemsBeforeState(t *testing.T) {
	tests := []struct {
		name   string
		start  string
		update *UpdateRequest
		family error
		want   []at
	}{
		{"closed case, blank summary", "resolved",
			&UpdateRequest{Summary: ptr("")},
			ErrInvalid, []at{{"/summary", CodeRequired}}},
		{"closed case, reopened with a due time in the past", "superseded",
			&UpdateRequest{Status: ptr(StatusNeedsResponse), DueAt: Set(lcNow)},
			ErrInvalid, []at{{"/due_at", CodeInvalidValue}}},
		{"closed case, well-formed change", "superseded",
			&UpdateRequest{Status: ptr(StatusNeedsResponse), DueAt: Set(lcNow.Add(time.Hour))},
			ErrClosed, []at{{"", CodeCaseClosed}}},
		{"closed case, a reason of another status", "resolved",
			lcMove(StatusResolved, ReasonParentFailed),
			ErrInvalid, []at{{"/resolution_reason", CodeInvalidValue}}},
		{"no reason and no response, blank summary", "needs_response",
			&UpdateRequest{Status: ptr(StatusResolved), Summary: ptr("")},
			ErrInvalid, []at{{"/summary", CodeRequired}}},
		{"no reason and no response", "needs_response",
			&UpdateRequest{Status: ptr(StatusResolved), Summary: ptr("S.")},
			ErrTransition, []at{{"/resolution_reason", CodeReasonRequired}}},
		{"closed case, 51 metadata pairs", "resolved_answered",
			&UpdateRequest{Metadata: func() map[string]*string {
				m := map[string]*string{}
				for i := range 50 {
					m[fmt.Sprintf("k%02d", i)] = ptr("v")
				}
				return m
			}()},
			ErrInvalid, []at{{"/metadata", CodeTooMany}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lcStartNamed(t, tt.start)

			got, events, err := Update(c, tt.update, testEnv(lcNow))
			assertItems(t, err, tt.family, tt.want...)
			assert.Nil(t, got)
			assert.Nil(t, events)
		})
	}
}
