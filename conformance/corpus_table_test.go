package conformance

import (
	"strings"

	"github.com/casekit/cases"
)

// The base documents that the entries change.
const (
	openMI = `{
  "parent_type": "filing", "parent_id": "fil_1a2b3c", "kind": "missing_information",
  "status": "needs_response", "summary": "Additional information needed.",
  "details": "Line one.\nLine two.",
  "request": {"fields": [
    {"name": "corrected_legal_name", "type": "string", "description": "Corrected legal name.",
     "required": true, "example": "Acme Holdings LLC"},
    {"name": "entity_type", "type": "enum", "description": "Type of company.",
     "options": ["llc", "corporation"], "example": "llc"},
    {"name": "registered_address", "type": "address", "description": "Registered office.",
     "required": true}
  ]},
  "due_at": "2030-11-07T05:31:56Z",
  "metadata": {"external_id": "user_123"}
}`
	openRA = `{
  "parent_type": "business", "parent_id": "biz_42", "kind": "ra_termination",
  "status": "under_review", "summary": "Registered-agent service ends.",
  "request": {"reason": "switching_providers", "reason_detail": null}
}`
	address = `{"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
  "postal_code": "19901", "country": "US"}`
	respondRA = `{"acknowledged": true, "successor_agent": {"name": "Agents Inc.",
  "address": {"street_line_1": "1 Main St", "street_line_2": "Suite 2", "city": "Dover",
  "county": "Kent", "region": "DE", "postal_code": "19901", "country": "US"}}}`
	caseMI = `{
  "id": "0190d6a4-5c5e-7b6e-8f00-000000000001", "object": "case",
  "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-02T09:00:00Z",
  "metadata": {}, "parent_type": "filing", "parent_id": "fil_1a2b3c",
  "kind": "missing_information", "status": "under_review",
  "summary": "Additional information needed.", "details": null,
  "request": {"fields": [
    {"name": "corrected_legal_name", "type": "string", "description": "Corrected legal name.",
     "required": true},
    {"name": "entity_type", "type": "enum", "description": "Type of company.",
     "options": ["llc", "corporation"]}
  ]},
  "response": {"fields": {"corrected_legal_name": "Acme Holdings LLC", "entity_type": "llc"}},
  "opened_at": "2026-03-01T09:00:00Z", "due_at": null, "resolved_at": null,
  "resolution_reason": null
}`
	caseRA = `{
  "id": "0190d6a4-5c5e-7b6e-8f00-000000000002", "object": "case",
  "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-03T09:00:00Z",
  "metadata": {"k": "v"}, "parent_type": "business", "parent_id": "biz_42",
  "kind": "ra_termination", "status": "superseded", "summary": "Registered-agent service ends.",
  "details": "Because.", "request": {"reason": "other", "reason_detail": "Moving states."},
  "response": null, "opened_at": "2026-03-01T09:00:00Z", "due_at": "2026-04-01T00:00:00Z",
  "resolved_at": "2026-03-03T09:00:00Z", "resolution_reason": "parent_failed"
}`
)

// event wraps a case in an event envelope.
func event(caseJSON string) string {
	return `{"id": "0190d6a4-5c5e-7b6e-8f00-0000000000e1", "object": "event",
  "type": "case.updated", "created_at": "2026-03-02T09:00:00Z", "data": ` + caseJSON + `}`
}

func buildCorpus() *corpus {
	c := &corpus{}
	openBodies(c)
	openFields(c)
	openDisagreements(c)
	updateBodies(c)
	respondBodies(c)
	caseBodies(c)
	eventBodies(c)
	casetestBodies(c)
	return c
}

