// Command gencorpus writes the corpus of open bodies that the agreement
// test runs through every approach: testdata/corpus/NAME.json, each the
// typical body of the root package with one change. Run it from bench/:
//
//	go run ./cmd/gencorpus
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/casekit/cases/bench"
)

// entry is one body of the corpus: edit changes a copy of the typical
// body, and raw then changes its encoded text.
type entry struct {
	name string
	edit func(b bench.Body)
	raw  func(text []byte) []byte
}

func set(key string, v any) func(bench.Body) {
	return func(b bench.Body) { b[key] = v }
}

func drop(key string) func(bench.Body) {
	return func(b bench.Body) { delete(b, key) }
}

func setField(i int, key string, v any) func(bench.Body) {
	return func(b bench.Body) { b.Field(i)[key] = v }
}

func fields(n int) func(bench.Body) {
	return func(b bench.Body) { b.SetFields(bench.WithFields(b, n).Fields()) }
}

func metadataPairs(n int) func(bench.Body) {
	return func(b bench.Body) {
		m := map[string]any{}
		for i := range n {
			m[fmt.Sprintf("key_%02d", i)] = "value"
		}
		b["metadata"] = m
	}
}

func metadata(k string, v any) func(bench.Body) {
	return func(b bench.Body) { b["metadata"].(map[string]any)[k] = v }
}

// allTypes asks for one field of every type, each with a valid example.
func allTypes(b bench.Body) {
	examples := []struct {
		typ     string
		example any
	}{
		{"string", "Acme Holdings LLC"}, {"text", "Line one.\nLine two."},
		{"number", 3.5}, {"integer", 42}, {"boolean", true}, {"date", "2026-03-01"},
		{"date_time", "2026-03-01T10:00:00Z"}, {"email", "ops@example.com"},
		{"phone", "+14155550100"}, {"url", "https://example.com/forms/1"},
		{"enum", "llc"},
		{"address", map[string]any{"street_line_1": "1 Main St", "city": "Dover",
			"region": "DE", "postal_code": "19901", "country": "US"}},
		{"file", "doc_1a2b3c"},
	}
	list := make([]any, len(examples))
	for i, e := range examples {
		f := map[string]any{"name": "answer_" + e.typ, "type": e.typ,
			"description": "A value of type " + e.typ + ".", "example": e.example}
		if e.typ == "enum" {
			f["options"] = []any{"llc", "corporation"}
		}
		list[i] = f
	}
	b.SetFields(list)
}

func raTermination(parent string) func(bench.Body) {
	return func(b bench.Body) {
		b["parent_type"] = parent
		b["kind"] = "ra_termination"
		b["request"] = map[string]any{"reason": "other",
			"reason_detail": "The business moves to another registered agent."}
	}
}

