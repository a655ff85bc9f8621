package cases_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/casekit/cases"
)

// Schema renders the rules of a body as JSON Schema for partners that do
// not write Go; the schema is generated from the library's own rules.
func ExampleSchema() {
	fmt.Println(cases.SchemaNames())

	data, err := cases.Schema("open")
	if err != nil {
		log.Fatal(err)
	}
	var s struct {
		Schema     string   `json:"$schema"`
		Required   []string `json:"required"`
		Properties map[string]struct {
			Enum      []string `json:"enum"`
			MaxLength int      `json:"maxLength"`
		} `json:"properties"`
		NotExpressible []string `json:"x-not-expressible"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Required)
	fmt.Println(s.Properties["status"].Enum, s.Properties["summary"].MaxLength)
	for _, rule := range s.NotExpressible {
		fmt.Println("-", rule)
	}
	// Output:
	// [case event open respond.missing_information respond.ra_termination update]
	// https://json-schema.org/draft/2020-12/schema
	// [kind parent_id parent_type request status summary]
	// [needs_response under_review] 255
	// - duplicate_keys
	// - invalid_utf8
	// - size_and_depth
	// - unique_field_names
	// - enum_example_in_options
	// - finite_numbers
	// - integer_exponent
	// - email_syntax
	// - url_syntax
	// - timestamp_utc_year
	// - due_at_later_than_now
}

// LifecycleDiagram draws the transition table; the README's lifecycle
// section is its Markdown table and its Mermaid diagram.
func ExampleLifecycleDiagram() {
	diagram, err := cases.LifecycleDiagram("mermaid")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(diagram)
	// Output:
	// stateDiagram-v2
	//     [*] --> needs_response: open / case.opened
	//     [*] --> under_review: open / no event
	//     needs_response --> under_review: update / case.updated
	//     needs_response --> under_review: respond / case.updated
	//     under_review --> needs_response: update / case.opened or case.updated
	//     needs_response --> resolved: update (response_received or no_response_needed) / case.updated
	//     under_review --> resolved: update (response_received or no_response_needed) / case.updated
	//     needs_response --> superseded: update (parent_canceled or parent_completed or parent_failed) / case.updated
	//     under_review --> superseded: update (parent_canceled or parent_completed or parent_failed) / case.updated
	//     resolved --> [*]
	//     superseded --> [*]
}