func updateBodies(c *corpus) {
	ok := func(name, body string) { c.raw("update", valid, name, body) }
	bad := func(name, body string) { c.raw("update", invalid, name, body) }
	ok("empty", `{}`)
	ok("to_under_review", `{"status": "under_review"}`)
	ok("to_needs_response", `{"status": "needs_response"}`)
	ok("resolve_by_default", `{"status": "resolved"}`)
	ok("resolve_response_received",
		`{"status": "resolved", "resolution_reason": "response_received"}`)
	ok("resolve_no_response_needed",
		`{"status": "resolved", "resolution_reason": "no_response_needed"}`)
	ok("resolve_reason_null", `{"status": "resolved", "resolution_reason": null}`)
	for _, r := range []string{"parent_canceled", "parent_completed", "parent_failed"} {
		ok("supersede_"+r, `{"status": "superseded", "resolution_reason": "`+r+`"}`)
	}
	ok("supersede_without_reason", `{"status": "superseded"}`)
	ok("reason_null_alone", `{"resolution_reason": null}`)
	ok("summary", `{"summary": "New summary."}`)
	ok("summary_at_255", `{"summary": "`+rep("s", 255)+`"}`)
	ok("details_null", `{"details": null}`)
	ok("details", `{"details": "New\ndetails."}`)
	ok("due_at_null", `{"due_at": null}`)
	ok("due_at", `{"due_at": "2031-01-01T00:00:00Z"}`)
	ok("metadata_merge", `{"metadata": {"k": "v", "gone": null}}`)
	ok("metadata_null", `{"metadata": null}`)
	ok("metadata_60_pairs_before_merge", string(mustMarshal(map[string]any{"metadata": pairs(60)})))
	ok("everything", `{"status": "resolved", "resolution_reason": "no_response_needed",
		"summary": "Done.", "details": null, "due_at": null, "metadata": {"a": "b"}}`)

	for _, k := range []string{"parent_type", "parent_id", "kind", "request"} {
		bad("not_allowed_"+k, `{"`+k+`": "x"}`)
	}
	bad("unknown_key", `{"id": "x"}`)
	bad("status_unknown", `{"status": "closed"}`)
	bad("status_null", `{"status": null}`)
	bad("status_empty", `{"status": ""}`)
	bad("status_number", `{"status": 1}`)
	bad("reason_without_status", `{"resolution_reason": "no_response_needed"}`)
	bad("reason_with_open_status",
		`{"status": "under_review", "resolution_reason": "parent_failed"}`)
	bad("reason_of_other_status", `{"status": "resolved", "resolution_reason": "parent_failed"}`)
	bad("reason_of_resolved_to_superseded", `{"status": "superseded",
		"resolution_reason": "response_received"}`)
	bad("reason_unknown", `{"status": "resolved", "resolution_reason": "done"}`)
	bad("reason_empty", `{"status": "resolved", "resolution_reason": ""}`)
	bad("summary_null", `{"summary": null}`)
	bad("summary_empty", `{"summary": ""}`)
	bad("summary_blank", `{"summary": " "}`)
	bad("summary_past_255", `{"summary": "`+rep("s", 256)+`"}`)
	bad("summary_newline", `{"summary": "a\nb"}`)
	bad("details_past_10000", `{"details": "`+rep("d", 10001)+`"}`)
	bad("details_number", `{"details": 1}`)
	bad("due_at_words", `{"due_at": "tomorrow"}`)
	bad("due_at_number", `{"due_at": 5}`)
	bad("metadata_key_past_40", `{"metadata": {"`+rep("k", 41)+`": "v"}}`)
	bad("metadata_value_past_500", `{"metadata": {"k": "`+rep("v", 501)+`"}}`)
	bad("metadata_value_number", `{"metadata": {"k": 5}}`)
	bad("metadata_array", `{"metadata": []}`)
	bad("metadata_key_bracket", `{"metadata": {"a[0]": "v"}}`)
	bad("body_null", `null`)
	bad("body_array", `[]`)
	bad("not_json", `{"status": }`)
	c.raw("update", refusedByLibrary("duplicate_keys", at("/status", cases.CodeDuplicate)),
		"status_twice",
		`{"status": "resolved", "status": "under_review"}`)
	c.raw("update", refusedByLibrary("invalid_utf8", at("/details", cases.CodeInvalidFormat)),
		"details_invalid_utf8", "{\"details\": \"a\xffb\"}")
}

