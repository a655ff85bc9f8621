package casetest

import (
	"encoding/json"
	"strings"

	"github.com/casekit/cases"
)

// openEdits break the rules of an open body: those it shares with an
// update body, those of its own, and those of each kind's request.
var openEdits = append(append([]bodyEdit{
	{name: "missing_summary", want: wantAt("/summary", cases.CodeRequired),
		edit: func(doc object, _ bodyBase) { delete(doc, "summary") }},
	{name: "bad_parent_id", want: wantAt("/parent_id", cases.CodeInvalidFormat),
		edit: set("parent_id", "fil 1a2b")},
	{name: "unknown_parent_type", want: wantAt("/parent_type", cases.CodeUnknownValue),
		edit: set("parent_type", "Filing")},
	{name: "open_resolved", want: wantAt("/status", cases.CodeInvalidValue),
		edit: set("status", "resolved")},
	{name: "missing_request", want: wantAt("/request", cases.CodeRequired),
		edit: func(doc object, _ bodyBase) { delete(doc, "request") }},
	{name: "id_given", want: wantAt("/id", cases.CodeUnknownField),
		edit: set("id", "00000000-0000-7000-8000-000000000001")},
}, common...), append(miRequestEdits, raRequestEdits...)...)

// isKind returns an applies function for edits of one kind's payloads.
func isKind(k cases.Kind) func(object, bodyBase) bool {
	return func(_ object, b bodyBase) bool { return b.kind == k }
}

// fieldSpec returns the i-th field spec of an open body's request.
func fieldSpec(doc object, i int) object {
	return sub(doc, "request")["fields"].([]any)[i].(object)
}

var miRequestEdits = []bodyEdit{
	{name: "bad_field_name", want: wantAt("/request/fields/0/name", cases.CodeInvalidFormat),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { fieldSpec(doc, 0)["name"] = "Legal Name" }},
	{name: "duplicate_field_name", want: wantAt("/request/fields/1/name", cases.CodeDuplicate),
		applies: func(doc object, b bodyBase) bool {
			return b.kind == cases.KindMissingInformation &&
				len(sub(doc, "request")["fields"].([]any)) > 1
		},
		edit: func(doc object, _ bodyBase) {
			fieldSpec(doc, 1)["name"] = fieldSpec(doc, 0)["name"]
		}},
	{name: "unknown_field_type", want: wantAt("/request/fields/0/type", cases.CodeUnknownValue),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { fieldSpec(doc, 0)["type"] = "colour" }},
	{name: "blank_description",
		want:    wantAt("/request/fields/0/description", cases.CodeRequired),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { fieldSpec(doc, 0)["description"] = " " }},
	{name: "options_on_non_enum",
		want: wantAt("/request/fields/0/options", cases.CodeNotAllowed),
		applies: func(doc object, b bodyBase) bool {
			return b.kind == cases.KindMissingInformation && fieldSpec(doc, 0)["type"] != "enum"
		},
		edit: func(doc object, _ bodyBase) { fieldSpec(doc, 0)["options"] = []any{"a"} }},
	{name: "no_fields", want: wantAt("/request/fields", cases.CodeTooFew),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { sub(doc, "request")["fields"] = []any{} }},
}

var raRequestEdits = []bodyEdit{
	{name: "ra_parent_not_business", want: wantAt("/parent_type", cases.CodeInvalidValue),
		applies: isKind(cases.KindRATermination), edit: set("parent_type", "filing")},
	{name: "unknown_ra_reason", want: wantAt("/request/reason", cases.CodeUnknownValue),
		applies: isKind(cases.KindRATermination),
		edit:    func(doc object, _ bodyBase) { sub(doc, "request")["reason"] = "bankrupt" }},
	{name: "other_without_detail",
		want:    wantAt("/request/reason_detail", cases.CodeRequired),
		applies: isKind(cases.KindRATermination),
		edit: func(doc object, _ bodyBase) {
			r := sub(doc, "request")
			r["reason"] = "other"
			delete(r, "reason_detail")
		}},
}

// updateEdits break the rules of an update body.
var updateEdits = append([]bodyEdit{
	{name: "null_summary", want: wantAt("/summary", cases.CodeRequired),
		edit: set("summary", nil)},
	{name: "names_kind", want: wantAt("/kind", cases.CodeNotAllowed),
		edit: set("kind", "ra_termination")},
	{name: "names_parent_id", want: wantAt("/parent_id", cases.CodeNotAllowed),
		edit: set("parent_id", "fil_other")},
	{name: "names_request", want: wantAt("/request", cases.CodeNotAllowed),
		edit: set("request", object{"reason": "other"})},
	{name: "unknown_status", want: wantAt("/status", cases.CodeUnknownValue),
		edit: set("status", "closed")},
	{name: "status_not_string", want: wantAt("/status", cases.CodeInvalidType),
		edit: set("status", json.Number("1"))},
	{name: "reason_without_close", want: wantAt("/resolution_reason", cases.CodeNotAllowed),
		edit: set("resolution_reason", "no_response_needed")},
	{name: "reason_of_other_status",
		want: wantAt("/resolution_reason", cases.CodeInvalidValue),
		edit: func(doc object, _ bodyBase) {
			doc["status"], doc["resolution_reason"] = "resolved", "parent_failed"
		}},
	{name: "superseded_without_reason", want: wantAt("/resolution_reason", cases.CodeRequired),
		edit: set("status", "superseded")},
}, common...)

