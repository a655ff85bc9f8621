package cases_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/casekit/cases"
	"github.com/google/uuid"
)

// This is the quick example of the README: the platform asks its partner
// for a corrected legal name, and the partner answers.
func Example() {
	c, events, err := cases.Open(&cases.OpenRequest{
		ParentType: cases.ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       cases.KindMissingInformation,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Request: &cases.MissingInformationRequest{Fields: []cases.FieldSpec{{
			Name:        "corrected_legal_name",
			Type:        cases.FieldString,
			Description: "Corrected legal name of the company.",
			Required:    true,
		}}},
	}, cases.Env{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, events[0].Type)

	// An answer that leaves out a required field is refused.
	_, _, err = cases.Respond(c, &cases.MissingInformationResponse{
		Fields: map[string]any{},
	}, cases.Env{})
	fmt.Println(errors.Is(err, cases.ErrInvalid), err)

	c, events, err = cases.Respond(c, &cases.MissingInformationResponse{
		Fields: map[string]any{"corrected_legal_name": "Acme Holdings LLC"},
	}, cases.Env{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, events[0].Type)
	// Output:
	// needs_response case.opened
	// true cases: invalid input: /fields/corrected_legal_name: required: field is required
	// under_review case.updated
}

// t0 is the time the examples open their cases at.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// envAt returns an Env at time now whose IDs count up from 1, so that the
// examples print the same IDs on every run.
func envAt(now time.Time) cases.Env {
	n := 0
	return cases.Env{Now: now, NewID: func() (uuid.UUID, error) {
		n++
		return uuid.Parse(fmt.Sprintf("00000000-0000-7000-8000-%012d", n))
	}}
}

// openFiling opens, at t0, a case that asks for a corrected legal name and
// an optional contact email.
func openFiling() *cases.Case {
	c, _, err := cases.Open(&cases.OpenRequest{
		ParentType: cases.ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       cases.KindMissingInformation,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Request: &cases.MissingInformationRequest{Fields: []cases.FieldSpec{
			{Name: "corrected_legal_name", Type: cases.FieldString,
				Description: "Corrected legal name of the company.", Required: true},
			{Name: "contact_email", Type: cases.FieldEmail,
				Description: "Email address we can reach about this filing."},
		}},
	}, envAt(t0))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

func printJSON(v any) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		log.Fatal(err)
	}
}

func ExampleOpen() {
	due := t0.Add(7 * 24 * time.Hour)
	c, events, err := cases.Open(&cases.OpenRequest{
		ParentType: cases.ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       cases.KindMissingInformation,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Request: &cases.MissingInformationRequest{Fields: []cases.FieldSpec{{
			Name:        "entity_type",
			Type:        cases.FieldEnum,
			Description: "Type of company to form.",
			Required:    true,
			Options:     []string{"llc", "corporation"},
		}}},
		DueAt:    &due,
		Metadata: cases.Metadata{"external_id": "user_123"},
	}, envAt(t0))
	if err != nil {
		log.Fatal(err)
	}
	for _, ev := range events {
		fmt.Println(ev.Type, ev.ID)
	}
	printJSON(c)
	// Output:
	// case.opened 00000000-0000-7000-8000-000000000002
	// {
	//   "id": "00000000-0000-7000-8000-000000000001",
	//   "object": "case",
	//   "created_at": "2026-03-02T09:00:00Z",
	//   "updated_at": "2026-03-02T09:00:00Z",
	//   "metadata": {
	//     "external_id": "user_123"
	//   },
	//   "parent_type": "filing",
	//   "parent_id": "fil_1a2b3c",
	//   "kind": "missing_information",
	//   "status": "needs_response",
	//   "summary": "Additional information needed to complete your filing.",
	//   "details": null,
	//   "request": {
	//     "fields": [
	//       {
	//         "name": "entity_type",
	//         "type": "enum",
	//         "description": "Type of company to form.",
	//         "required": true,
	//         "options": [
	//           "llc",
	//           "corporation"
	//         ]
	//       }
	//     ]
	//   },
	//   "response": null,
	//   "opened_at": "2026-03-02T09:00:00Z",
	//   "due_at": "2026-03-09T09:00:00Z",
	//   "resolved_at": null,
	//   "resolution_reason": null
	// }
}

func ExampleUpdate() {
	c := openFiling()

	// The platform no longer needs the answer: its own records held it.
	resolved := cases.StatusResolved
	reason := cases.ReasonNoResponseNeeded
	u := &cases.UpdateRequest{Status: &resolved, ResolutionReason: &reason}
	c, events, err := cases.Update(c, u, envAt(t0.Add(time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, c.ResolutionReason, c.ResolvedAt.Format(time.RFC3339))
	fmt.Println(len(events), events[0].Type)

	// A retry of the same update changes nothing and produces no event.
	again, events, err := cases.Update(c, u, envAt(t0.Add(2*time.Hour)))
	fmt.Println(again.UpdatedAt.Equal(c.UpdatedAt), len(events), err)

	// Any other change to a closed case is refused.
	summary := "Please send the company's legal name."
	_, _, err = cases.Update(c, &cases.UpdateRequest{Summary: &summary}, envAt(t0))
	fmt.Println(errors.Is(err, cases.ErrClosed))
	// Output:
	// resolved no_response_needed 2026-03-02T10:00:00Z
	// 1 case.updated
	// true 0 <nil>
	// true
}

func ExampleRespond() {
	c := openFiling()
	answer := &cases.MissingInformationResponse{Fields: map[string]any{
		"corrected_legal_name": "Acme Holdings LLC",
		"contact_email":        "ops@example.com",
	}}

	c, events, err := cases.Respond(c, answer, envAt(t0.Add(time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, events[0].Type)

	// The same answer sent again, as a retried request, is a no-op.
	_, events, err = cases.Respond(c, answer, envAt(t0.Add(2*time.Hour)))
	fmt.Println(len(events), err)

	// A different answer is refused: the case is no longer waiting.
	answer.Fields["contact_email"] = "legal@example.com"
	_, _, err = cases.Respond(c, answer, envAt(t0.Add(3*time.Hour)))
	fmt.Println(errors.Is(err, cases.ErrNotAwaitingResponse))
	// Output:
	// under_review case.updated
	// 0 <nil>
	// true
}

func ExampleCloseForParent() {
	c := openFiling()

	// The state rejected the filing: its open case is superseded.
	c, events, err := cases.CloseForParent(c, cases.ParentRejected, envAt(t0.Add(time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, c.ResolutionReason, events[0].Type)

	// Closing it again for the same outcome is a retry: nothing changes.
	same, events, err := cases.CloseForParent(c, cases.ParentFailed, envAt(t0.Add(2*time.Hour)))
	fmt.Println(same.Status, same.ResolutionReason, len(events), err)

	// Another outcome would change a closed case, which is refused.
	_, _, err = cases.CloseForParent(c, cases.ParentCompleted, envAt(t0.Add(2*time.Hour)))
	fmt.Println(errors.Is(err, cases.ErrClosed))
	// Output:
	// superseded parent_failed case.updated
	// superseded parent_failed 0 <nil>
	// true
}

func ExampleCase_CheckResponse() {
	c := openFiling()

	// A partner checks its customer's answers before it sends them.
	err := c.CheckResponse(&cases.MissingInformationResponse{Fields: map[string]any{
		"corrected_legal_name": "",
		"contact_email":        "Ops Team <ops@example.com>",
		"phone":                "+13025550100",
	}})
	var e *cases.Error
	if errors.As(err, &e) {
		for _, it := range e.Items {
			fmt.Println(it)
		}
	}

	err = c.CheckResponse(&cases.MissingInformationResponse{Fields: map[string]any{
		"corrected_legal_name": "Acme Holdings LLC",
	}})
	fmt.Println(err)
	// Output:
	// /fields/contact_email: invalid_format: value must be a bare email address
	// /fields/corrected_legal_name: required: field is required
	// /fields/phone: unknown_field: field was not requested
	// <nil>
}

func ExampleCheckMove() {
	moves := []struct {
		from, to    cases.Status
		reason      cases.ResolutionReason
		hasResponse bool
	}{
		{cases.StatusUnderReview, cases.StatusResolved, "", true},
		{cases.StatusNeedsResponse, cases.StatusResolved, "", false},
		{cases.StatusNeedsResponse, cases.StatusSuperseded, cases.ReasonNoResponseNeeded, false},
		{cases.StatusNeedsResponse, cases.StatusNeedsResponse, cases.ReasonParentFailed, false},
		{cases.StatusResolved, cases.StatusNeedsResponse, "", true},
		// A repeat of the status is not a move: allowed, and a no-op.
		{cases.StatusUnderReview, cases.StatusUnderReview, "", true},
		{cases.StatusResolved, cases.StatusResolved, cases.ReasonNoResponseNeeded, false},
	}
	for _, m := range moves {
		err := cases.CheckMove(m.from, m.to, m.reason, m.hasResponse)
		fmt.Printf("%s -> %s: ", m.from, m.to)
		var e *cases.Error
		if !errors.As(err, &e) {
			fmt.Println("allowed")
			continue
		}
		fmt.Println(e.Items[0].Code, errors.Is(err, cases.ErrTransition))
	}
	// Output:
	// under_review -> resolved: allowed
	// needs_response -> resolved: resolution_reason_required true
	// needs_response -> superseded: invalid_value false
	// needs_response -> needs_response: not_allowed false
	// resolved -> needs_response: case_closed false
	// under_review -> under_review: allowed
	// resolved -> resolved: allowed
}

func ExampleProblemFor() {
	c := openFiling()

	// Resolving a case that holds no response needs a reason.
	resolved := cases.StatusResolved
	_, _, err := cases.Update(c, &cases.UpdateRequest{Status: &resolved}, envAt(t0))

	w := os.Stdout // an http.ResponseWriter, in a service
	p := cases.ProblemFor(err)
	fmt.Fprintln(w, "HTTP status:", p.Status)
	printJSON(p)
	// Output:
	// HTTP status: 409
	// {
	//   "type": "https://pkg.go.dev/github.com/casekit/cases#ErrTransition",
	//   "title": "Illegal transition",
	//   "status": 409,
	//   "detail": "1 problem found",
	//   "errors": [
	//     {
	//       "pointer": "/resolution_reason",
	//       "code": "resolution_reason_required",
	//       "detail": "resolution_reason is required to resolve a case without a response"
	//     }
	//   ]
	// }
}

func ExampleMoves() {
	for _, t := range cases.Moves(cases.StatusUnderReview) {
		fmt.Printf("%s -> %s by %s, fires %v\n", t.From, t.To, t.Op, t.Events())
		if t.Reasons != nil {
			fmt.Println("  reasons:", t.Reasons)
		}
	}
	// Output:
	// under_review -> needs_response by update, fires [case.opened case.updated]
	// under_review -> resolved by update, fires [case.updated]
	//   reasons: [response_received no_response_needed]
	// under_review -> superseded by update, fires [case.updated]
	//   reasons: [parent_canceled parent_completed parent_failed]
}

func ExampleCase_Validate() {
	c := openFiling()
	if err := c.Validate(); err != nil {
		log.Fatal(err)
	}

	// A case built or changed by hand is checked as a whole before it is
	// stored: its fields and the invariants between them.
	c.Summary = "First line\nsecond line"
	c.Status = cases.StatusResolved
	err := c.Validate()
	var e *cases.Error
	if errors.As(err, &e) {
		for _, it := range e.Items {
			fmt.Println(it)
		}
	}
	// Output:
	// /resolution_reason: required: resolution_reason is required once the case is closed
	// /resolved_at: required: resolved_at is required once the case is closed
	// /summary: invalid_format: summary must be one line of valid UTF-8 without control characters
}

func ExampleCase_IsOverdue() {
	c := openFiling()
	due := t0.Add(48 * time.Hour)
	c.DueAt = &due

	for _, now := range []time.Time{t0, due, due.Add(time.Minute)} {
		fmt.Println(now.Format(time.RFC3339), c.IsOverdue(now), c.IsDueWithin(now, 24*time.Hour))
	}
	// Output:
	// 2026-03-02T09:00:00Z false false
	// 2026-03-04T09:00:00Z false true
	// 2026-03-04T09:01:00Z true false
}

func ExampleCase_IsDueWithin() {
	c := openFiling()
	due := t0.Add(48 * time.Hour)
	c.DueAt = &due

	// A reminder job asks which open cases fall due in the next day.
	now := t0.Add(30 * time.Hour)
	fmt.Println(c.IsDueWithin(now, 12*time.Hour), c.IsDueWithin(now, 24*time.Hour))

	// A closed case is never due.
	resolved := cases.StatusResolved
	reason := cases.ReasonNoResponseNeeded
	c, _, err := cases.Update(c, &cases.UpdateRequest{
		Status: &resolved, ResolutionReason: &reason,
	}, envAt(now))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.IsDueWithin(now, 24*time.Hour), c.IsOverdue(due.Add(time.Hour)))
	// Output:
	// false true
	// false false
}
