package cases_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/casekit/cases"
)

func ExampleDecoder_Update() {
	c := openFiling()

	// A service decodes the body of PATCH /v1/case/{id} strictly: the keys
	// fixed at opening are refused, and every problem comes back at once.
	_, err := cases.Decoder{}.Update([]byte(`{
		"kind": "ra_termination",
		"summary": "",
		"resolution_reason": "parent_failed"
	}`))
	var e *cases.Error
	if errors.As(err, &e) {
		for _, it := range e.Items {
			fmt.Println(it)
		}
	}

	// A valid body says what to change; Update checks it against the case.
	u, err := cases.Decoder{}.Update([]byte(`{"due_at": null, "metadata": {"tier": "gold"}}`))
	if err != nil {
		log.Fatal(err)
	}
	c, events, err := cases.Update(c, u, envAt(t0.Add(time.Hour)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.DueAt, c.Metadata, events[0].Type)
	// Output:
	// /kind: not_allowed: kind cannot change after a case is opened
	// /resolution_reason: not_allowed: resolution_reason is only allowed with a move to a terminal status
	// /summary: required: summary is required
	// <nil> map[tier:gold] case.updated
}

func ExampleDecoder_Response() {
	c := openFiling()

	// The body of POST /v1/case/{id}/response is the kind's response
	// itself. The decoder checks its shape; Respond checks the answers
	// against the case's request.
	body := []byte(`{"fields": {"corrected_legal_name": "Acme Holdings LLC", "fax": 5}}`)
	resp, err := cases.Decoder{}.Response(c.Kind, body)
	if err != nil {
		log.Fatal(err)
	}
	_, _, err = cases.Respond(c, resp, envAt(t0.Add(time.Hour)))
	fmt.Println(err)

	_, err = cases.Decoder{}.Response(c.Kind, []byte(`{"fields": {"a": 1}, "fields": {}}`))
	fmt.Println(err)
	// Output:
	// cases: invalid input: /fields/fax: unknown_field: field was not requested
	// cases: invalid input: /fields: duplicate: key must not appear twice in one object
}

func ExampleDecoder_Event() {
	data := []byte(`{
		"id": "00000000-0000-7000-8000-000000000009",
		"object": "event",
		"type": "case.reopened",
		"created_at": "2026-03-02T10:00:00+01:00",
		"data": null
	}`)

	// A partner reads the events the platform delivers leniently: a type
	// added after its code was written is kept, and the time is in UTC.
	e, err := cases.Decoder{Lenient: true}.Event(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Type, e.Type.IsKnown(), e.CreatedAt.Format(time.RFC3339), e.Data == nil)

	// Read strictly, as the platform checks what it is about to send.
	_, err = cases.Decoder{}.Event(data)
	var pe *cases.Error
	if errors.As(err, &pe) {
		for _, it := range pe.Items {
			fmt.Println(it)
		}
	}
	// Output:
	// case.reopened false 2026-03-02T09:00:00Z true
	// /data: required: data is required
	// /type: unknown_value: type is not a known value
}

func ExampleDecoder_Open() {
	body := []byte(`{
		"id": "9b2e0c1a-2f4d-4c1e-8d7a-1f2e3d4c5b6a",
		"parent_type": "Filing",
		"parent_id": "fil 1a2b3c",
		"kind": "missing_information",
		"status": "resolved",
		"summary": "  ",
		"request": {"fields": [
			{"name": "legal_name", "type": "string", "description": "Legal name.",
			 "options": ["a"]},
			{"name": "legal_name", "type": "currency", "description": "Capital."},
			{"name": "Email", "type": "email", "description": "Email.", "example": "ops"}
		]}
	}`)
	_, err := cases.Decoder{}.Open(body)

	var e *cases.Error
	if errors.As(err, &e) {
		for _, it := range e.Items {
			fmt.Printf("%-26s %s\n", it.Pointer, it.Code)
		}
	}
	// Output:
	// /id                        unknown_field
	// /parent_id                 invalid_format
	// /parent_type               unknown_value
	// /request/fields/0/options  not_allowed
	// /request/fields/1/name     duplicate
	// /request/fields/1/type     unknown_value
	// /request/fields/2/example  invalid_format
	// /request/fields/2/name     invalid_format
	// /status                    invalid_value
	// /summary                   required
}

func ExampleDecoder_Case() {
	// The platform added a status after this code was written.
	data := []byte(`{
		"id": "00000000-0000-7000-8000-000000000001",
		"object": "case",
		"created_at": "2026-03-02T09:00:00Z",
		"updated_at": "2026-03-02T09:00:00Z",
		"metadata": {},
		"parent_type": "filing",
		"parent_id": "fil_1a2b3c",
		"kind": "missing_information",
		"status": "awaiting_signature",
		"summary": "Additional information needed to complete your filing.",
		"details": null,
		"request": {"fields": [
			{"name": "corrected_legal_name", "type": "string",
			 "description": "Corrected legal name of the company.", "required": true}
		]},
		"response": null,
		"opened_at": "2026-03-02T09:00:00Z",
		"due_at": null,
		"resolved_at": null,
		"resolution_reason": null,
		"livemode": false
	}`)

	// A partner decodes leniently: the unknown status is kept as it is,
	// and the unknown key is ignored.
	c, err := cases.Decoder{Lenient: true}.Case(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Status, c.Status.IsKnown(), c.Status.IsOpen(), c.Status.IsTerminal())
	out, err := json.Marshal(c)
	if err != nil {
		log.Fatal(err)
	}
	var back struct{ Status string }
	if err := json.Unmarshal(out, &back); err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.Status)

	// A service checking the case before it stores it decodes strictly.
	_, err = cases.Decoder{}.Case(data)
	var e *cases.Error
	if errors.As(err, &e) {
		for _, it := range e.Items {
			fmt.Println(it)
		}
	}
	// Output:
	// awaiting_signature false false false
	// awaiting_signature
	// /livemode: unknown_field: key is not defined here
	// /status: unknown_value: status is not a known value
}