// answerFor returns the first field of the request that a response
// answers, whose spec passes keep, and whether there is one.
func answerFor(doc object, b bodyBase, keep func(cases.FieldSpec) bool) (string, bool) {
	req, ok := b.request.(*cases.MissingInformationRequest)
	if !ok {
		return "", false
	}
	answers, _ := doc["fields"].(object)
	for _, f := range req.Fields {
		if _, answered := answers[f.Name]; answered && keep(f) {
			return f.Name, true
		}
	}
	return "", false
}

// answered returns applies, want and edit functions for an edit of the
// first answer whose spec passes keep: edit gets the answers and the
// field's name.
func answered(keep func(cases.FieldSpec) bool, code cases.Code,
	edit func(answers object, name string)) bodyEdit {
	return bodyEdit{
		applies: func(doc object, b bodyBase) bool {
			_, ok := answerFor(doc, b, keep)
			return ok
		},
		want: func(doc object, b bodyBase) cases.Item {
			name, _ := answerFor(doc, b, keep)
			return cases.Item{Pointer: "/fields/" + name, Code: code}
		},
		edit: func(doc object, b bodyBase) {
			name, _ := answerFor(doc, b, keep)
			edit(sub(doc, "fields"), name)
		},
	}
}

func isRequired(f cases.FieldSpec) bool { return f.Required }

func isRequiredString(f cases.FieldSpec) bool {
	return f.Required && f.Type == cases.FieldString
}

// named returns e with a name.
func named(name string, e bodyEdit) bodyEdit {
	e.name = name
	return e
}

// validAddress is an address that the address field type accepts.
func validAddress() object {
	return object{"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
		"postal_code": "19901", "country": "US"}
}

// responseEdits break the rules of a response body of either kind.
var responseEdits = []bodyEdit{
	named("missing_required_answer", answered(isRequired, cases.CodeRequired,
		func(answers object, name string) { delete(answers, name) })),
	named("blank_required_answer", answered(isRequiredString, cases.CodeRequired,
		func(answers object, name string) { answers[name] = " " })),
	named("answer_of_wrong_type", answered(isRequiredString, cases.CodeInvalidType,
		func(answers object, name string) { answers[name] = json.Number("42") })),
	{name: "answer_not_asked", want: wantAt("/fields/not_asked", cases.CodeUnknownField),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { sub(doc, "fields")["not_asked"] = "x" }},
	{name: "missing_fields", want: wantAt("/fields", cases.CodeRequired),
		applies: isKind(cases.KindMissingInformation),
		edit:    func(doc object, _ bodyBase) { delete(doc, "fields") }},
	{name: "fields_not_object", want: wantAt("/fields", cases.CodeInvalidType),
		applies: isKind(cases.KindMissingInformation), edit: set("fields", []any{})},
	{name: "repeated_fields", want: wantAt("/fields", cases.CodeDuplicate),
		applies:  isKind(cases.KindMissingInformation),
		editJSON: repeat("fields", `{}`)},
	{name: "not_acknowledged", want: wantAt("/acknowledged", cases.CodeInvalidValue),
		applies: isKind(cases.KindRATermination), edit: set("acknowledged", false)},
	{name: "missing_acknowledged", want: wantAt("/acknowledged", cases.CodeRequired),
		applies: isKind(cases.KindRATermination),
		edit:    func(doc object, _ bodyBase) { delete(doc, "acknowledged") }},
	{name: "acknowledged_not_boolean", want: wantAt("/acknowledged", cases.CodeInvalidType),
		applies: isKind(cases.KindRATermination), edit: set("acknowledged", "yes")},
	{name: "long_successor_name", want: wantAt("/successor_agent/name", cases.CodeTooLong),
		applies: isKind(cases.KindRATermination),
		edit: set("successor_agent", object{
			"name": strings.Repeat("n", 256), "address": validAddress()})},
	{name: "lower_case_country",
		want:    wantAt("/successor_agent/address/country", cases.CodeInvalidFormat),
		applies: isKind(cases.KindRATermination),
		edit: func(doc object, _ bodyBase) {
			a := validAddress()
			a["country"] = "us"
			doc["successor_agent"] = object{"name": "New Agent Inc.", "address": a}
		}},
	{name: "unknown_key", want: wantAt("/colour", cases.CodeUnknownField),
		edit: set("colour", "red")},
}
