package casetest

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/casekit/cases"
)

// Variant is a case that breaks exactly one rule, and the item that
// strict validation must report for it: an oracle for testing the rules.
type Variant struct {
	// Name says which rule is broken.
	Name string

	// Case is the broken case, for [cases.Case.Validate]; nil when only
	// JSON can carry the break (an unknown or repeated key, a value of
	// the wrong JSON type).
	Case *cases.Case

	// JSON is the broken case as JSON text, for a strict [cases.Decoder].
	JSON []byte

	// Want is the one item that Validate and the Decoder must report. Its
	// Message is empty: messages are not part of the contract.
	Want cases.Item
}

// Variants returns every variant of c that this package knows how to
// make, each breaking one rule of c; which rules apply depends on c's
// kind, status and response. c must be valid and is not modified.
func Variants(c *cases.Case) []Variant {
	var out []Variant
	for _, m := range mutations {
		if m.applies != nil && !m.applies(c) {
			continue
		}
		v := Variant{Name: m.name, Want: m.want(c)}
		if m.edit != nil {
			v.Case = c.Clone()
			m.edit(v.Case)
			v.JSON = marshal(v.Case)
		} else {
			v.JSON = m.editJSON(marshal(c))
		}
		out = append(out, v)
	}
	return out
}

// RandomVariant returns one of the variants of c, drawn with r.
func RandomVariant(r *rand.Rand, c *cases.Case) Variant {
	vs := Variants(c)
	return vs[r.IntN(len(vs))]
}

// mutation breaks one rule, on the Go value (edit) or on the JSON text
// (editJSON).
type mutation struct {
	name     string
	applies  func(c *cases.Case) bool
	want     func(c *cases.Case) cases.Item
	edit     func(c *cases.Case)
	editJSON func(data []byte) []byte
}

func at(pointer string, code cases.Code) func(*cases.Case) cases.Item {
	return func(*cases.Case) cases.Item { return cases.Item{Pointer: pointer, Code: code} }
}

