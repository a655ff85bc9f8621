package conformance

import "strings"

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
	updateBodies(c)
	respondBodies(c)
	caseBodies(c)
	eventBodies(c)
	return c
}

func openBodies(c *corpus) {
	ok := func(name string, m ...mutation) { c.add("open", "valid", name, openMI, m...) }
	bad := func(name string, m ...mutation) { c.add("open", "invalid", name, openMI, m...) }
	ok("typical")
	c.add("open", "valid", "ra_termination", openRA)
	c.add("open", "valid", "ra_termination_other_with_detail", openRA,
		set("/request/reason", "other"), set("/request/reason_detail", "Moving states."))
	c.add("open", "valid", "ra_reason_detail_at_500", openRA,
		set("/request/reason_detail", rep("d", 500)))
	ok("minimal", del("/details"), del("/due_at"), del("/metadata"))
	ok("nulls", set("/details", nil), set("/due_at", nil), set("/metadata", nil))
	ok("under_review", set("/status", "under_review"))
	for _, p := range []string{"verification", "session", "business"} {
		ok("parent_type_"+p, set("/parent_type", p))
	}
	ok("summary_at_255", set("/summary", rep("é", 255)))
	ok("summary_unicode", set("/summary", "Ünïcödé ✓ 名前"))
	ok("details_at_10000", set("/details", rep("x", 10000)))
	ok("details_with_tabs_and_crlf", set("/details", "a\tb\r\nc"))
	ok("parent_id_at_128", set("/parent_id", rep("a", 128)))
	ok("parent_id_every_character", set("/parent_id", "AZaz09_-.:"))
	ok("metadata_at_50_pairs", set("/metadata", pairs(50)))
	ok("metadata_limits", set("/metadata", map[string]any{rep("k", 40): rep("v", 500), "e": ""}))
	ok("metadata_empty", set("/metadata", map[string]any{}))
	ok("due_at_offset_and_fraction", set("/due_at", "2030-11-07T05:31:56.123+02:00"))
	ok("due_at_negative_offset", set("/due_at", "2030-11-07T05:31:56-23:59"))

	for _, k := range []string{"parent_type", "parent_id", "kind", "status", "summary", "request"} {
		bad("missing_"+k, del("/"+k))
	}
	for _, k := range []string{"parent_type", "kind", "status", "summary", "request"} {
		bad("null_"+k, set("/"+k, nil))
	}
	bad("summary_not_string", set("/summary", 1))
	bad("details_not_string", set("/details", 1))
	bad("metadata_array", set("/metadata", []any{}))
	bad("request_array", set("/request", []any{}))
	bad("due_at_number", set("/due_at", 5))
	bad("parent_id_bool", set("/parent_id", true))
	bad("parent_type_unknown", set("/parent_type", "Filing"))
	bad("kind_unknown", set("/kind", "other_kind"))
	bad("status_resolved", set("/status", "resolved"))
	bad("status_superseded", set("/status", "superseded"))
	bad("status_unknown", set("/status", "closed"))
	bad("summary_past_255", set("/summary", rep("é", 256)))
	bad("summary_blank", set("/summary", "  \t "))
	bad("summary_empty", set("/summary", ""))
	bad("summary_nbsp_only", set("/summary", "\u00a0\u3000"))
	bad("summary_newline", set("/summary", "a\nb"))
	bad("summary_line_separator", set("/summary", "a\u2028b"))
	bad("summary_nul", set("/summary", "a\u0000b"))
	bad("summary_c1_control", set("/summary", "a\u0085b"))
	bad("details_past_10000", set("/details", rep("x", 10001)))
	bad("details_bell", set("/details", "a\u0007b"))
	bad("details_c1_control", set("/details", "a\u009fb"))
	bad("parent_id_past_128", set("/parent_id", rep("a", 129)))
	bad("parent_id_space", set("/parent_id", "fil 1"))
	bad("parent_id_empty", set("/parent_id", ""))
	bad("parent_id_slash", set("/parent_id", "fil/1"))
	bad("unknown_key_id", set("/id", "0190d6a4-5c5e-7b6e-8f00-000000000001"))
	bad("unknown_key_object", set("/object", "case"))
	bad("unknown_key_response", set("/response", nil))
	bad("metadata_past_50_pairs", set("/metadata", pairs(51)))
	bad("metadata_key_past_40", set("/metadata", map[string]any{rep("k", 41): "v"}))
	bad("metadata_key_empty", set("/metadata", map[string]any{"": "v"}))
	bad("metadata_key_open_bracket", set("/metadata", map[string]any{"a[b": "v"}))
	bad("metadata_key_close_bracket", set("/metadata", map[string]any{"a]b": "v"}))
	bad("metadata_key_control", set("/metadata", map[string]any{"a\tb": "v"}))
	bad("metadata_value_past_500", set("/metadata", map[string]any{"k": rep("v", 501)}))
	bad("metadata_value_number", set("/metadata", map[string]any{"k": 1}))
	bad("metadata_value_null", set("/metadata", map[string]any{"k": nil}))
	bad("due_at_date_only", set("/due_at", "2030-11-07"))
	bad("due_at_no_offset", set("/due_at", "2030-11-07T05:31:56"))
	bad("due_at_month_13", set("/due_at", "2030-13-07T05:31:56Z"))
	bad("due_at_february_30", set("/due_at", "2030-02-30T00:00:00Z"))
	bad("due_at_leap_second", set("/due_at", "2030-06-30T23:59:60Z"))
	bad("due_at_lowercase", set("/due_at", "2030-11-07t05:31:56z"))
	bad("due_at_empty_object", set("/due_at", map[string]any{}))
	c.add("open", "invalid", "ra_parent_filing", openRA, set("/parent_type", "filing"))
	c.add("open", "invalid", "ra_reason_unknown", openRA, set("/request/reason", "bored"))
	c.add("open", "invalid", "ra_reason_missing", openRA, del("/request/reason"))
	c.add("open", "invalid", "ra_other_without_detail", openRA, set("/request/reason", "other"))
	c.add("open", "invalid", "ra_other_blank_detail", openRA,
		set("/request/reason", "other"), set("/request/reason_detail", " \n"))
	c.add("open", "invalid", "ra_reason_detail_past_500", openRA,
		set("/request/reason_detail", rep("d", 501)))
	c.add("open", "invalid", "ra_reason_detail_number", openRA, set("/request/reason_detail", 1))
	c.add("open", "invalid", "ra_request_of_other_kind", openRA,
		set("/request", map[string]any{"fields": []any{}}))
	bad("due_at_offset_24_hours", set("/due_at", "2030-11-07T05:31:56+24:00"))
	bad("due_at_offset_60_minutes", set("/due_at", "2030-11-07T05:31:56+23:60"))
	c.add("open", "gap.timestamp_utc_year", "due_at_year_10000_in_utc", openMI,
		set("/due_at", "9999-12-31T23:59:59-01:00"))

	c.raw("open", "invalid", "not_json_truncated", `{"summary": "x",`)
	c.raw("open", "invalid", "not_json_trailing_data", openMI+"{}")
	c.raw("open", "invalid", "not_json_empty", "")
	c.raw("open", "invalid", "body_null", "null")
	c.raw("open", "invalid", "body_array", "[]")
	c.raw("open", "gap.duplicate_keys", "summary_twice",
		strings.Replace(openMI, `"summary":`, `"summary": "First.", "summary":`, 1))
	c.raw("open", "gap.duplicate_keys", "field_name_twice",
		strings.Replace(openMI, `{"name": "entity_type",`,
			`{"name": "x", "name": "entity_type",`, 1))
	c.raw("open", "gap.invalid_utf8", "summary_invalid_utf8",
		strings.Replace(openMI, "Additional", "Addi\xfftional", 1))
	c.raw("open", "gap.invalid_utf8", "summary_lone_surrogate",
		strings.Replace(openMI, "Additional", `Addi\ud800tional`, 1))
	c.raw("open", "gap.invalid_utf8", "metadata_key_invalid_utf8",
		strings.Replace(openMI, `"external_id"`, "\"ext\xc3\"", 1))
}

