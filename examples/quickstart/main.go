// Quickstart shows the whole life of a missing_information case as a
// service sees it: the platform opens the case to ask its partner for a
// corrected legal name and the registered office of a filing; the
// partner's first answer breaks the rules and is refused with every
// problem at once, and with the RFC 9457 problem details the service would
// send back; the corrected answer is accepted; the platform resolves the
// case. It prints each event the operations produce and the final case.
//
// The Env of every step has a fixed time and a counting ID source, so the
// output is the same on every run.
//
// Run it from the repository root with:
//
//	go run ./examples/quickstart
package main

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

// The partner's first answer: the legal name is blank, the office has no
// city and a country that is not a code, the email is malformed, and one
// field was never asked for.
const wrongAnswer = `{"fields": {
	"corrected_legal_name": "  ",
	"registered_office": {
		"street_line_1": "8 The Green", "region": "DE",
		"postal_code": "19901", "country": "USA"
	},
	"contact_email": "Ops Team <ops@example.com>",
	"phone": "+13025550100"
}}`

// The partner's corrected answer.
const rightAnswer = `{"fields": {
	"corrected_legal_name": "Acme Holdings LLC",
	"registered_office": {
		"street_line_1": "8 The Green", "city": "Dover", "region": "DE",
		"postal_code": "19901", "country": "US"
	},
	"contact_email": "ops@example.com"
}}`

func main() {
	log.SetFlags(0)
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ids := sequentialIDs()
	at := func(t time.Time) cases.Env { return cases.Env{Now: t, NewID: ids} }

	// The platform opens the case; the partner sees it at once.
	c, events, err := cases.Open(openRequest(opened), at(opened))
	if err != nil {
		log.Fatal(err)
	}
	show("open", events)

	// The partner answers wrongly: the service refuses the answer.
	answered := opened.Add(26 * time.Hour)
	if _, _, err := respond(c, wrongAnswer, at(answered)); err != nil {
		showRefusal(err)
	} else {
		log.Fatal("the wrong answer was accepted")
	}

	// The partner corrects the answer: the case moves to under_review.
	c, events, err = respond(c, rightAnswer, at(answered.Add(time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	show("respond", events)

	// The platform has what it needed. With a stored response the reason
	// defaults to response_received.
	resolved := cases.StatusResolved
	u := &cases.UpdateRequest{Status: &resolved}
	c, events, err = cases.Update(c, u, at(answered.Add(3*time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	show("update", events)

	fmt.Println("final case:")
	printJSON(c)
}

// openRequest returns the body the platform sends to open the case.
func openRequest(now time.Time) *cases.OpenRequest {
	details := "The state rejected the name **Acme LLC**: it is already taken."
	due := now.Add(7 * 24 * time.Hour)
	return &cases.OpenRequest{
		ParentType: cases.ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       cases.KindMissingInformation,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Details:    &details,
		Request: &cases.MissingInformationRequest{Fields: []cases.FieldSpec{
			{
				Name:        "corrected_legal_name",
				Type:        cases.FieldString,
				Description: "Corrected legal name of the company.",
				Required:    true,
				Example:     "Acme Holdings LLC",
			},
			{
				Name:        "registered_office",
				Type:        cases.FieldAddress,
				Description: "Street address of the registered office.",
				Required:    true,
			},
			{
				Name:        "contact_email",
				Type:        cases.FieldEmail,
				Description: "Email address we can reach about this filing.",
			},
		}},
		DueAt:    &due,
		Metadata: cases.Metadata{"external_id": "user_123"},
	}
}

// respond does what the service does with a respond body: decode it
// strictly as the response of the case's kind, then store it.
func respond(c *cases.Case, body string, env cases.Env) (*cases.Case, []cases.Event, error) {
	resp, err := cases.Decoder{}.Response(c.Kind, []byte(body))
	if err != nil {
		return nil, nil, err
	}
	return cases.Respond(c, resp, env)
}

// showRefusal prints every problem of a refused input, then the problem
// details the service sends back.
func showRefusal(err error) {
	var e *cases.Error
	if !errors.As(err, &e) {
		log.Fatal(err)
	}
	fmt.Printf("respond refused (%d problems):\n", len(e.Items))
	for _, it := range e.Items {
		fmt.Printf("  %-36s %-15s %s\n", it.Pointer, it.Code, it.Message)
	}
	fmt.Println("\nproblem details:")
	printJSON(cases.ProblemFor(err))
	fmt.Println()
}

// show prints the events an operation produced.
func show(op string, events []cases.Event) {
	fmt.Printf("%s:\n", op)
	for _, ev := range events {
		fmt.Printf("  event %s %s\n", ev.Type, ev.ID)
	}
	fmt.Println()
}

func printJSON(v any) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		log.Fatal(err)
	}
}

// sequentialIDs returns an ID source that counts up from 1, so that every
// ID in the output is predictable. A real service leaves Env.NewID nil and
// gets UUIDv7 identifiers.
func sequentialIDs() func() (uuid.UUID, error) {
	n := 0
	return func() (uuid.UUID, error) {
		n++
		return uuid.Parse(fmt.Sprintf("00000000-0000-7000-8000-%012d", n))
	}
}