var corpus = []entry{
	{name: "typical"},
	{name: "summary_255_chars", edit: set("summary", strings.Repeat("é", 255))},
	{name: "summary_256_chars", edit: set("summary", strings.Repeat("é", 256))},
	{name: "summary_255_astral_chars", edit: set("summary", strings.Repeat("𝄞", 255))},
	{name: "summary_blank", edit: set("summary", "   ")},
	{name: "summary_line_break", edit: set("summary", "Line one\nLine two")},
	{name: "parent_id_128", edit: set("parent_id", strings.Repeat("a", 128))},
	{name: "parent_id_129", edit: set("parent_id", strings.Repeat("a", 129))},
	{name: "metadata_50_pairs", edit: metadataPairs(50)},
	{name: "metadata_51_pairs", edit: metadataPairs(51)},
	{name: "metadata_key_40", edit: metadata(strings.Repeat("k", 40), "v")},
	{name: "metadata_key_41", edit: metadata(strings.Repeat("k", 41), "v")},
	{name: "metadata_key_bracket", edit: metadata("customer[tier]", "v")},
	{name: "metadata_value_500", edit: metadata("note", strings.Repeat("ü", 500))},
	{name: "metadata_value_501", edit: metadata("note", strings.Repeat("ü", 501))},
	{name: "metadata_value_number", edit: metadata("count", 5)},
	{name: "fields_0", edit: fields(0)},
	{name: "fields_1", edit: fields(1)},
	{name: "fields_50", edit: fields(50)},
	{name: "fields_51", edit: fields(51)},
	{name: "description_500", edit: setField(0, "description", strings.Repeat("é", 500))},
	{name: "description_501", edit: setField(0, "description", strings.Repeat("é", 501))},
	{name: "field_name_64", edit: setField(0, "name", strings.Repeat("a", 64))},
	{name: "field_name_65", edit: setField(0, "name", strings.Repeat("a", 65))},
	{name: "parent_type_verification", edit: set("parent_type", "verification")},
	{name: "parent_type_business", edit: set("parent_type", "business")},
	{name: "parent_type_session", edit: set("parent_type", "session")},
	{name: "parent_type_unknown", edit: set("parent_type", "Filing")},
	{name: "kind_ra_termination", edit: raTermination("business")},
	{name: "kind_ra_termination_parent_filing", edit: raTermination("filing")},
	{name: "kind_unknown", edit: set("kind", "closure")},
	{name: "status_under_review", edit: set("status", "under_review")},
	{name: "status_resolved", edit: set("status", "resolved")},
	{name: "status_unknown", edit: set("status", "closed")},
	{name: "field_types_all", edit: allTypes},
	{name: "field_type_unknown", edit: setField(0, "type", "color")},
	{name: "unknown_key_body", edit: set("id", "7d0e1c2a-0000-4000-8000-000000000000")},
	{name: "unknown_key_request", edit: func(b bench.Body) { b.Request()["title"] = "x" }},
	{name: "unknown_key_field", edit: setField(0, "label", "Legal name")},
	{name: "missing_parent_id", edit: drop("parent_id")},
	{name: "missing_summary", edit: drop("summary")},
	{name: "missing_request", edit: drop("request")},
	{name: "missing_field_description", edit: func(b bench.Body) {
		delete(b.Field(0), "description")
	}},
	{name: "optional_nulls", edit: func(b bench.Body) {
		b["details"], b["due_at"], b["metadata"] = nil, nil, nil
	}},
	{name: "due_at_malformed", edit: set("due_at", "2030-11-07 05:31:56")},
	{name: "options_on_string_field", edit: setField(0, "options", []any{"a", "b"})},
	{name: "enum_without_options", edit: setField(0, "type", "enum")},
	{name: "enum_duplicate_option", edit: func(b bench.Body) {
		b.Field(0)["type"], b.Field(0)["options"] = "enum", []any{"llc", "llc"}
		b.Field(0)["example"] = "llc"
	}},
	{name: "example_wrong_type", edit: setField(0, "example", 42)},
	{name: "example_not_in_options", edit: func(b bench.Body) {
		b.Field(0)["type"], b.Field(0)["options"] = "enum", []any{"llc", "corporation"}
		b.Field(0)["example"] = "partnership"
	}},
	{name: "duplicate_field_name", edit: setField(2, "name", "corrected_legal_name")},
	{name: "duplicate_key", raw: func(text []byte) []byte {
		return bytes.Replace(text, []byte("{"), []byte(`{"summary": "Another summary.",`), 1)
	}},
	{name: "invalid_utf8", raw: func(text []byte) []byte {
		return bytes.Replace(text, []byte("Additional"), []byte("Addition\xffl"), 1)
	}},
	{name: "trailing_data", raw: func(text []byte) []byte { return append(text, "{}\n"...) }},
	{name: "not_json", raw: func(text []byte) []byte { return text[:len(text)/2] }},
}

func main() {
	typical, err := bench.LoadBody("../testdata/open_typical.json")
	if err != nil {
		log.Fatal(err)
	}
	dir := filepath.Join("testdata", "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, e := range corpus {
		b := typical.Clone()
		if e.edit != nil {
			e.edit(b)
		}
		text := b.JSON()
		if e.raw != nil {
			text = e.raw(text)
		}
		if err := os.WriteFile(filepath.Join(dir, e.name+".json"), text, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("wrote %d bodies to %s\n", len(corpus), dir)
}