func respondBodies(c *corpus) {
	const mi = "respond.missing_information"
	c.raw(mi, valid, "no_answers", `{"fields": {}}`)
	c.raw(mi, valid, "answers_of_every_json_type",
		`{"fields": {"a": "x", "b": 1.5, "c": null, "d": {"x": [1, true]}, "e": false}}`)
	c.raw(mi, valid, "names_not_checked_without_the_request", `{"fields": {"Not A Name": "x"}}`)
	c.raw(mi, invalid, "fields_missing", `{}`)
	c.raw(mi, invalid, "fields_null", `{"fields": null}`)
	c.raw(mi, invalid, "fields_array", `{"fields": []}`)
	c.raw(mi, invalid, "fields_string", `{"fields": "x"}`)
	c.raw(mi, invalid, "unknown_key", `{"fields": {}, "extra": 1}`)
	c.raw(mi, invalid, "body_null", `null`)
	c.raw(mi, invalid, "body_array", `[]`)
	c.raw(mi, invalid, "not_json", `{"fields": {"a": tru}}`)
	c.raw(mi, refusedByLibrary("duplicate_keys", at("/fields/a", cases.CodeDuplicate)),
		"answer_twice", `{"fields": {"a": "x", "a": "y"}}`)
	c.raw(mi, refusedByLibrary("size_and_depth",
		at("/fields/a"+rep("/0", 30), cases.CodeTooDeep)),
		"answer_33_levels_deep",
		`{"fields": {"a": `+nested(31)+`}}`)
	c.raw(mi, refusedByLibrary("invalid_utf8", at("/fields/a", cases.CodeInvalidFormat)),
		"answer_invalid_utf8", "{\"fields\": {\"a\": \"\xfe\"}}")
	c.raw(mi, refusedByLibrary("invalid_utf8", at("/fields/a", cases.CodeInvalidFormat)),
		"answer_lone_surrogate", `{"fields": {"a": "\udc00"}}`)
	c.raw(mi, valid, "answer_32_levels_deep", `{"fields": {"a": `+nested(30)+`}}`)
	c.raw(mi, valid, "body_of_1_mib", padded(`{"fields": {}}`, cases.DefaultMaxBytes))
	c.raw(mi, refusedByLibrary("size_and_depth", at("", cases.CodeTooLarge)),
		"body_past_1_mib", padded(`{"fields": {}}`, cases.DefaultMaxBytes+1))

	const ra = "respond.ra_termination"
	ok := func(name string, m ...mutation) { c.add(ra, valid, name, respondRA, m...) }
	bad := func(name string, m ...mutation) { c.add(ra, invalid, name, respondRA, m...) }
	ok("with_successor")
	ok("acknowledged_only", del("/successor_agent"))
	ok("successor_null", set("/successor_agent", nil))
	ok("optional_address_parts_null", set("/successor_agent/address/street_line_2", nil),
		set("/successor_agent/address/county", nil))
	ok("optional_address_parts_absent", del("/successor_agent/address/street_line_2"),
		del("/successor_agent/address/county"))
	ok("name_at_255", set("/successor_agent/name", rep("n", 255)))
	ok("country_kosovo", set("/successor_agent/address/country", "XK"))
	bad("acknowledged_missing", del("/acknowledged"))
	bad("acknowledged_false", set("/acknowledged", false))
	bad("acknowledged_null", set("/acknowledged", nil))
	bad("acknowledged_string", set("/acknowledged", "true"))
	bad("successor_empty", set("/successor_agent", map[string]any{}))
	bad("successor_name_missing", del("/successor_agent/name"))
	bad("successor_name_blank", set("/successor_agent/name", " "))
	bad("successor_name_past_255", set("/successor_agent/name", rep("n", 256)))
	bad("successor_unknown_key", set("/successor_agent/phone", "+13025550100"))
	bad("address_missing", del("/successor_agent/address"))
	bad("address_null", set("/successor_agent/address", nil))
	bad("address_missing_country", del("/successor_agent/address/country"))
	bad("address_country_lower_case", set("/successor_agent/address/country", "us"))
	bad("address_country_unknown", set("/successor_agent/address/country", "ZZ"))
	bad("address_unknown_key", set("/successor_agent/address/planet", "Earth"))
	bad("address_street_past_255", set("/successor_agent/address/street_line_1", rep("s", 256)))
	bad("address_postal_code_newline", set("/successor_agent/address/postal_code", "1\n2"))
	bad("address_street_line_2_number", set("/successor_agent/address/street_line_2", 2))
	bad("address_city_null", set("/successor_agent/address/city", nil))
	bad("unknown_key", set("/note", "x"))
	c.raw(ra, invalid, "body_null", `null`)
	c.raw(ra, refusedByLibrary("duplicate_keys", at("/acknowledged", cases.CodeDuplicate)),
		"acknowledged_twice",
		`{"acknowledged": false, "acknowledged": true}`)
}