// field returns a mutation that sets the first field spec of openMI.
func field(spec map[string]any) mutation {
	return set("/request/fields/0", spec)
}

// spec builds a field spec of type t with the given extra keys.
func spec(t string, kv ...any) map[string]any {
	s := map[string]any{"name": "f", "type": t, "description": "A field."}
	for i := 0; i < len(kv); i += 2 {
		s[kv[i].(string)] = kv[i+1]
	}
	return s
}

func openFields(c *corpus) {
	ok := func(name string, m ...mutation) { c.add("open", "valid", name, openMI, m...) }
	bad := func(name string, m ...mutation) { c.add("open", "invalid", name, openMI, m...) }
	var fifty []any
	for i := range 50 {
		fifty = append(fifty, spec("string", "name", "f"+strings.Repeat("x", i)))
	}
	ok("fields_at_50", set("/request/fields", fifty))
	bad("fields_past_50", set("/request/fields", append(fifty, spec("text", "name", "g"))))
	ok("field_name_at_64", field(spec("string", "name", "a"+rep("b", 63))))
	ok("description_at_500", field(spec("string", "description", rep("d", 500))))
	ok("description_multiline", field(spec("string", "description", "Line one.\nLine two.")))
	ok("required_null", field(spec("string", "required", nil)))
	ok("required_false", field(spec("string", "required", false)))
	ok("example_null", field(spec("string", "example", nil)))
	ok("options_null_on_string", field(spec("string", "options", nil)))
	var hundred []any
	for i := range 100 {
		hundred = append(hundred, "option "+strings.Repeat("o", i%90)+string(rune('a'+i%26))+
			string(rune('a'+i/26)))
	}
	ok("options_at_100", field(spec("enum", "options", hundred)))
	bad("options_past_100", field(spec("enum", "options", append(hundred, "one more"))))
	ok("option_at_100_chars", field(spec("enum", "options", []any{rep("o", 100)})))
	bad("option_past_100_chars", field(spec("enum", "options", []any{rep("o", 101)})))

	examples := []struct {
		typ   string
		name  string
		value any
	}{
		{"string", "string", "Acme"},
		{"text", "text", "Line one.\nLine two.\tTabbed."},
		{"string", "string_at_1000", rep("s", 1000)},
		{"text", "text_at_10000", rep("t", 10000)},
		{"number", "number", 1.5},
		{"number", "number_negative_exponent", jsonNumber("-2.5e-3")},
		{"integer", "integer", 42},
		{"integer", "integer_written_1.0", jsonNumber("1.0")},
		{"integer", "integer_min", jsonNumber("-9223372036854775808")},
		{"integer", "integer_max", jsonNumber("9223372036854775807")},
		{"boolean", "boolean", false},
		{"date", "date", "2025-02-28"},
		{"date", "date_leap_day", "2024-02-29"},
		{"date_time", "date_time", "2025-10-24T10:30:00Z"},
		{"email", "email", "name@example.com"},
		{"phone", "phone", "+13025550100"},
		{"phone", "phone_8_digits", "+12345678"},
		{"phone", "phone_15_digits", "+123456789012345"},
		{"url", "url", "https://example.com/path?q=1"},
		{"url", "url_http_upper_case", "HTTP://EXAMPLE.COM"},
		{"address", "address", mustJSON(address)},
		{"file", "file", "doc_1a2b3c"},
	}
	for _, e := range examples {
		ok("example_"+e.name, field(spec(e.typ, "example", e.value)))
	}
	ok("example_enum", field(spec("enum", "options", []any{"a", "b"}, "example", "b")))

	badExamples := []struct {
		typ   string
		name  string
		value any
	}{
		{"string", "string_past_1000", rep("s", 1001)},
		{"string", "string_newline", "a\nb"},
		{"string", "string_blank", "   "},
		{"string", "string_number", 1},
		{"text", "text_past_10000", rep("t", 10001)},
		{"text", "text_bell", "a\u0007b"},
		{"number", "number_string", "1"},
		{"integer", "integer_fraction", 1.5},
		{"integer", "integer_past_max", jsonNumber("9223372036854775808")},
		{"integer", "integer_past_min", jsonNumber("-9223372036854775809")},
		{"integer", "integer_string", "1"},
		{"boolean", "boolean_string", "true"},
		{"date", "date_february_30", "2025-02-30"},
		{"date", "date_short_month", "2025-1-01"},
		{"date", "date_with_time", "2025-10-24T10:30:00Z"},
		{"date_time", "date_time_date_only", "2025-10-24"},
		{"email", "email_no_at", "not-an-email"},
		{"email", "email_display_name", "Name <name@example.com>"},
		{"phone", "phone_no_plus", "13025550100"},
		{"phone", "phone_7_digits", "+1234567"},
		{"phone", "phone_16_digits", "+1234567890123456"},
		{"phone", "phone_leading_zero", "+0123456789"},
		{"url", "url_ftp", "ftp://example.com"},
		{"url", "url_relative", "example.com/x"},
		{"url", "url_no_host", "http://"},
		{"address", "address_string", "1 Main St"},
		{"address", "address_missing_city", mustJSON(`{"street_line_1": "1 Main St",
			"region": "DE", "postal_code": "19901", "country": "US"}`)},
		{"address", "address_unknown_key", mustJSON(`{"street_line_1": "1 Main St",
			"city": "Dover", "region": "DE", "postal_code": "19901", "country": "US",
			"planet": "Earth"}`)},
		{"address", "address_country_lower_case", mustJSON(`{"street_line_1": "1 Main St",
			"city": "Dover", "region": "DE", "postal_code": "19901", "country": "us"}`)},
		{"address", "address_country_unknown", mustJSON(`{"street_line_1": "1 Main St",
			"city": "Dover", "region": "DE", "postal_code": "19901", "country": "UK"}`)},
		{"address", "address_street_past_255", mustJSON(`{"street_line_1": "` + rep("s", 256) +
			`", "city": "Dover", "region": "DE", "postal_code": "19901", "country": "US"}`)},
		{"file", "file_space", "a b"},
		{"file", "file_past_128", rep("f", 129)},
	}
	for _, e := range badExamples {
		bad("example_"+e.name, field(spec(e.typ, "example", e.value)))
	}
	bad("example_enum_number", field(spec("enum", "options", []any{"a"}, "example", 1)))
	bad("example_enum_blank", field(spec("enum", "options", []any{"a"}, "example", " ")))

	bad("fields_missing", set("/request", map[string]any{}))
	bad("fields_null", set("/request/fields", nil))
	bad("fields_empty", set("/request/fields", []any{}))
	bad("request_unknown_key", set("/request/extra", 1))
	bad("field_unknown_key", field(spec("string", "label", "x")))
	bad("field_name_missing", field(map[string]any{"type": "string", "description": "A."}))
	bad("field_name_upper_case", field(spec("string", "name", "Name")))
	bad("field_name_past_64", field(spec("string", "name", "a"+rep("b", 64))))
	bad("field_name_digit_first", field(spec("string", "name", "1a")))
	bad("field_type_missing", field(map[string]any{"name": "f", "description": "A."}))
	bad("field_type_unknown", field(spec("color")))
	bad("field_description_missing", field(map[string]any{"name": "f", "type": "string"}))
	bad("field_description_blank", field(spec("string", "description", " ")))
	bad("field_description_past_500", field(spec("string", "description", rep("d", 501))))
	bad("field_description_control", field(spec("string", "description", "a\u0001")))
	bad("field_required_string", field(spec("string", "required", "yes")))
	bad("field_options_on_string", field(spec("string", "options", []any{"a"})))
	bad("field_empty_options_on_string", field(spec("string", "options", []any{})))
	bad("field_enum_without_options", field(spec("enum")))
	bad("field_enum_options_null", field(spec("enum", "options", nil)))
	bad("field_enum_options_empty", field(spec("enum", "options", []any{})))
	bad("field_option_blank", field(spec("enum", "options", []any{"a", " "})))
	bad("field_option_twice", field(spec("enum", "options", []any{"a", "b", "a"})))
	bad("field_option_number", field(spec("enum", "options", []any{1})))
	bad("field_option_null", field(spec("enum", "options", []any{nil})))
	bad("field_option_newline", field(spec("enum", "options", []any{"a\nb"})))

	c.add("open", "gap.unique_field_names", "field_name_used_twice", openMI,
		set("/request/fields/1", spec("string", "name", "corrected_legal_name")))
	c.add("open", "gap.enum_example_in_options", "enum_example_not_an_option", openMI,
		field(spec("enum", "options", []any{"a", "b"}, "example", "c")))
	c.add("open", "gap.finite_numbers", "number_example_1e400", openMI,
		field(spec("number", "example", jsonNumber("1e400"))))
	c.add("open", "gap.email_syntax", "email_example_without_dot", openMI,
		field(spec("email", "example", "name@localhost")))
}

