package casetest

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/casekit/cases"
)

// BodyVariant is a request body that breaks exactly one rule of the
// operation it is sent to (open, update or respond), and the item that
// the operation must report for it: an oracle for a service's checks of
// what it receives. Read with a strict [cases.Decoder] and, when that
// passes, given to the operation, it must fail with [cases.ErrInvalid]
// and that one item; sent to the case API, it must be refused with 400
// and that one item.
type BodyVariant struct {
	// Name says which rule is broken.
	Name string

	// JSON is the body.
	JSON []byte

	// Want is the one item the operation must report, at a pointer
	// relative to the body. Its Message is empty: messages are not part
	// of the contract.
	Want cases.Item
}

// OpenVariants returns every variant of the open body o that this package
// knows how to make, for an open at time now; which rules apply depends on
// o's kind. o must be valid at now, and is not modified.
func OpenVariants(o *cases.OpenRequest, now time.Time) []BodyVariant {
	body, err := o.MarshalJSON()
	must(err)
	return bodyVariants(body, openEdits, bodyBase{kind: o.Kind, now: now})
}

// UpdateVariants returns the variants of an update body, each sent on its
// own to a case that is open (needs_response or under_review) at time
// now. The valid body they start from changes the summary.
func UpdateVariants(now time.Time) []BodyVariant {
	return bodyVariants([]byte(`{"summary":"Summary changed."}`), updateEdits,
		bodyBase{now: now})
}

// ResponseVariants returns the variants of the response body answer, a
// valid response to c, for c in needs_response; which rules apply depends
// on c's kind and request. Neither c nor answer is modified.
func ResponseVariants(c *cases.Case, answer cases.Payload) []BodyVariant {
	body, err := answer.MarshalJSON()
	must(err)
	return bodyVariants(body, responseEdits, bodyBase{kind: c.Kind, request: c.Request})
}

// bodyBase is what the edits of a body may look at besides the body.
type bodyBase struct {
	kind    cases.Kind
	now     time.Time
	request cases.Payload
}

// object is a JSON object as the edits see it; numbers are json.Number.
type object = map[string]any

// bodyEdit breaks one rule of a body, on its decoded form (edit) or on
// its text (editJSON). want gives the item; applies, when set, says
// whether the rule can be broken in this body.
type bodyEdit struct {
	name     string
	applies  func(doc object, b bodyBase) bool
	want     func(doc object, b bodyBase) cases.Item
	edit     func(doc object, b bodyBase)
	editJSON func(data []byte) []byte
}

func bodyVariants(body []byte, edits []bodyEdit, b bodyBase) []BodyVariant {
	var out []BodyVariant
	for _, e := range edits {
		doc := decodeObject(body)
		if e.applies != nil && !e.applies(doc, b) {
			continue
		}
		v := BodyVariant{Name: e.name, Want: e.want(doc, b)}
		if e.editJSON != nil {
			v.JSON = e.editJSON(bytes.Clone(body))
		} else {
			e.edit(doc, b)
			v.JSON = encodeObject(doc)
		}
		out = append(out, v)
	}
	return out
}

func decodeObject(body []byte) object {
	var doc object
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	must(d.Decode(&doc))
	return doc
}

func encodeObject(doc object) []byte {
	b, err := json.Marshal(doc)
	must(err)
	return b
}

// wantAt returns a want function for a fixed item.
func wantAt(pointer string, code cases.Code) func(object, bodyBase) cases.Item {
	return func(object, bodyBase) cases.Item { return cases.Item{Pointer: pointer, Code: code} }
}

// set returns an edit that sets key to value.
func set(key string, value any) func(object, bodyBase) {
	return func(doc object, _ bodyBase) { doc[key] = value }
}

// repeat returns an editJSON that gives key, with value, before the
// body's own members: the body's key then comes second.
func repeat(key, value string) func([]byte) []byte {
	return func(b []byte) []byte {
		return append([]byte(`{"`+key+`":`+value+`,`), b[1:]...)
	}
}

// sub returns the object at key of doc, making an empty one when there
// is none.
func sub(doc object, key string) object {
	m, ok := doc[key].(object)
	if !ok {
		m = object{}
		doc[key] = m
	}
	return m
}

// dueBefore returns an edit that sets due_at an hour before now.
func dueBefore(doc object, b bodyBase) {
	doc["due_at"] = b.now.Add(-time.Hour).Format(time.RFC3339)
}

// manyMetadata fills the metadata of doc to one pair over the limit.
func manyMetadata(doc object, _ bodyBase) {
	m := sub(doc, "metadata")
	for i := 0; len(m) <= 50; i++ {
		m["extra_"+strconv.Itoa(i)] = "x"
	}
}

// common are the edits that apply to open and update bodies alike.
var common = []bodyEdit{
	{name: "blank_summary", want: wantAt("/summary", cases.CodeRequired),
		edit: set("summary", "  ")},
	{name: "long_summary", want: wantAt("/summary", cases.CodeTooLong),
		edit: set("summary", strings.Repeat("é", 256))},
	{name: "two_line_summary", want: wantAt("/summary", cases.CodeInvalidFormat),
		edit: set("summary", "First line\nsecond line")},
	{name: "summary_not_string", want: wantAt("/summary", cases.CodeInvalidType),
		edit: set("summary", json.Number("42"))},
	{name: "control_in_details", want: wantAt("/details", cases.CodeInvalidFormat),
		edit: set("details", "bell\a")},
	{name: "long_details", want: wantAt("/details", cases.CodeTooLong),
		edit: set("details", strings.Repeat("x", 10001))},
	{name: "details_as_object", want: wantAt("/details", cases.CodeInvalidType),
		edit: set("details", object{})},
	{name: "past_due_at", want: wantAt("/due_at", cases.CodeInvalidValue), edit: dueBefore},
	{name: "bad_due_at", want: wantAt("/due_at", cases.CodeInvalidFormat),
		edit: set("due_at", "2026-13-01T09:00:00Z")},
	{name: "bracket_in_metadata_key",
		want: wantAt("/metadata/tier[0]", cases.CodeInvalidFormat),
		edit: func(doc object, _ bodyBase) { sub(doc, "metadata")["tier[0]"] = "gold" }},
	{name: "long_metadata_value", want: wantAt("/metadata/note", cases.CodeTooLong),
		edit: func(doc object, _ bodyBase) {
			sub(doc, "metadata")["note"] = strings.Repeat("n", 501)
		}},
	{name: "metadata_value_not_string", want: wantAt("/metadata/count", cases.CodeInvalidType),
		edit: func(doc object, _ bodyBase) { sub(doc, "metadata")["count"] = json.Number("3") }},
	{name: "too_much_metadata", want: wantAt("/metadata", cases.CodeTooMany),
		edit: manyMetadata},
	{name: "unknown_key", want: wantAt("/colour", cases.CodeUnknownField),
		edit: set("colour", "red")},
	{name: "repeated_key", want: wantAt("/summary", cases.CodeDuplicate),
		editJSON: repeat("summary", `"Once."`)},
}
