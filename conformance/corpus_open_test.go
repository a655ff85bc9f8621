package conformance

import (
	"strings"

	"github.com/casekit/cases"
)

// This file holds the open bodies of the corpus.

func openBodies(c *corpus) {
	ok := func(name string, m ...mutation) { c.add("open", valid, name, openMI, m...) }
	bad := func(name string, m ...mutation) { c.add("open", invalid, name, openMI, m...) }
	ok("typical")
	c.add("open", valid, "ra_termination", openRA)
	c.add("open", valid, "ra_termination_other_with_detail", openRA,
		set("/request/reason", "other"), set("/request/reason_detail", "Moving states."))
	c.add("open", valid, "ra_reason_detail_at_500", openRA,
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
	ok("metadata_key_line_separator", set("/metadata", map[string]any{"a\u2028b": "v"}))
	bad("metadata_key_c1_control", set("/metadata", map[string]any{"a\u0085b": "v"}))
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
	c.add("open", invalid, "ra_parent_filing", openRA, set("/parent_type", "filing"))
	c.add("open", invalid, "ra_reason_unknown", openRA, set("/request/reason", "bored"))
	c.add("open", invalid, "ra_reason_missing", openRA, del("/request/reason"))
	c.add("open", invalid, "ra_other_without_detail", openRA, set("/request/reason", "other"))
	c.add("open", invalid, "ra_other_blank_detail", openRA,
		set("/request/reason", "other"), set("/request/reason_detail", " \n"))
	c.add("open", invalid, "ra_reason_detail_past_500", openRA,
		set("/request/reason_detail", rep("d", 501)))
	c.add("open", invalid, "ra_reason_detail_number", openRA, set("/request/reason_detail", 1))
	c.add("open", invalid, "ra_request_of_other_kind", openRA,
		set("/request", map[string]any{"fields": []any{}}))
	bad("due_at_offset_24_hours", set("/due_at", "2030-11-07T05:31:56+24:00"))
	bad("due_at_offset_60_minutes", set("/due_at", "2030-11-07T05:31:56+23:60"))
	c.add("open", refusedByLibrary("timestamp_utc_year", at("/due_at", cases.CodeInvalidFormat)),
		"due_at_year_10000_in_utc", openMI,
		set("/due_at", "9999-12-31T23:59:59-01:00"))

	c.raw("open", invalid, "not_json_truncated", `{"summary": "x",`)
	c.raw("open", invalid, "not_json_trailing_data", openMI+"{}")
	c.raw("open", invalid, "not_json_empty", "")
	c.raw("open", invalid, "body_null", "null")
	c.raw("open", invalid, "body_array", "[]")
	c.raw("open", refusedByLibrary("duplicate_keys", at("/summary", cases.CodeDuplicate)),
		"summary_twice",
		strings.Replace(openMI, `"summary":`, `"summary": "First.", "summary":`, 1))
	c.raw("open", refusedByLibrary("duplicate_keys",
		at("/request/fields/1/name", cases.CodeDuplicate)),
		"field_name_twice",
		strings.Replace(openMI, `{"name": "entity_type",`,
			`{"name": "x", "name": "entity_type",`, 1))
	c.raw("open", refusedByLibrary("invalid_utf8", at("/summary", cases.CodeInvalidFormat)),
		"summary_invalid_utf8",
		strings.Replace(openMI, "Additional", "Addi\xfftional", 1))
	c.raw("open", refusedByLibrary("invalid_utf8", at("/summary", cases.CodeInvalidFormat)),
		"summary_lone_surrogate",
		strings.Replace(openMI, "Additional", `Addi\ud800tional`, 1))
	c.raw("open", refusedByLibrary("invalid_utf8",
		at("/metadata/ext\uFFFD", cases.CodeInvalidFormat)),
		"metadata_key_invalid_utf8",
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
	ok := func(name string, m ...mutation) { c.add("open", valid, name, openMI, m...) }
	bad := func(name string, m ...mutation) { c.add("open", invalid, name, openMI, m...) }
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
		{"url", "url_ipv6_host", "http://[::1]:8080/x"},
		{"url", "url_user_info", "https://user:secret@example.com/"},
		{"url", "url_at_in_user_info", "http://a@b@example.com/"},
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
		{"url", "url_empty_host_name", "http://:80"},
		{"url", "url_empty_host_name_with_path", "https://:443/x"},
		{"url", "url_empty_host_name_after_user", "http://user@:80"},
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
}

// openDisagreements adds the open bodies that the library and the schema
// decide differently, by a rule the schemas name.
func openDisagreements(c *corpus) {
	example := "/request/fields/0/example"
	onlyLibrary := func(rule, name string, want cases.Item, spec map[string]any) {
		c.add("open", refusedByLibrary(rule, want), name, openMI, field(spec))
	}
	onlySchema := func(rule, name string, spec map[string]any) {
		c.add("open", refusedBySchema(rule, example), name, openMI, field(spec))
	}
	c.add("open", refusedByLibrary("unique_field_names",
		at("/request/fields/1/name", cases.CodeDuplicate)), "field_name_used_twice", openMI,
		set("/request/fields/1", spec("string", "name", "corrected_legal_name")))
	onlyLibrary("enum_example_in_options", "enum_example_not_an_option",
		at(example, cases.CodeInvalidValue),
		spec("enum", "options", []any{"a", "b"}, "example", "c"))
	onlyLibrary("finite_numbers", "number_example_1e400", at(example, cases.CodeInvalidFormat),
		spec("number", "example", jsonNumber("1e400")))
	onlyLibrary("email_syntax", "email_example_without_dot", at(example, cases.CodeInvalidFormat),
		spec("email", "example", "name@localhost"))
	onlySchema("email_syntax", "email_example_not_ascii", spec("email", "example", "用户@例子.广告"))
	onlySchema("url_syntax", "url_example_ipv6_zone",
		spec("url", "example", "http://[fe80::1%25en0]/"))
	onlySchema("integer_exponent", "integer_example_zero_with_huge_exponent",
		spec("integer", "example", jsonNumber("0e99999999999999999999")))
}