func updateBodies(c *corpus) {
	ok := func(name, body string) { c.raw("update", "valid", name, body) }
	bad := func(name, body string) { c.raw("update", "invalid", name, body) }
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
	c.raw("update", "gap.duplicate_keys", "status_twice",
		`{"status": "resolved", "status": "under_review"}`)
	c.raw("update", "gap.invalid_utf8", "details_invalid_utf8", "{\"details\": \"a\xffb\"}")
}

func respondBodies(c *corpus) {
	const mi = "respond.missing_information"
	c.raw(mi, "valid", "no_answers", `{"fields": {}}`)
	c.raw(mi, "valid", "answers_of_every_json_type",
		`{"fields": {"a": "x", "b": 1.5, "c": null, "d": {"x": [1, true]}, "e": false}}`)
	c.raw(mi, "valid", "names_not_checked_without_the_request", `{"fields": {"Not A Name": "x"}}`)
	c.raw(mi, "invalid", "fields_missing", `{}`)
	c.raw(mi, "invalid", "fields_null", `{"fields": null}`)
	c.raw(mi, "invalid", "fields_array", `{"fields": []}`)
	c.raw(mi, "invalid", "fields_string", `{"fields": "x"}`)
	c.raw(mi, "invalid", "unknown_key", `{"fields": {}, "extra": 1}`)
	c.raw(mi, "invalid", "body_null", `null`)
	c.raw(mi, "invalid", "body_array", `[]`)
	c.raw(mi, "invalid", "not_json", `{"fields": {"a": tru}}`)
	c.raw(mi, "gap.duplicate_keys", "answer_twice", `{"fields": {"a": "x", "a": "y"}}`)
	c.raw(mi, "gap.size_and_depth", "answer_33_levels_deep",
		`{"fields": {"a": `+nested(31)+`}}`)
	c.raw(mi, "gap.invalid_utf8", "answer_invalid_utf8", "{\"fields\": {\"a\": \"\xfe\"}}")
	c.raw(mi, "gap.invalid_utf8", "answer_lone_surrogate", `{"fields": {"a": "\udc00"}}`)
	c.raw(mi, "valid", "answer_32_levels_deep", `{"fields": {"a": `+nested(30)+`}}`)

	const ra = "respond.ra_termination"
	ok := func(name string, m ...mutation) { c.add(ra, "valid", name, respondRA, m...) }
	bad := func(name string, m ...mutation) { c.add(ra, "invalid", name, respondRA, m...) }
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
	c.raw(ra, "invalid", "body_null", `null`)
	c.raw(ra, "gap.duplicate_keys", "acknowledged_twice",
		`{"acknowledged": false, "acknowledged": true}`)
}