var mutations = []mutation{
	{name: "blank_summary", want: at("/summary", cases.CodeRequired),
		edit: func(c *cases.Case) { c.Summary = "  " }},
	{name: "long_summary", want: at("/summary", cases.CodeTooLong),
		edit: func(c *cases.Case) { c.Summary = strings.Repeat("é", 256) }},
	{name: "two_line_summary", want: at("/summary", cases.CodeInvalidFormat),
		edit: func(c *cases.Case) { c.Summary = "First line\nsecond line" }},
	{name: "long_details", want: at("/details", cases.CodeTooLong),
		edit: func(c *cases.Case) { c.Details = ptr(strings.Repeat("x", 10001)) }},
	{name: "control_in_details", want: at("/details", cases.CodeInvalidFormat),
		edit: func(c *cases.Case) { c.Details = ptr("bell\a") }},
	{name: "bad_parent_id", want: at("/parent_id", cases.CodeInvalidFormat),
		edit: func(c *cases.Case) { c.ParentID = "fil 1a2b" }},
	{name: "unknown_parent_type", want: at("/parent_type", cases.CodeUnknownValue),
		edit: func(c *cases.Case) { c.ParentType = "Filing" }},
	{name: "unknown_status", want: at("/status", cases.CodeUnknownValue),
		edit: func(c *cases.Case) { c.Status = "closed" }},
	{name: "upper_case_id", want: at("/id", cases.CodeInvalidFormat),
		edit: func(c *cases.Case) { c.ID = strings.ToUpper(c.ID) + "A" }},
	{name: "bracket_in_metadata_key", want: at("/metadata/tier[0]", cases.CodeInvalidFormat),
		edit: func(c *cases.Case) { setMeta(c, "tier[0]", "gold") }},
	{name: "long_metadata_value", want: at("/metadata/note", cases.CodeTooLong),
		edit: func(c *cases.Case) { setMeta(c, "note", strings.Repeat("n", 501)) }},
	{name: "too_much_metadata", want: at("/metadata", cases.CodeTooMany),
		edit: func(c *cases.Case) {
			for i := 0; len(c.Metadata) <= 50; i++ {
				setMeta(c, "extra_"+strconv.Itoa(i), "x")
			}
		}},
	{name: "updated_before_created", want: at("/updated_at", cases.CodeInvalidValue),
		applies: func(c *cases.Case) bool { return c.Status.IsOpen() },
		edit:    func(c *cases.Case) { c.UpdatedAt = c.CreatedAt.Add(-time.Second) }},
	{name: "resolved_at_while_open", want: at("/resolved_at", cases.CodeNotAllowed),
		applies: func(c *cases.Case) bool { return c.Status.IsOpen() },
		edit:    func(c *cases.Case) { c.ResolvedAt = ptr(c.UpdatedAt) }},
	{name: "reason_while_open", want: at("/resolution_reason", cases.CodeNotAllowed),
		applies: func(c *cases.Case) bool { return c.Status.IsOpen() },
		edit:    func(c *cases.Case) { c.ResolutionReason = cases.ReasonNoResponseNeeded }},
	{name: "closed_without_resolved_at", want: at("/resolved_at", cases.CodeRequired),
		applies: func(c *cases.Case) bool { return c.Status.IsTerminal() },
		edit:    func(c *cases.Case) { c.ResolvedAt = nil }},
	{name: "closed_without_reason", want: at("/resolution_reason", cases.CodeRequired),
		applies: func(c *cases.Case) bool { return c.Status.IsTerminal() },
		edit:    func(c *cases.Case) { c.ResolutionReason = "" }},
	{name: "reason_of_other_status", want: at("/resolution_reason", cases.CodeInvalidValue),
		applies: func(c *cases.Case) bool { return c.Status.IsTerminal() },
		edit: func(c *cases.Case) {
			c.ResolutionReason = cases.ReasonParentFailed
			if c.Status == cases.StatusSuperseded {
				c.ResolutionReason = cases.ReasonNoResponseNeeded
			}
		}},
	{name: "visible_without_opened_at", want: at("/opened_at", cases.CodeRequired),
		applies: func(c *cases.Case) bool { return c.Status == cases.StatusNeedsResponse },
		edit:    func(c *cases.Case) { c.OpenedAt = nil }},
	{name: "bad_field_name", want: at("/request/fields/0/name", cases.CodeInvalidFormat),
		applies: func(c *cases.Case) bool { return isMI(c) && c.Response == nil },
		edit:    func(c *cases.Case) { miRequest(c).Fields[0].Name = "Legal Name" }},
	{name: "duplicate_field_name", want: at("/request/fields/1/name", cases.CodeDuplicate),
		applies: func(c *cases.Case) bool {
			return isMI(c) && c.Response == nil && len(miRequest(c).Fields) > 1
		},
		edit: func(c *cases.Case) {
			f := miRequest(c).Fields
			f[1].Name = f[0].Name
		}},
	{name: "missing_required_answer", want: requiredAnswer,
		applies: func(c *cases.Case) bool { return requiredAnswer(c).Pointer != "" },
		edit: func(c *cases.Case) {
			name := strings.TrimPrefix(requiredAnswer(c).Pointer, "/response/fields/")
			delete(c.Response.(*cases.MissingInformationResponse).Fields, name)
		}},
	{name: "answer_not_asked", want: at("/response/fields/not_asked", cases.CodeUnknownField),
		applies: func(c *cases.Case) bool { return isMI(c) && c.Response != nil },
		edit: func(c *cases.Case) {
			c.Response.(*cases.MissingInformationResponse).Fields["not_asked"] = "x"
		}},
	{name: "ra_parent_not_business", want: at("/parent_type", cases.CodeInvalidValue),
		applies: func(c *cases.Case) bool { return c.Kind == cases.KindRATermination },
		edit:    func(c *cases.Case) { c.ParentType = cases.ParentFiling }},
	{name: "unknown_ra_reason", want: at("/request/reason", cases.CodeUnknownValue),
		applies: func(c *cases.Case) bool { return c.Kind == cases.KindRATermination },
		edit: func(c *cases.Case) {
			c.Request.(*cases.RATerminationRequest).Reason = "bankrupt"
		}},
	{name: "unknown_key", want: at("/colour", cases.CodeUnknownField),
		editJSON: func(b []byte) []byte { return setKey(b, "colour", `"red"`) }},
	{name: "summary_not_string", want: at("/summary", cases.CodeInvalidType),
		editJSON: func(b []byte) []byte { return setKey(b, "summary", `42`) }},
	{name: "details_as_object", want: at("/details", cases.CodeInvalidType),
		editJSON: func(b []byte) []byte { return setKey(b, "details", `{}`) }},
	{name: "bad_created_at", want: at("/created_at", cases.CodeInvalidFormat),
		editJSON: func(b []byte) []byte {
			return setKey(b, "created_at", `"2026-13-01T09:00:00Z"`)
		}},
	{name: "metadata_value_not_string", want: at("/metadata/count", cases.CodeInvalidType),
		editJSON: func(b []byte) []byte {
			return setKey(b, "metadata", `{"count":3}`)
		}},
	{name: "repeated_key", want: at("/summary", cases.CodeDuplicate),
		editJSON: func(b []byte) []byte {
			return append([]byte(`{"summary":"Once",`), b[1:]...)
		}},
}

func ptr[T any](v T) *T { return &v }

func isMI(c *cases.Case) bool {
	_, ok := c.Request.(*cases.MissingInformationRequest)
	return ok && c.Kind == cases.KindMissingInformation
}

func miRequest(c *cases.Case) *cases.MissingInformationRequest {
	return c.Request.(*cases.MissingInformationRequest)
}

// requiredAnswer returns the item for removing the first required answer
// of c's response, or an empty item when c has none.
func requiredAnswer(c *cases.Case) cases.Item {
	resp, ok := c.Response.(*cases.MissingInformationResponse)
	if !isMI(c) || !ok {
		return cases.Item{}
	}
	for _, f := range miRequest(c).Fields {
		if _, answered := resp.Fields[f.Name]; f.Required && answered {
			return cases.Item{Pointer: "/response/fields/" + f.Name, Code: cases.CodeRequired}
		}
	}
	return cases.Item{}
}

func setMeta(c *cases.Case, k, v string) {
	if c.Metadata == nil {
		c.Metadata = cases.Metadata{}
	}
	c.Metadata[k] = v
}

func marshal(c *cases.Case) []byte {
	b, err := c.MarshalJSON()
	must(err)
	return b
}

// setKey returns the JSON object b with key set to the JSON text value.
func setKey(b []byte, key, value string) []byte {
	var m map[string]json.RawMessage
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	must(d.Decode(&m))
	m[key] = json.RawMessage(value)
	out, err := json.Marshal(m)
	must(err)
	return out
}