func caseBodies(c *corpus) {
	ok := func(name string, m ...mutation) { c.add("case", valid, name, caseMI, m...) }
	bad := func(name string, m ...mutation) { c.add("case", invalid, name, caseMI, m...) }
	ok("under_review_with_response")
	c.add("case", valid, "ra_superseded", caseRA)
	ok("needs_response", set("/status", "needs_response"), set("/response", nil))
	ok("internal", set("/opened_at", nil), set("/response", nil))
	ok("resolved_response_received", set("/status", "resolved"),
		set("/resolved_at", "2026-03-02T09:00:00Z"), set("/resolution_reason", "response_received"))
	ok("resolved_no_response_needed", set("/status", "resolved"), set("/response", nil),
		set("/resolved_at", "2026-03-02T09:00:00Z"),
		set("/resolution_reason", "no_response_needed"))
	ok("without_object_key", del("/object"))
	ok("optional_keys_absent", del("/object"), del("/metadata"), del("/details"),
		del("/due_at"), del("/resolved_at"), del("/resolution_reason"))
	ok("metadata_null", set("/metadata", nil))
	ok("metadata_at_50", set("/metadata", pairs(50)))
	ok("response_leaves_optional_field_out",
		set("/response/fields", map[string]any{"corrected_legal_name": "Acme"}))
	c.add("case", valid, "ra_needs_response", caseRA, set("/status", "needs_response"),
		set("/resolved_at", nil), set("/resolution_reason", nil))
	c.add("case", valid, "ra_under_review_with_response", caseRA, set("/status", "under_review"),
		set("/resolved_at", nil), set("/resolution_reason", nil),
		set("/response", map[string]any{"acknowledged": true}))

	bad("id_missing", del("/id"))
	bad("id_upper_case", set("/id", "0190D6A4-5C5E-7B6E-8F00-000000000001"))
	bad("id_not_uuid", set("/id", "case_1"))
	bad("object_event", set("/object", "event"))
	bad("object_null", set("/object", nil))
	bad("created_at_missing", del("/created_at"))
	bad("created_at_null", set("/created_at", nil))
	bad("updated_at_bad_format", set("/updated_at", "2026-03-02 09:00:00"))
	bad("status_unknown", set("/status", "awaiting_signature"))
	bad("kind_unknown", set("/kind", "document_request"))
	bad("needs_response_without_opened_at", set("/status", "needs_response"),
		set("/response", nil), set("/opened_at", nil))
	bad("response_without_opened_at", set("/opened_at", nil))
	bad("open_with_resolved_at", set("/resolved_at", "2026-03-02T09:00:00Z"))
	bad("open_with_reason", set("/resolution_reason", "no_response_needed"))
	bad("resolved_without_resolved_at", set("/status", "resolved"),
		set("/resolution_reason", "response_received"))
	bad("resolved_without_reason", set("/status", "resolved"),
		set("/resolved_at", "2026-03-02T09:00:00Z"))
	bad("resolved_with_superseded_reason", set("/status", "resolved"),
		set("/resolved_at", "2026-03-02T09:00:00Z"), set("/resolution_reason", "parent_failed"))
	bad("response_received_without_response", set("/status", "resolved"), set("/response", nil),
		set("/resolved_at", "2026-03-02T09:00:00Z"), set("/resolution_reason", "response_received"))
	bad("reason_empty", set("/resolution_reason", ""))
	bad("unknown_key", set("/partner_note", "x"))
	bad("metadata_past_50", set("/metadata", pairs(51)))
	bad("request_null", set("/request", nil))
	bad("request_missing", del("/request"))
	bad("response_without_fields", set("/response", map[string]any{}))
	bad("summary_missing", del("/summary"))
	c.add("case", invalid, "ra_parent_filing", caseRA, set("/parent_type", "filing"))
	c.add("case", invalid, "ra_superseded_with_resolved_reason", caseRA,
		set("/resolution_reason", "no_response_needed"))
	c.add("case", invalid, "ra_response_not_acknowledged", caseRA, set("/status", "under_review"),
		set("/resolved_at", nil), set("/resolution_reason", nil),
		set("/response", map[string]any{"acknowledged": false}))
	c.add("case", invalid, "ra_other_without_detail", caseRA, set("/request/reason_detail", nil))

	c.add("case", refusedByLibrary("timestamp_order", at("/opened_at", cases.CodeInvalidValue)),
		"opened_before_created", caseMI,
		set("/opened_at", "2026-02-01T09:00:00Z"))
	c.add("case", refusedByLibrary("timestamp_order", at("/updated_at", cases.CodeInvalidValue)),
		"updated_before_opened", caseMI,
		set("/updated_at", "2026-03-01T08:00:00Z"), set("/created_at", "2026-03-01T07:00:00Z"))
	c.add("case", refusedByLibrary("timestamp_order", at("/resolved_at", cases.CodeInvalidValue)),
		"resolved_after_updated", caseRA,
		set("/resolved_at", "2026-03-04T09:00:00Z"))
	c.add("case", refusedByLibrary("response_against_request",
		at("/response/fields/corrected_legal_name", cases.CodeRequired)),
		"required_answer_missing", caseMI,
		set("/response/fields", map[string]any{"entity_type": "llc"}))
	c.add("case", refusedByLibrary("response_against_request",
		at("/response/fields/nickname", cases.CodeUnknownField)),
		"answer_not_asked_for", caseMI,
		set("/response/fields/nickname", "Acme"))
	c.add("case", refusedByLibrary("response_against_request",
		at("/response/fields/entity_type", cases.CodeInvalidValue)),
		"answer_outside_options", caseMI,
		set("/response/fields/entity_type", "partnership"))
	c.add("case", refusedByLibrary("response_against_request",
		at("/response/fields/corrected_legal_name", cases.CodeInvalidType)),
		"answer_of_wrong_type", caseMI,
		set("/response/fields/corrected_legal_name", 5))
	c.add("case", refusedByLibrary("unique_field_names",
		at("/request/fields/1/name", cases.CodeDuplicate)),
		"field_name_twice", caseMI,
		set("/request/fields/1/name", "corrected_legal_name"),
		set("/request/fields/1/type", "string"),
		del("/request/fields/1/options"), set("/response/fields", map[string]any{
			"corrected_legal_name": "Acme"}))
	c.raw("case", refusedByLibrary("duplicate_keys", at("/status", cases.CodeDuplicate)),
		"status_twice",
		strings.Replace(caseMI, `"status": "under_review"`,
			`"status": "under_review", "status": "under_review"`, 1))
}