func caseBodies(c *corpus) {
	ok := func(name string, m ...mutation) { c.add("case", "valid", name, caseMI, m...) }
	bad := func(name string, m ...mutation) { c.add("case", "invalid", name, caseMI, m...) }
	ok("under_review_with_response")
	c.add("case", "valid", "ra_superseded", caseRA)
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
	c.add("case", "valid", "ra_needs_response", caseRA, set("/status", "needs_response"),
		set("/resolved_at", nil), set("/resolution_reason", nil))
	c.add("case", "valid", "ra_under_review_with_response", caseRA, set("/status", "under_review"),
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
	c.add("case", "invalid", "ra_parent_filing", caseRA, set("/parent_type", "filing"))
	c.add("case", "invalid", "ra_superseded_with_resolved_reason", caseRA,
		set("/resolution_reason", "no_response_needed"))
	c.add("case", "invalid", "ra_response_not_acknowledged", caseRA, set("/status", "under_review"),
		set("/resolved_at", nil), set("/resolution_reason", nil),
		set("/response", map[string]any{"acknowledged": false}))
	c.add("case", "invalid", "ra_other_without_detail", caseRA, set("/request/reason_detail", nil))

	c.add("case", "gap.timestamp_order", "opened_before_created", caseMI,
		set("/opened_at", "2026-02-01T09:00:00Z"))
	c.add("case", "gap.timestamp_order", "updated_before_opened", caseMI,
		set("/updated_at", "2026-03-01T08:00:00Z"), set("/created_at", "2026-03-01T07:00:00Z"))
	c.add("case", "gap.timestamp_order", "resolved_after_updated", caseRA,
		set("/resolved_at", "2026-03-04T09:00:00Z"))
	c.add("case", "gap.response_against_request", "required_answer_missing", caseMI,
		set("/response/fields", map[string]any{"entity_type": "llc"}))
	c.add("case", "gap.response_against_request", "answer_not_asked_for", caseMI,
		set("/response/fields/nickname", "Acme"))
	c.add("case", "gap.response_against_request", "answer_outside_options", caseMI,
		set("/response/fields/entity_type", "partnership"))
	c.add("case", "gap.response_against_request", "answer_of_wrong_type", caseMI,
		set("/response/fields/corrected_legal_name", 5))
	c.add("case", "gap.unique_field_names", "field_name_twice", caseMI,
		set("/request/fields/1/name", "corrected_legal_name"),
		set("/request/fields/1/type", "string"),
		del("/request/fields/1/options"), set("/response/fields", map[string]any{
			"corrected_legal_name": "Acme"}))
	c.raw("case", "gap.duplicate_keys", "status_twice",
		strings.Replace(caseMI, `"status": "under_review"`,
			`"status": "under_review", "status": "under_review"`, 1))
}

func eventBodies(c *corpus) {
	ev := event(caseMI)
	ok := func(name string, m ...mutation) { c.add("event", "valid", name, ev, m...) }
	bad := func(name string, m ...mutation) { c.add("event", "invalid", name, ev, m...) }
	ok("updated")
	c.add("event", "valid", "opened", event(caseRA), set("/type", "case.opened"))
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
	c.add("event", "gap.response_against_request", "data_answer_not_asked_for", ev,
		set("/data/response/fields/nickname", "Acme"))
	c.raw("event", "gap.duplicate_keys", "type_twice",
		strings.Replace(ev, `"type": "case.updated"`,
			`"type": "case.updated", "type": "case.opened"`, 1))
}
