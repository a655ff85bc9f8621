package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
)

// This file adds the documents that the casetest kit builds: a case of
// every scenario, random cases drawn with fixed seeds, every variant of
// the scenarios' cases that breaks one rule, and every variant of the
// kit's open, update and respond bodies that breaks one rule. A body
// variant may break a rule of the operation rather than of the body (a
// due time in the past, a move the case's status does not allow): the
// library checks it with the operation, on the kit's cases at the kit's
// clock.

// randomSeeds is the number of random cases; seed n draws the nth.
const randomSeeds = 24

// variantGaps names, by schema and then by variant, the rule that no
// schema can check which a casetest variant breaks. Every other variant
// must be refused by both validators.
var variantGaps = map[string]map[string]string{
	"case": {
		"updated_before_created":  "timestamp_order",
		"duplicate_field_name":    "unique_field_names",
		"missing_required_answer": "response_against_request",
		"answer_not_asked":        "response_against_request",
		"repeated_key":            "duplicate_keys",
	},
	"open": {
		"duplicate_field_name": "unique_field_names",
		"past_due_at":          "due_at_later_than_now",
		"repeated_key":         "duplicate_keys",
	},
	"update": {
		"past_due_at":               "due_at_later_than_now",
		"too_much_metadata":         "metadata_merge_limit",
		"superseded_without_reason": "transitions",
		"repeated_key":              "duplicate_keys",
	},
	"respond": {
		"missing_required_answer": "response_against_request",
		"blank_required_answer":   "response_against_request",
		"answer_of_wrong_type":    "response_against_request",
		"answer_not_asked":        "response_against_request",
		"repeated_fields":         "duplicate_keys",
	},
}

// variantOutcome is the outcome of a variant of a document of kind doc
// ("case", "open", "update" or "respond") that breaks a rule with want.
func variantOutcome(doc, variant string, want cases.Item) outcome {
	item := at(want.Pointer, want.Code)
	if rule, ok := variantGaps[doc][variant]; ok {
		return refusedByLibrary(rule, item)
	}
	return invalidWith(item)
}

func casetestBodies(c *corpus) {
	casetestCases(c)
	casetestOpenBodies(c)
	casetestUpdateBodies(c)
	casetestRespondBodies(c)
}

func casetestCases(c *corpus) {
	for _, sc := range casetest.Scenarios() {
		kase := sc.Build(casetest.NewEnv())
		c.raw("case", valid, "casetest_scenario_"+sc.Name, indented(marshal(kase)))
		for _, v := range casetest.Variants(kase) {
			c.raw("case", variantOutcome("case", v.Name, v.Want),
				"casetest_"+sc.Name+"__"+v.Name, indented(v.JSON))
		}
	}
	for seed := range uint64(randomSeeds) {
		kase := casetest.Random(rand.New(rand.NewPCG(seed, 0)), casetest.NewEnv())
		c.raw("case", valid, fmt.Sprintf("casetest_random_%02d", seed), indented(marshal(kase)))
	}
}

func casetestOpenBodies(c *corpus) {
	e := casetest.NewEnv()
	op := openAt(e.Cases())
	for _, o := range []*cases.OpenRequest{
		casetest.MissingInformationOpen(e.Now()), casetest.RATerminationOpen(),
	} {
		prefix := "casetest_" + string(o.Kind)
		c.sent("open", valid, prefix, indented(marshal(o)), op)
		for _, v := range casetest.OpenVariants(o, e.Now()) {
			c.sent("open", variantOutcome("open", v.Name, v.Want), prefix+"__"+v.Name,
				indented(v.JSON), op)
		}
	}
}

func casetestUpdateBodies(c *corpus) {
	e := casetest.NewEnv()
	open := e.NeedsResponse()
	op := updateOf(open, e.Cases())
	for _, v := range casetest.UpdateVariants(e.Now()) {
		c.sent("update", variantOutcome("update", v.Name, v.Want), "casetest__"+v.Name,
			indented(v.JSON), op)
	}
	closed := updateOf(e.Resolved(), e.Cases())
	c.sent("update", refusedByLibrary("transitions", at("", cases.CodeCaseClosed)),
		"casetest_resolved_case_summary", `{"summary": "New summary."}`, closed)
	c.sent("update", valid, "casetest_resolved_case_metadata",
		`{"metadata": {"note": "kept after closing"}}`, closed)
}

func casetestRespondBodies(c *corpus) {
	e := casetest.NewEnv()
	answers := []struct {
		kase   *cases.Case
		answer cases.Payload
	}{
		{e.NeedsResponse(), casetest.MissingInformationAnswer()},
		{e.RATermination(), casetest.RATerminationAnswer()},
	}
	for _, a := range answers {
		schema := "respond." + string(a.kase.Kind)
		op := respondTo(a.kase, e.Cases())
		c.sent(schema, valid, "casetest", indented(marshal(a.answer)), op)
		for _, v := range casetest.ResponseVariants(a.kase, a.answer) {
			c.sent(schema, variantOutcome("respond", v.Name, v.Want), "casetest__"+v.Name,
				indented(v.JSON), op)
		}
	}
	const mi = "respond.missing_information"
	answer := indented(marshal(casetest.MissingInformationAnswer()))
	other := `{"fields": {"corrected_legal_name": "Acme Group LLC", "registered_office":` +
		` {"street_line_1": "8 The Green", "city": "Dover", "region": "DE",` +
		` "postal_code": "19901", "country": "US"}}}`
	review := respondTo(e.UnderReview(), e.Cases())
	c.sent(mi, valid, "casetest_under_review_same_answer_again", answer, review)
	c.sent(mi, refusedByLibrary("awaiting_response", at("", cases.CodeNotAwaiting)),
		"casetest_under_review_other_answer", other, review)
	c.sent(mi, refusedByLibrary("awaiting_response", at("", cases.CodeCaseClosed)),
		"casetest_superseded_case", other, respondTo(e.Superseded(), e.Cases()))
}

// openAt returns the library's check of an open body: strict decoding,
// then Open in env.
func openAt(env cases.Env) func([]byte) error {
	return func(body []byte) error {
		o, err := cases.Decoder{}.Open(body)
		if err != nil {
			return err
		}
		_, _, err = cases.Open(o, env)
		return err
	}
}

// updateOf returns the library's check of an update body: strict
// decoding, then Update of c in env.
func updateOf(c *cases.Case, env cases.Env) func([]byte) error {
	return func(body []byte) error {
		u, err := cases.Decoder{}.Update(body)
		if err != nil {
			return err
		}
		_, _, err = cases.Update(c, u, env)
		return err
	}
}

// respondTo returns the library's check of a respond body: strict
// decoding as c's kind, then Respond to c in env.
func respondTo(c *cases.Case, env cases.Env) func([]byte) error {
	return func(body []byte) error {
		p, err := cases.Decoder{}.Response(c.Kind, body)
		if err != nil {
			return err
		}
		_, _, err = cases.Respond(c, p, env)
		return err
	}
}

func marshal(v json.Marshaler) []byte {
	data, err := v.MarshalJSON()
	if err != nil {
		panic(err)
	}
	return data
}

// indented returns the JSON text data indented, ending in a newline. It
// works on the text, so a repeated key stays repeated.
func indented(data []byte) string {
	var buf bytes.Buffer
	if err := json.Indent(&buf, data, "", "  "); err != nil {
		panic(err)
	}
	buf.WriteByte('\n')
	return buf.String()
}