func eventBodies(c *corpus) {
	ev := event(caseMI)
	ok := func(name string, m ...mutation) { c.add("event", valid, name, ev, m...) }
	bad := func(name string, m ...mutation) { c.add("event", invalid, name, ev, m...) }
	ok("updated")
	c.add("event", valid, "opened", event(caseRA), set("/type", "case.opened"))
	ok("without_object_key", del("/object"))
	bad("type_unknown", set("/type", "case.closed"))
	bad("type_missing", del("/type"))
	bad("data_null", set("/data", nil))
	bad("data_missing", del("/data"))
	bad("id_not_uuid", set("/id", "evt_1"))
	bad("created_at_missing", del("/created_at"))
	bad("object_case", set("/object", "case"))
	bad("data_summary_missing", del("/data/summary"))
	bad("data_status_unknown", set("/data/status", "paused"))
	bad("unknown_key", set("/livemode", false))
	c.add("event", refusedByLibrary("response_against_request",
		at("/data/response/fields/nickname", cases.CodeUnknownField)),
		"data_answer_not_asked_for", ev,
		set("/data/response/fields/nickname", "Acme"))
	c.raw("event", refusedByLibrary("duplicate_keys", at("/type", cases.CodeDuplicate)),
		"type_twice",
		strings.Replace(ev, `"type": "case.updated"`,
			`"type": "case.updated", "type": "case.opened"`, 1))
}

// padded returns body followed by white space, n bytes in all.
func padded(body string, n int) string {
	return body + strings.Repeat(" ", n-len(body)-1) + "\n"
}
