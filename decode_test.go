package cases

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecMember is one member of a JSON object: its key as written between
// the quotes, and its value as raw JSON text.
type codecMember struct{ key, raw string }

// codecFieldsRaw is the fields list of the request in codecOpenMembers.
const codecFieldsRaw = `[` +
	`{"name":"legal_name","type":"string","description":"Legal name.","required":true},` +
	`{"name":"employees","type":"integer","description":"Employees."}]`

// codecOpenMembers are the members of an open body that strict decoding
// accepts.
var codecOpenMembers = []codecMember{
	{"parent_type", `"filing"`},
	{"parent_id", `"fil_1a2b3c"`},
	{"kind", `"missing_information"`},
	{"status", `"needs_response"`},
	{"summary", `"Additional information needed."`},
	{"details", `"The state rejected the name."`},
	{"request", `{"fields":` + codecFieldsRaw + `}`},
	{"due_at", `"2030-01-02T03:04:05Z"`},
	{"metadata", `{"external_id":"user_123"}`},
}

// codecObject writes base as a JSON object after edits, given as pairs of
// key and raw value: a pair replaces the member with that key or adds one
// at the end; an empty raw value removes the member.
func codecObject(base []codecMember, edits ...string) string {
	members := slices.Clone(base)
	for i := 0; i+1 < len(edits); i += 2 {
		k, raw := edits[i], edits[i+1]
		j := slices.IndexFunc(members, func(m codecMember) bool { return m.key == k })
		switch {
		case j >= 0 && raw == "":
			members = slices.Delete(members, j, j+1)
		case j >= 0:
			members[j].raw = raw
		case raw != "":
			members = append(members, codecMember{k, raw})
		}
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + m.key + `":` + m.raw)
	}
	b.WriteByte('}')
	return b.String()
}

// codecOpen returns a valid open body after edits (see codecObject).
func codecOpen(edits ...string) string { return codecObject(codecOpenMembers, edits...) }

// codecRAOpen returns a valid ra_termination open body after edits.
func codecRAOpen(edits ...string) string {
	all := append([]string{"parent_type", `"business"`, "kind", `"ra_termination"`,
		"request", `{"reason":"other","reason_detail":"Moving."}`}, edits...)
	return codecObject(codecOpenMembers, all...)
}

// codecSwap returns s with old, which must occur exactly once, replaced by
// new.
func codecSwap(s, old, new string) string {
	if n := strings.Count(s, old); n != 1 {
		panic(fmt.Sprintf("codecSwap: %q occurs %d times", old, n))
	}
	return strings.Replace(s, old, new, 1)
}

// codecMust returns v and panics on err; it builds fixtures outside tests.
func codecMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// codecText encodes c, panicking on failure.
func codecText(c *Case) string { return string(codecMust(c.MarshalJSON())) }

// codecOpened returns validOpen opened at t0.
func codecOpened() *Case {
	c, _, err := Open(validOpen(), testEnv(t0))
	return codecMust(c, err)
}

// codecEventID is the ID of the event of codecAnswered.
const codecEventID = "00000000-0000-7000-8000-0000000000e1"

// codecAnswered returns codecOpened answered with validAnswers an hour
// later, and its case.updated event.
func codecAnswered() (*Case, Event) {
	env := Env{Now: t0.Add(time.Hour), NewID: func() (uuid.UUID, error) {
		return uuid.MustParse(codecEventID), nil
	}}
	c, events, err := Respond(codecOpened(), validAnswers(), env)
	if err != nil || len(events) != 1 {
		panic(fmt.Sprint("codecAnswered: ", err, len(events)))
	}
	return c, events[0]
}

// codecResolved returns codecAnswered resolved two hours after t0.
func codecResolved() *Case {
	c, _ := codecAnswered()
	n, _, err := Update(c, &UpdateRequest{Status: ptr(StatusResolved)},
		testEnv(t0.Add(2*time.Hour)))
	return codecMust(n, err)
}

// codecRA returns validRAOpen opened at t0.
func codecRA() *Case {
	c, _, err := Open(validRAOpen(), testEnv(t0))
	return codecMust(c, err)
}

// codecCaseText is the JSON of codecAnswered: a strictly valid case with a
// request, a response, details, a due time and metadata.
func codecCaseText() string {
	c, _ := codecAnswered()
	return codecText(c)
}

// codecDoc names a kind of document and how to decode it.
type codecDoc string

// The documents a Decoder reads.
const (
	docOpen    codecDoc = "open"
	docUpdate  codecDoc = "update"
	docRespMI  codecDoc = "response_mi"
	docRespRA  codecDoc = "response_ra"
	docRespRaw codecDoc = "response_raw"
	docCase    codecDoc = "case"
	docEvent   codecDoc = "event"
)

// codecDocs lists every document.
var codecDocs = []codecDoc{
	docOpen, docUpdate, docRespMI, docRespRA, docRespRaw, docCase, docEvent,
}

// decode decodes body as the document k with d.
func (k codecDoc) decode(d Decoder, body []byte) (any, error) {
	switch k {
	case docOpen:
		v, err := d.Open(body)
		return v, err
	case docUpdate:
		v, err := d.Update(body)
		return v, err
	case docRespMI:
		return d.Response(KindMissingInformation, body)
	case docRespRA:
		return d.Response(KindRATermination, body)
	case docRespRaw:
		return d.Response(Kind("new_kind"), body)
	case docCase:
		v, err := d.Case(body)
		return v, err
	case docEvent:
		v, err := d.Event(body)
		return v, err
	}
	panic("unknown document " + string(k))
}

var (
	codecStrict  = Decoder{}
	codecLenient = Decoder{Lenient: true}
)

// codecProblem is a body and the items strict and lenient decoding report;
// nil items mean that decoding succeeds.
type codecProblem struct {
	name    string
	doc     codecDoc
	body    string
	strict  []at
	lenient []at
}

func codecProblems() []codecProblem {
	caseText := codecCaseText()
	field := func(raw string) string { return `{"fields":[` + raw + `]}` }
	spec := `{"name":"a","type":"string","description":"A.",%s}`
	specWith := func(member string) string {
		return codecOpen("request", field(fmt.Sprintf(spec, member)))
	}
	inCase := func(old, new string) string { return codecSwap(caseText, old, new) }
	both := func(p string, c Code) []at { return []at{{p, c}} }
	return []codecProblem{
		// Open bodies.
		{"open/valid", docOpen, codecOpen(), nil, nil},
		{"open/valid ra_termination", docOpen, codecRAOpen(), nil, nil},
		{"open/absent optionals", docOpen, codecOpen("details", "", "due_at", "",
			"metadata", ""), nil, nil},
		{"open/null optionals", docOpen, codecOpen("details", "null", "due_at", "null",
			"metadata", "null"), nil, nil},
		{"open/unknown key id", docOpen, codecOpen("id", `"x"`),
			both("/id", CodeUnknownField), nil},
		{"open/unknown key object", docOpen, codecOpen("object", `"case"`),
			both("/object", CodeUnknownField), nil},
		{"open/unknown key in request", docOpen,
			codecOpen("request", `{"fields":`+codecFieldsRaw+`,"extra":1}`),
			both("/request/extra", CodeUnknownField), nil},
		{"open/unknown key in field spec", docOpen, specWith(`"hint":"x"`),
			both("/request/fields/0/hint", CodeUnknownField), nil},
		{"open/unknown key in ra request", docOpen,
			codecRAOpen("request", `{"reason":"other","reason_detail":"x","note":1}`),
			both("/request/note", CodeUnknownField), nil},
		{"open/parent_type number", docOpen, codecOpen("parent_type", "5"),
			both("/parent_type", CodeInvalidType), both("/parent_type", CodeInvalidType)},
		{"open/parent_type object", docOpen, codecOpen("parent_type", "{}"),
			both("/parent_type", CodeInvalidType), both("/parent_type", CodeInvalidType)},
		{"open/parent_id array", docOpen, codecOpen("parent_id", "[]"),
			both("/parent_id", CodeInvalidType), both("/parent_id", CodeInvalidType)},
		{"open/kind boolean", docOpen, codecOpen("kind", "true"),
			both("/kind", CodeInvalidType), both("/kind", CodeInvalidType)},
		{"open/status number", docOpen, codecOpen("status", "1.5"),
			both("/status", CodeInvalidType), both("/status", CodeInvalidType)},
		{"open/summary object", docOpen, codecOpen("summary", "{}"),
			both("/summary", CodeInvalidType), both("/summary", CodeInvalidType)},
		{"open/details object", docOpen, codecOpen("details", "{}"),
			both("/details", CodeInvalidType), both("/details", CodeInvalidType)},
		{"open/details array", docOpen, codecOpen("details", "[]"),
			both("/details", CodeInvalidType), both("/details", CodeInvalidType)},
		{"open/details number", docOpen, codecOpen("details", "0"),
			both("/details", CodeInvalidType), both("/details", CodeInvalidType)},
		{"open/due_at object", docOpen, codecOpen("due_at", "{}"),
			both("/due_at", CodeInvalidType), both("/due_at", CodeInvalidType)},
		{"open/due_at number", docOpen, codecOpen("due_at", "1700000000"),
			both("/due_at", CodeInvalidType), both("/due_at", CodeInvalidType)},
		{"open/due_at boolean", docOpen, codecOpen("due_at", "true"),
			both("/due_at", CodeInvalidType), both("/due_at", CodeInvalidType)},
		{"open/metadata array", docOpen, codecOpen("metadata", "[]"),
			both("/metadata", CodeInvalidType), both("/metadata", CodeInvalidType)},
		{"open/metadata string", docOpen, codecOpen("metadata", `"x"`),
			both("/metadata", CodeInvalidType), both("/metadata", CodeInvalidType)},
		{"open/metadata value number", docOpen, codecOpen("metadata", `{"k":5}`),
			both("/metadata/k", CodeInvalidType), both("/metadata/k", CodeInvalidType)},
		{"open/metadata value object", docOpen, codecOpen("metadata", `{"k":{}}`),
			both("/metadata/k", CodeInvalidType), both("/metadata/k", CodeInvalidType)},
		{"open/metadata value null", docOpen, codecOpen("metadata", `{"k":null}`),
			both("/metadata/k", CodeInvalidType), both("/metadata/k", CodeInvalidType)},
		{"open/request string", docOpen, codecOpen("request", `"x"`),
			both("/request", CodeInvalidType), both("/request", CodeInvalidType)},
		{"open/request array", docOpen, codecOpen("request", `[]`),
			both("/request", CodeInvalidType), both("/request", CodeInvalidType)},
		{"open/fields object", docOpen, codecOpen("request", `{"fields":{}}`),
			both("/request/fields", CodeInvalidType),
			both("/request/fields", CodeInvalidType)},
		{"open/field number", docOpen, codecOpen("request", field("5")),
			both("/request/fields/0", CodeInvalidType),
			both("/request/fields/0", CodeInvalidType)},
		{"open/field name number", docOpen,
			codecOpen("request", field(`{"name":5,"type":"string","description":"A."}`)),
			both("/request/fields/0/name", CodeInvalidType),
			both("/request/fields/0/name", CodeInvalidType)},
		{"open/field type array", docOpen,
			codecOpen("request", field(`{"name":"a","type":[],"description":"A."}`)),
			both("/request/fields/0/type", CodeInvalidType),
			both("/request/fields/0/type", CodeInvalidType)},
		{"open/field required string", docOpen, specWith(`"required":"yes"`),
			both("/request/fields/0/required", CodeInvalidType),
			both("/request/fields/0/required", CodeInvalidType)},
		{"open/field options string", docOpen, codecOpen("request",
			field(`{"name":"a","type":"enum","description":"A.","options":"a"}`)),
			both("/request/fields/0/options", CodeInvalidType),
			both("/request/fields/0/options", CodeInvalidType)},
		{"open/field option number", docOpen, codecOpen("request",
			field(`{"name":"a","type":"enum","description":"A.","options":["a",5]}`)),
			both("/request/fields/0/options/1", CodeInvalidType),
			both("/request/fields/0/options/1", CodeInvalidType)},
		{"open/ra reason number", docOpen, codecRAOpen("request", `{"reason":5}`),
			both("/request/reason", CodeInvalidType),
			both("/request/reason", CodeInvalidType)},
		{"open/ra reason_detail object", docOpen,
			codecRAOpen("request", `{"reason":"other","reason_detail":{}}`),
			both("/request/reason_detail", CodeInvalidType),
			both("/request/reason_detail", CodeInvalidType)},
		{"open/null body", docOpen, "null", both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"open/array body", docOpen, "[]", both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"open/string body", docOpen, `"x"`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"open/number body", docOpen, `5`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"open/empty object", docOpen, `{}`, []at{
			{"/kind", CodeRequired}, {"/parent_id", CodeRequired},
			{"/parent_type", CodeRequired}, {"/status", CodeRequired},
			{"/summary", CodeRequired},
		}, nil},
		{"open/summary null", docOpen, codecOpen("summary", "null"),
			both("/summary", CodeRequired), nil},
		{"open/summary absent", docOpen, codecOpen("summary", ""),
			both("/summary", CodeRequired), nil},
		{"open/request null", docOpen, codecOpen("request", "null"),
			both("/request", CodeRequired), nil},
		{"open/status resolved", docOpen, codecOpen("status", `"resolved"`),
			both("/status", CodeInvalidValue), nil},
		{"open/every problem at once", docOpen, codecOpen(
			"parent_type", `"Filing"`,
			"summary", `""`,
			"details", `5`,
			"due_at", `"tomorrow"`,
			"metadata", `{"a[b]":"x"}`,
			"request", field(strings.Join([]string{
				`{"name":"f0","type":"string","description":"D."}`,
				`{"name":"f1","type":"string","description":"D."}`,
				`{"name":"Bad Name","type":"string","description":"D."}`,
				`{"name":"f3","type":"string","description":"D."}`,
				`{"name":"f4","type":"string","description":"D."}`,
				`{"name":"f5","type":"string","description":"D."}`,
				`{"name":"f6","type":"string","description":"D."}`,
				`{"name":"f7","type":"string","description":"D."}`,
				`{"name":"f8","type":"string","description":"D."}`,
				`{"name":"f9","type":"string","description":"D."}`,
				`{"name":"f10","type":"colour","description":"D."}`,
			}, ",")),
			"foo", `1`,
		), []at{
			{"/details", CodeInvalidType},
			{"/due_at", CodeInvalidFormat},
			{"/foo", CodeUnknownField},
			{"/metadata/a[b]", CodeInvalidFormat},
			{"/parent_type", CodeUnknownValue},
			{"/request/fields/2/name", CodeInvalidFormat},
			{"/request/fields/10/type", CodeUnknownValue},
			{"/summary", CodeRequired},
		}, []at{
			{"/details", CodeInvalidType},
			{"/due_at", CodeInvalidFormat},
		}},

		// Update bodies.
		{"update/empty", docUpdate, `{}`, nil, nil},
		{"update/status", docUpdate, `{"status":"under_review"}`, nil, nil},
		{"update/closing", docUpdate,
			`{"status":"superseded","resolution_reason":"parent_failed"}`, nil, nil},
		{"update/parent_type", docUpdate, `{"parent_type":"filing"}`,
			both("/parent_type", CodeNotAllowed), nil},
		{"update/parent_id", docUpdate, `{"parent_id":"fil_1"}`,
			both("/parent_id", CodeNotAllowed), nil},
		{"update/kind", docUpdate, `{"kind":"missing_information"}`,
			both("/kind", CodeNotAllowed), nil},
		{"update/request", docUpdate, `{"request":{"fields":[]}}`,
			both("/request", CodeNotAllowed), nil},
		{"update/request null", docUpdate, `{"request":null}`,
			both("/request", CodeNotAllowed), nil},
		{"update/unknown key", docUpdate, `{"foo":1}`,
			both("/foo", CodeUnknownField), nil},
		{"update/id", docUpdate, `{"id":"x"}`, both("/id", CodeUnknownField), nil},
		{"update/status number", docUpdate, `{"status":5}`,
			both("/status", CodeInvalidType), both("/status", CodeInvalidType)},
		{"update/status null", docUpdate, `{"status":null}`,
			both("/status", CodeRequired), nil},
		{"update/status unknown", docUpdate, `{"status":"closed"}`,
			both("/status", CodeUnknownValue), nil},
		{"update/summary null", docUpdate, `{"summary":null}`,
			both("/summary", CodeRequired), nil},
		{"update/summary blank", docUpdate, `{"summary":" "}`,
			both("/summary", CodeRequired), nil},
		{"update/summary object", docUpdate, `{"summary":{}}`,
			both("/summary", CodeInvalidType), both("/summary", CodeInvalidType)},
		{"update/details number", docUpdate, `{"details":5}`,
			both("/details", CodeInvalidType), both("/details", CodeInvalidType)},
		{"update/details too long", docUpdate,
			`{"details":"` + strings.Repeat("é", 10001) + `"}`,
			both("/details", CodeTooLong), nil},
		{"update/due_at object", docUpdate, `{"due_at":{}}`,
			both("/due_at", CodeInvalidType), both("/due_at", CodeInvalidType)},
		{"update/due_at malformed", docUpdate, `{"due_at":"soon"}`,
			both("/due_at", CodeInvalidFormat), both("/due_at", CodeInvalidFormat)},
		{"update/metadata array", docUpdate, `{"metadata":[]}`,
			both("/metadata", CodeInvalidType), both("/metadata", CodeInvalidType)},
		{"update/metadata value number", docUpdate, `{"metadata":{"k":5}}`,
			both("/metadata/k", CodeInvalidType), both("/metadata/k", CodeInvalidType)},
		{"update/metadata key bracket", docUpdate, `{"metadata":{"a[b]":"v"}}`,
			both("/metadata/a[b]", CodeInvalidFormat), nil},
		{"update/reason without status", docUpdate,
			`{"resolution_reason":"parent_failed"}`,
			both("/resolution_reason", CodeNotAllowed), nil},
		{"update/reason of another status", docUpdate,
			`{"status":"resolved","resolution_reason":"parent_failed"}`,
			both("/resolution_reason", CodeInvalidValue), nil},
		{"update/reason number", docUpdate, `{"resolution_reason":5}`,
			both("/resolution_reason", CodeInvalidType),
			both("/resolution_reason", CodeInvalidType)},
		{"update/null body", docUpdate, `null`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"update/array body", docUpdate, `[]`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"update/every problem at once", docUpdate, `{"parent_type":"x","kind":"y",` +
			`"parent_id":"z","request":{},"summary":null,"status":"closed","foo":1,` +
			`"due_at":"bad","details":5,"metadata":{"k":5}}`, []at{
			{"/details", CodeInvalidType},
			{"/due_at", CodeInvalidFormat},
			{"/foo", CodeUnknownField},
			{"/kind", CodeNotAllowed},
			{"/metadata/k", CodeInvalidType},
			{"/parent_id", CodeNotAllowed},
			{"/parent_type", CodeNotAllowed},
			{"/request", CodeNotAllowed},
			{"/status", CodeUnknownValue},
			{"/summary", CodeRequired},
		}, []at{
			{"/details", CodeInvalidType},
			{"/due_at", CodeInvalidFormat},
			{"/metadata/k", CodeInvalidType},
		}},

		// Respond bodies of missing_information.
		{"response/empty fields", docRespMI, `{"fields":{}}`, nil, nil},
		{"response/answers", docRespMI,
			`{"fields":{"a":"x","b":1.5,"c":true,"d":null,"e":{"k":[1,"2"]}}}`, nil, nil},
		{"response/fields absent", docRespMI, `{}`, both("/fields", CodeRequired), nil},
		{"response/fields null", docRespMI, `{"fields":null}`,
			both("/fields", CodeRequired), nil},
		{"response/fields array", docRespMI, `{"fields":[]}`,
			both("/fields", CodeInvalidType), both("/fields", CodeInvalidType)},
		{"response/fields string", docRespMI, `{"fields":"x"}`,
			both("/fields", CodeInvalidType), both("/fields", CodeInvalidType)},
		{"response/unknown key", docRespMI, `{"fields":{},"extra":1}`,
			both("/extra", CodeUnknownField), nil},
		{"response/wrong key", docRespMI, `{"answers":{}}`,
			[]at{{"/answers", CodeUnknownField}, {"/fields", CodeRequired}}, nil},
		{"response/null body", docRespMI, `null`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"response/array body", docRespMI, `[]`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"response/string body", docRespMI, `"x"`, both("", CodeInvalidType),
			both("", CodeInvalidType)},

		// Respond bodies of ra_termination.
		{"ra response/acknowledged", docRespRA, `{"acknowledged":true}`, nil, nil},
		{"ra response/successor", docRespRA, `{"acknowledged":true,"successor_agent":` +
			`{"name":"Agents Inc.","address":{"street_line_1":"1 Main St",` +
			`"city":"Dover","region":"DE","postal_code":"19901","country":"US"}}}`,
			nil, nil},
		{"ra response/empty", docRespRA, `{}`, both("/acknowledged", CodeRequired), nil},
		{"ra response/acknowledged null", docRespRA, `{"acknowledged":null}`,
			both("/acknowledged", CodeRequired), nil},
		{"ra response/acknowledged false", docRespRA, `{"acknowledged":false}`,
			both("/acknowledged", CodeInvalidValue), nil},
		{"ra response/acknowledged string", docRespRA, `{"acknowledged":"true"}`,
			both("/acknowledged", CodeInvalidType),
			both("/acknowledged", CodeInvalidType)},
		{"ra response/acknowledged number", docRespRA, `{"acknowledged":1}`,
			both("/acknowledged", CodeInvalidType),
			both("/acknowledged", CodeInvalidType)},
		{"ra response/unknown key", docRespRA, `{"acknowledged":true,"extra":1}`,
			both("/extra", CodeUnknownField), nil},
		{"ra response/successor string", docRespRA,
			`{"acknowledged":true,"successor_agent":"x"}`,
			both("/successor_agent", CodeInvalidType),
			both("/successor_agent", CodeInvalidType)},
		{"ra response/successor name number", docRespRA,
			`{"acknowledged":true,"successor_agent":{"name":5,"address":null}}`,
			[]at{{"/successor_agent/address", CodeRequired},
				{"/successor_agent/name", CodeInvalidType}},
			both("/successor_agent/name", CodeInvalidType)},
		{"ra response/successor address array", docRespRA,
			`{"acknowledged":true,"successor_agent":{"name":"A","address":[]}}`,
			both("/successor_agent/address", CodeInvalidType),
			both("/successor_agent/address", CodeInvalidType)},
		{"ra response/successor address key", docRespRA,
			`{"acknowledged":true,"successor_agent":{"name":"A","address":` +
				`{"street_line_1":"1 Main St","city":"Dover","region":"DE",` +
				`"postal_code":"19901","country":"USA","floor":"2"}}}`,
			[]at{{"/successor_agent/address/country", CodeInvalidFormat},
				{"/successor_agent/address/floor", CodeUnknownField}}, nil},
		{"ra response/null body", docRespRA, `null`, both("", CodeInvalidType),
			both("", CodeInvalidType)},

		// Whole cases.
		{"case/valid", docCase, caseText, nil, nil},
		{"case/unknown key", docCase, inCase(`"id":`, `"livemode":false,"id":`),
			both("/livemode", CodeUnknownField), nil},
		{"case/unknown key in request", docCase,
			inCase(`"request":{`, `"request":{"x":1,`),
			both("/request/x", CodeUnknownField), nil},
		{"case/unknown key in field spec", docCase,
			inCase(`"name":"email",`, `"name":"email","hint":"x",`),
			both("/request/fields/2/hint", CodeUnknownField), nil},
		{"case/unknown key in response", docCase,
			inCase(`"response":{`, `"response":{"x":1,`),
			both("/response/x", CodeUnknownField), nil},
		{"case/object event", docCase, inCase(`"object":"case"`, `"object":"event"`),
			both("/object", CodeInvalidValue), nil},
		{"case/object number", docCase, inCase(`"object":"case"`, `"object":5`),
			both("/object", CodeInvalidType), both("/object", CodeInvalidType)},
		{"case/id number", docCase,
			inCase(`"id":"00000000-0000-7000-8000-000000000001"`, `"id":5`),
			both("/id", CodeInvalidType), both("/id", CodeInvalidType)},
		{"case/id not a uuid", docCase,
			inCase(`"id":"00000000-0000-7000-8000-000000000001"`, `"id":"case_1"`),
			both("/id", CodeInvalidFormat), nil},
		{"case/id upper case", docCase,
			inCase(`"id":"00000000-0000-7000-8000-000000000001"`,
				`"id":"00000000-0000-7000-8000-00000000000A"`),
			both("/id", CodeInvalidFormat), nil},
		{"case/created_at object", docCase,
			inCase(`"created_at":"2026-03-01T09:00:00Z"`, `"created_at":{}`),
			both("/created_at", CodeInvalidType), both("/created_at", CodeInvalidType)},
		{"case/opened_at number", docCase,
			inCase(`"opened_at":"2026-03-01T09:00:00Z"`, `"opened_at":5`),
			both("/opened_at", CodeInvalidType), both("/opened_at", CodeInvalidType)},
		{"case/resolved_at object", docCase,
			inCase(`"resolved_at":null`, `"resolved_at":{}`),
			both("/resolved_at", CodeInvalidType), both("/resolved_at", CodeInvalidType)},
		{"case/resolution_reason number", docCase,
			inCase(`"resolution_reason":null`, `"resolution_reason":5`),
			both("/resolution_reason", CodeInvalidType),
			both("/resolution_reason", CodeInvalidType)},
		{"case/status object", docCase,
			inCase(`"status":"under_review"`, `"status":{}`),
			both("/status", CodeInvalidType), both("/status", CodeInvalidType)},
		{"case/kind number", docCase,
			inCase(`"kind":"missing_information"`, `"kind":5`),
			both("/kind", CodeInvalidType), both("/kind", CodeInvalidType)},
		{"case/metadata array", docCase,
			inCase(`"metadata":{"external_id":"user_123"}`, `"metadata":[]`),
			both("/metadata", CodeInvalidType), both("/metadata", CodeInvalidType)},
		{"case/metadata value null", docCase,
			inCase(`"metadata":{"external_id":"user_123"}`, `"metadata":{"k":null}`),
			both("/metadata/k", CodeInvalidType), both("/metadata/k", CodeInvalidType)},
		{"case/details object", docCase,
			inCase(`"details":"The state rejected the name."`, `"details":{}`),
			both("/details", CodeInvalidType), both("/details", CodeInvalidType)},
		{"case/response string", docCase,
			inCase(`"response":{"fields":`, `"response":"x","r":{"fields":`),
			[]at{{"/r", CodeUnknownField}, {"/response", CodeInvalidType}},
			both("/response", CodeInvalidType)},
		{"case/field type number", docCase,
			inCase(`"type":"email"`, `"type":5`),
			both("/request/fields/2/type", CodeInvalidType),
			both("/request/fields/2/type", CodeInvalidType)},
		{"case/summary too long", docCase,
			inCase(`"summary":"Additional information needed to complete your filing."`,
				`"summary":"`+strings.Repeat("s", 256)+`"`),
			both("/summary", CodeTooLong), nil},
		{"case/closed without closing fields", docCase,
			inCase(`"status":"under_review"`, `"status":"resolved"`),
			[]at{{"/resolution_reason", CodeRequired}, {"/resolved_at", CodeRequired}},
			nil},
		{"case/null body", docCase, `null`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
		{"case/array body", docCase, `[]`, both("", CodeInvalidType),
			both("", CodeInvalidType)},
	}
}

func TestDecoder_Problems(t *testing.T) {
	for _, tc := range codecProblems() {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []struct {
				name string
				dec  Decoder
				want []at
			}{{"strict", codecStrict, tc.strict}, {"lenient", codecLenient, tc.lenient}} {
				v, err := tc.doc.decode(mode.dec, []byte(tc.body))
				if mode.want == nil {
					assert.NoError(t, err, mode.name)
					assert.NotNil(t, v, mode.name)
					continue
				}
				assertInvalid(t, err, mode.want...)
			}
		})
	}
}

// codecDuplicate is a body with a key given twice, the pointer strict
// decoding reports, and a check that lenient decoding kept the last value.
type codecDuplicate struct {
	name string
	doc  codecDoc
	body string
	at   string
	last func(t *testing.T, v any)
}

func codecDuplicates() []codecDuplicate {
	caseText := codecCaseText()
	_, ev := codecAnswered()
	eventText := string(codecMust(ev.MarshalJSON()))
	inCase := func(old, new string) string { return codecSwap(caseText, old, new) }
	openCase := func(v any) *OpenRequest { return v.(*OpenRequest) }
	addr := `"street_line_1":"1 Main St","city":"Dover","region":"DE",` +
		`"postal_code":"19901","country":"US"`
	return []codecDuplicate{
		{"open/top level", docOpen,
			codecSwap(codecOpen(), `"summary":`, `"summary":"First.","summary":`),
			"/summary", func(t *testing.T, v any) {
				assert.Equal(t, "Additional information needed.", openCase(v).Summary)
			}},
		{"open/metadata", docOpen, codecOpen("metadata", `{"k":"a","k":"b"}`),
			"/metadata/k", func(t *testing.T, v any) {
				assert.Equal(t, Metadata{"k": "b"}, openCase(v).Metadata)
			}},
		{"open/request", docOpen, codecOpen("request",
			`{"fields":`+codecFieldsRaw+`,"fields":[{"name":"b","type":"text",`+
				`"description":"B."}]}`),
			"/request/fields", func(t *testing.T, v any) {
				req := openCase(v).Request.(*MissingInformationRequest)
				require.Len(t, req.Fields, 1)
				assert.Equal(t, "b", req.Fields[0].Name)
			}},
		{"open/field spec", docOpen, codecSwap(codecOpen(),
			`"description":"Employees."`, `"description":"E.","description":"Employees."`),
			"/request/fields/1/description", func(t *testing.T, v any) {
				req := openCase(v).Request.(*MissingInformationRequest)
				assert.Equal(t, "Employees.", req.Fields[1].Description)
			}},
		{"open/example object", docOpen, codecOpen("request", `{"fields":[{"name":"a",`+
			`"type":"address","description":"A.","example":{"street_line_1":"0 Old St",`+
			addr+`}}]}`),
			"/request/fields/0/example/street_line_1", func(t *testing.T, v any) {
				req := openCase(v).Request.(*MissingInformationRequest)
				ex := req.Fields[0].Example.(map[string]any)
				assert.Equal(t, "1 Main St", ex["street_line_1"])
			}},
		{"open/ra request", docOpen,
			codecRAOpen("request",
				`{"reason":"switching_providers","reason":"business_dissolved"}`),
			"/request/reason", func(t *testing.T, v any) {
				req := openCase(v).Request.(*RATerminationRequest)
				assert.Equal(t, RABusinessDissolved, req.Reason)
			}},
		{"update/top level", docUpdate, `{"status":"under_review","status":"resolved"}`,
			"/status", func(t *testing.T, v any) {
				assert.Equal(t, ptr(StatusResolved), v.(*UpdateRequest).Status)
			}},
		{"update/metadata", docUpdate, `{"metadata":{"k":"a","k":null}}`,
			"/metadata/k", func(t *testing.T, v any) {
				m := v.(*UpdateRequest).Metadata
				require.Contains(t, m, "k")
				assert.Nil(t, m["k"])
			}},
		{"response/fields", docRespMI, `{"fields":{},"fields":{"a":"y"}}`,
			"/fields", func(t *testing.T, v any) {
				assert.Equal(t, map[string]any{"a": "y"},
					v.(*MissingInformationResponse).Fields)
			}},
		{"response/answer", docRespMI, `{"fields":{"a":"x","a":"y"}}`,
			"/fields/a", func(t *testing.T, v any) {
				assert.Equal(t, "y", v.(*MissingInformationResponse).Fields["a"])
			}},
		{"response/inside an answer", docRespMI,
			`{"fields":{"office":{"city":"A",` + addr + `}}}`,
			"/fields/office/city", func(t *testing.T, v any) {
				office := v.(*MissingInformationResponse).Fields["office"]
				assert.Equal(t, "Dover", office.(map[string]any)["city"])
			}},
		{"ra response/top level", docRespRA, `{"acknowledged":true,"acknowledged":false}`,
			"/acknowledged", func(t *testing.T, v any) {
				assert.False(t, v.(*RATerminationResponse).Acknowledged)
			}},
		{"ra response/successor", docRespRA, `{"acknowledged":true,"successor_agent":` +
			`{"name":"A","name":"B","address":{` + addr + `}}}`,
			"/successor_agent/name", func(t *testing.T, v any) {
				assert.Equal(t, "B", v.(*RATerminationResponse).SuccessorAgent.Name)
			}},
		{"ra response/address", docRespRA, `{"acknowledged":true,"successor_agent":` +
			`{"name":"A","address":{"country":"GB",` + addr + `}}}`,
			"/successor_agent/address/country", func(t *testing.T, v any) {
				a := v.(*RATerminationResponse).SuccessorAgent.Address
				assert.Equal(t, "US", a.Country)
			}},
		{"case/top level", docCase, inCase(`"summary":`, `"summary":"First.","summary":`),
			"/summary", func(t *testing.T, v any) {
				assert.Equal(t, "Additional information needed to complete your filing.",
					v.(*Case).Summary)
			}},
		{"case/null member", docCase,
			inCase(`"resolved_at":null`, `"resolved_at":null,"resolved_at":null`),
			"/resolved_at", func(t *testing.T, v any) {
				assert.Nil(t, v.(*Case).ResolvedAt)
			}},
		{"case/metadata", docCase, inCase(`"external_id":"user_123"`,
			`"external_id":"user_123","external_id":"user_456"`),
			"/metadata/external_id", func(t *testing.T, v any) {
				assert.Equal(t, Metadata{"external_id": "user_456"}, v.(*Case).Metadata)
			}},
		{"case/field spec", docCase, inCase(`"description":"Corrected legal name."`,
			`"description":"Corrected legal name.","description":"Last."`),
			"/request/fields/0/description", func(t *testing.T, v any) {
				req := v.(*Case).Request.(*MissingInformationRequest)
				assert.Equal(t, "Last.", req.Fields[0].Description)
			}},
		{"case/answer", docCase, inCase(`"legal_name":"Acme Holdings LLC"`,
			`"legal_name":"Acme Holdings LLC","legal_name":"Acme Two LLC"`),
			"/response/fields/legal_name", func(t *testing.T, v any) {
				resp := v.(*Case).Response.(*MissingInformationResponse)
				assert.Equal(t, "Acme Two LLC", resp.Fields["legal_name"])
			}},
		{"case/inside an answer", docCase, inCase(`"city":"Dover"`,
			`"city":"Dover","city":"Camden"`),
			"/response/fields/office/city", func(t *testing.T, v any) {
				resp := v.(*Case).Response.(*MissingInformationResponse)
				assert.Equal(t, "Camden", resp.Fields["office"].(map[string]any)["city"])
			}},
		{"case/kind decides the request", docCase, inCase(`"kind":"missing_information"`,
			`"kind":"missing_information","kind":"ra_termination"`),
			"/kind", func(t *testing.T, v any) {
				assert.IsType(t, &RATerminationRequest{}, v.(*Case).Request)
			}},
		{"event/top level", docEvent, codecSwap(eventText, `"type":"case.updated"`,
			`"type":"case.opened","type":"case.updated"`),
			"/type", func(t *testing.T, v any) {
				assert.Equal(t, EventCaseUpdated, v.(*Event).Type)
			}},
		{"event/data", docEvent, codecSwap(eventText, `"summary":`,
			`"summary":"First.","summary":`),
			"/data/summary", func(t *testing.T, v any) {
				assert.Equal(t, "Additional information needed to complete your filing.",
					v.(*Event).Data.Summary)
			}},
		{"raw response/top level", docRespRaw, `{"a":1,"a":2}`, "/a",
			func(t *testing.T, v any) {
				assert.Equal(t, RawPayload(`{"a":1,"a":2}`), v)
			}},
	}
}

func TestDecoder_DuplicateKeys(t *testing.T) {
	for _, tc := range codecDuplicates() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.doc.decode(codecStrict, []byte(tc.body))
			assertInvalid(t, err, at{tc.at, CodeDuplicate})

			v, err := tc.doc.decode(codecLenient, []byte(tc.body))
			require.NoError(t, err)
			tc.last(t, v)
		})
	}
}

func TestDecoder_Update_Nulls(t *testing.T) {
	u, err := codecStrict.Update([]byte(`{"details":null,"due_at":null,` +
		`"metadata":{"gone":null,"kept":"v"}}`))
	require.NoError(t, err)
	assert.True(t, u.Details.IsClear())
	assert.True(t, u.DueAt.IsClear())
	assert.Equal(t, map[string]*string{"gone": nil, "kept": ptr("v")}, u.Metadata)
	assert.Nil(t, u.Summary)
	assert.Nil(t, u.Status)

	u, err = codecStrict.Update([]byte(`{"details":"D.","due_at":"2030-01-02T03:04:05Z"}`))
	require.NoError(t, err)
	details, ok := u.Details.Value()
	assert.True(t, ok)
	assert.Equal(t, "D.", details)
	due, ok := u.DueAt.Value()
	assert.True(t, ok)
	assert.Equal(t, time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC), due)

	u, err = codecStrict.Update([]byte(`{}`))
	require.NoError(t, err)
	assert.True(t, u.Details.IsKeep())
	assert.True(t, u.DueAt.IsKeep())
	assert.Nil(t, u.Metadata)

	_, err = codecStrict.Update([]byte(`{"summary":null,"details":null}`))
	assertInvalid(t, err, at{"/summary", CodeRequired})
}

// TestDecoder_Update_NullsApply checks that the decoded nulls do what the
// specification says when the update is applied.
func TestDecoder_Update_NullsApply(t *testing.T) {
	c := mustOpen(t, validOpen())
	u, err := codecStrict.Update([]byte(`{"details":null,"due_at":null,` +
		`"metadata":{"external_id":null,"tier":"gold"}}`))
	require.NoError(t, err)
	n, _, err := Update(c, u, testEnv(t0.Add(time.Hour)))
	require.NoError(t, err)
	assert.Nil(t, n.Details)
	assert.Nil(t, n.DueAt)
	assert.Equal(t, Metadata{"tier": "gold"}, n.Metadata)
}

// codecTimestamp is a due_at value and what strict decoding makes of it.
type codecTimestamp struct {
	name string
	raw  string
	want time.Time
	code Code // the code at /due_at when the value is refused
}

func codecTimestamps() []codecTimestamp {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	want := utc(2030, 1, 2, 3, 4, 5, 0)
	return []codecTimestamp{
		{"utc", `"2030-01-02T03:04:05Z"`, want, ""},
		{"positive offset", `"2030-01-02T05:04:05+02:00"`, want, ""},
		{"negative offset", `"2030-01-01T22:04:05-05:00"`, want, ""},
		{"zero offset", `"2030-01-02T03:04:05+00:00"`, want, ""},
		{"half hour offset across a year", `"2029-12-31T23:30:00-03:30"`,
			utc(2030, 1, 1, 3, 0, 0, 0), ""},
		{"fraction", `"2030-01-02T03:04:05.5Z"`, utc(2030, 1, 2, 3, 4, 5, 5e8), ""},
		{"nanoseconds", `"2030-01-02T03:04:05.123456789+01:00"`,
			utc(2030, 1, 2, 2, 4, 5, 123456789), ""},
		{"year 0000", `"0000-01-01T00:00:00Z"`, utc(0, 1, 1, 0, 0, 0, 0), ""},
		{"year 9999", `"9999-12-31T23:59:59Z"`, utc(9999, 12, 31, 23, 59, 59, 0), ""},
		{"leap second", `"2016-12-31T23:59:60Z"`, time.Time{}, CodeInvalidFormat},
		{"leap second with offset", `"2030-06-30T23:59:60+00:00"`, time.Time{},
			CodeInvalidFormat},
		{"date only", `"2030-01-02"`, time.Time{}, CodeInvalidFormat},
		{"no offset", `"2030-01-02T03:04:05"`, time.Time{}, CodeInvalidFormat},
		{"space for T", `"2030-01-02 03:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"february 30", `"2030-02-30T00:00:00Z"`, time.Time{}, CodeInvalidFormat},
		{"hour 24", `"2030-01-02T24:00:00Z"`, time.Time{}, CodeInvalidFormat},
		{"empty", `""`, time.Time{}, CodeInvalidFormat},
		{"short month", `"2030-1-02T03:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"single digit hour", `"2030-01-02T3:04:05Z"`, time.Time{}, CodeInvalidFormat},
		{"comma fraction", `"2030-01-02T03:04:05,5Z"`, time.Time{}, CodeInvalidFormat},
		{"offset hour 24", `"2030-01-02T03:04:05+24:00"`, time.Time{},
			CodeInvalidFormat},
		{"offset minute 60", `"2030-01-02T03:04:05+01:60"`, time.Time{},
			CodeInvalidFormat},
		{"offset without colon", `"2030-01-02T03:04:05+0100"`, time.Time{},
			CodeInvalidFormat},
		{"unix seconds in a string", `"1700000000"`, time.Time{}, CodeInvalidFormat},
		{"number", `1700000000`, time.Time{}, CodeInvalidType},
		{"object", `{}`, time.Time{}, CodeInvalidType},
		{"array", `["2030-01-02T03:04:05Z"]`, time.Time{}, CodeInvalidType},
	}
}

func TestDecoder_Timestamps(t *testing.T) {
	for _, tc := range codecTimestamps() {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecOpen("due_at", tc.raw))
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				o, err := dec.Open(body)
				if tc.code != "" {
					assertInvalid(t, err, at{"/due_at", tc.code})
					continue
				}
				require.NoError(t, err)
				require.NotNil(t, o.DueAt)
				assert.Equal(t, tc.want, *o.DueAt)
				assert.Equal(t, time.UTC, o.DueAt.Location())
			}
		})
	}
}

// TestDecoder_TimestampOutsideRFC3339 checks offsets that move a time out
// of the years RFC 3339 can write: such a time could not be encoded back,
// so it is refused as a malformed timestamp.
func TestDecoder_TimestampOutsideRFC3339(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"after year 9999", `"9999-12-31T23:59:59-01:00"`},
		{"before year 0000", `"0000-01-01T00:30:00+01:00"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := codecStrict.Open([]byte(codecOpen("due_at", tc.raw)))
			assertInvalid(t, err, at{"/due_at", CodeInvalidFormat})
		})
	}
}

// codecInteger is an answer to an integer field, named by its JSON text,
// and the code CheckResponse reports for it; syntax marks text that is not
// JSON.
type codecInteger struct {
	name   string
	code   Code
	syntax bool
}

var codecIntegers = []codecInteger{
	{name: "42"},
	{name: "-0"},
	{name: "0"},
	{name: "1.0"},
	{name: "1e3"},
	{name: "1E+2"},
	{name: "10e-1"},
	{name: "0e999999999999"},
	{name: "9223372036854775807"},
	{name: "-9223372036854775808"},
	{name: "92233720368547758070e-1"},
	{name: "9223372036854775808", code: CodeInvalidFormat},
	{name: "-9223372036854775809", code: CodeInvalidFormat},
	{name: "1e19", code: CodeInvalidFormat},
	{name: "1e400", code: CodeInvalidFormat},
	{name: "-1e400", code: CodeInvalidFormat},
	{name: "1e-400", code: CodeInvalidFormat},
	{name: "1.5", code: CodeInvalidFormat},
	{name: `"42"`, code: CodeInvalidType},
	{name: "true", code: CodeInvalidType},
	{name: "[1]", code: CodeInvalidType},
	{name: "0x10", syntax: true},
	{name: "+1", syntax: true},
	{name: "01", syntax: true},
	{name: ".5", syntax: true},
	{name: "1.", syntax: true},
	{name: "1e", syntax: true},
	{name: "NaN", syntax: true},
	{name: "Infinity", syntax: true},
	{name: "-", syntax: true},
}

// codecIntOpen returns an open request whose fields include an optional
// integer field named employees.
func codecIntOpen() *OpenRequest {
	o := validOpen()
	req := o.Request.(*MissingInformationRequest)
	req.Fields = append(req.Fields, FieldSpec{
		Name: "employees", Type: FieldInteger, Description: "Number of employees.",
	})
	return o
}

func codecIntegerBody(lit string) string {
	return `{"fields":{"legal_name":"Acme","office":{"street_line_1":"1 Main St",` +
		`"city":"Dover","region":"DE","postal_code":"19901","country":"US"},` +
		`"employees":` + lit + `}}`
}

func TestDecoder_IntegerAnswers(t *testing.T) {
	c := mustOpen(t, codecIntOpen())
	for _, tc := range codecIntegers {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecIntegerBody(tc.name))
			p, err := codecStrict.Response(KindMissingInformation, body)
			if tc.syntax {
				assertInvalid(t, err, at{"", CodeInvalidJSON})
				return
			}
			require.NoError(t, err)
			err = c.CheckResponse(p)
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/fields/employees", tc.code})
			}

			// The same answer stored in a whole case is checked when the case
			// is decoded strictly, at its pointer in the case.
			n, _, err := Respond(c, validAnswers(), testEnv(t0.Add(time.Hour)))
			require.NoError(t, err)
			text := codecSwap(codecText(n), `"legal_name":"Acme Holdings LLC"`,
				`"employees":`+tc.name+`,"legal_name":"Acme Holdings LLC"`)
			_, err = codecStrict.Case([]byte(text))
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/response/fields/employees", tc.code})
			}
		})
	}
}

func TestDecoder_NumberAnswers(t *testing.T) {
	o := validOpen()
	req := o.Request.(*MissingInformationRequest)
	req.Fields = append(req.Fields, FieldSpec{
		Name: "employees", Type: FieldNumber, Description: "Share of capital.",
	})
	c := mustOpen(t, o)
	for _, tc := range []struct {
		name string // the answer's JSON text
		code Code
	}{
		{"1.5", ""}, {"-0", ""}, {"1e308", ""}, {"1e-400", ""},
		{"1e400", CodeInvalidFormat}, {"-1e400", CodeInvalidFormat},
		{`"1.5"`, CodeInvalidType}, {"null", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecIntegerBody(tc.name))
			p, err := codecStrict.Response(KindMissingInformation, body)
			require.NoError(t, err)
			err = c.CheckResponse(p)
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/fields/employees", tc.code})
			}
		})
	}
}

func TestDecoder_Case_UnknownValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		swap [][2]string
		want []at
		got  func(*Case) []string
	}{
		{"parent type, status and field type", codecCaseText(), [][2]string{
			{`"parent_type":"filing"`, `"parent_type":"court_order"`},
			{`"status":"under_review"`, `"status":"on_hold"`},
			{`"type":"email"`, `"type":"signature"`},
		}, []at{
			{"/parent_type", CodeUnknownValue},
			{"/request/fields/2/type", CodeUnknownValue},
			{"/status", CodeUnknownValue},
		}, func(c *Case) []string {
			req := c.Request.(*MissingInformationRequest)
			return []string{string(c.ParentType), string(c.Status),
				string(req.Fields[2].Type)}
		}},
		{"resolution reason", codecText(codecResolved()), [][2]string{
			{`"resolution_reason":"response_received"`, `"resolution_reason":"merged"`},
		}, []at{{"/resolution_reason", CodeUnknownValue}}, func(c *Case) []string {
			return []string{string(c.ResolutionReason)}
		}},
		{"ra_termination reason", codecText(codecRA()), [][2]string{
			{`"reason":"switching_providers"`, `"reason":"retired"`},
		}, []at{{"/request/reason", CodeUnknownValue}}, func(c *Case) []string {
			return []string{string(c.Request.(*RATerminationRequest).Reason)}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			var values []string
			for _, s := range tc.swap {
				text = codecSwap(text, s[0], s[1])
				values = append(values, strings.Split(s[1], `"`)[3])
			}
			_, err := codecStrict.Case([]byte(text))
			assertInvalid(t, err, tc.want...)

			c, err := codecLenient.Case([]byte(text))
			require.NoError(t, err)
			assert.Equal(t, values, tc.got(c))
			out, err := c.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, text, string(out))
		})
	}
}

// codecRawRequest is a request of an unknown kind, with spacing, number
// forms and escapes that a re-encoding would change.
const codecRawRequest = `{ "x" : [1, 2.50, 1e400, -0, "\u00e9\n"],` +
	"\n\t" + `"y": {"z": null, "z": true} }`

func TestDecoder_Case_UnknownKind(t *testing.T) {
	text := codecCaseText()
	var members map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(text), &members))
	text = codecSwap(text, `"kind":"missing_information"`, `"kind":"new_kind"`)
	text = codecSwap(text, string(members["request"]), codecRawRequest)

	_, err := codecStrict.Case([]byte(text))
	assertInvalid(t, err, at{"/kind", CodeUnknownValue}, at{"/request/y/z", CodeDuplicate})

	c, err := codecLenient.Case([]byte(text))
	require.NoError(t, err)
	assert.Equal(t, Kind("new_kind"), c.Kind)
	assert.Equal(t, RawPayload(codecRawRequest), c.Request)
	assert.Equal(t, RawPayload(members["response"]), c.Response)
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, text, string(out))
}

func TestDecoder_Response_UnknownKind(t *testing.T) {
	body := []byte(" \n" + codecRawRequest + "\t ")
	_, err := codecStrict.Response(Kind("new_kind"), body)
	assertInvalid(t, err, at{"/y/z", CodeDuplicate})

	p, err := codecLenient.Response(Kind("new_kind"), body)
	require.NoError(t, err)
	assert.Equal(t, RawPayload(codecRawRequest), p)
	out, err := p.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, codecRawRequest, string(out))
}

// TestDecoder_Case_LenientSkipsRules checks that lenient decoding reads a
// case that breaks limits and invariants, which strict decoding refuses.
func TestDecoder_Case_LenientSkipsRules(t *testing.T) {
	text := codecCaseText()
	text = codecSwap(text, `"summary":"Additional information needed to complete your filing."`,
		`"summary":""`)
	text = codecSwap(text, `"parent_id":"fil_1a2b3c"`, `"parent_id":"fil 1"`)
	text = codecSwap(text, `"opened_at":"2026-03-01T09:00:00Z"`, `"opened_at":null`)
	text = codecSwap(text, `"legal_name":"Acme Holdings LLC",`, ``)

	_, err := codecStrict.Case([]byte(text))
	assertInvalid(t, err,
		at{"/opened_at", CodeRequired},
		at{"/parent_id", CodeInvalidFormat},
		at{"/response/fields/legal_name", CodeRequired},
		at{"/summary", CodeRequired},
	)

	c, err := codecLenient.Case([]byte(text))
	require.NoError(t, err)
	assert.Equal(t, "", c.Summary)
	assert.Equal(t, "fil 1", c.ParentID)
	assert.Nil(t, c.OpenedAt)
	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, text, string(out))
}

func TestDecoder_SeedLiteral(t *testing.T) {
	data, err := os.ReadFile("testdata/seed_literal.json")
	require.NoError(t, err)

	_, err = codecLenient.Case(data)
	assertInvalid(t, err,
		at{"/details", CodeInvalidType},
		at{"/due_at", CodeInvalidType},
		at{"/resolved_at", CodeInvalidType},
	)

	// Strict decoding also misses the enum keys the page leaves out, and
	// finds the page's opened_at before its created_at.
	_, err = codecStrict.Case(data)
	assertInvalid(t, err,
		at{"/details", CodeInvalidType},
		at{"/due_at", CodeInvalidType},
		at{"/kind", CodeRequired},
		at{"/opened_at", CodeInvalidValue},
		at{"/parent_type", CodeRequired},
		at{"/resolved_at", CodeInvalidType},
		at{"/status", CodeRequired},
	)

	var c Case
	assert.Error(t, json.Unmarshal(data, &c))
}

func TestDecoder_SeedFixed(t *testing.T) {
	data, err := os.ReadFile("testdata/seed_fixed.json")
	require.NoError(t, err)

	c, err := codecLenient.Case(data)
	require.NoError(t, err)
	assert.Equal(t, "123e4567-e89b-12d3-a456-426614174000", c.ID)
	assert.Equal(t, ParentFiling, c.ParentType)
	assert.Equal(t, KindMissingInformation, c.Kind)
	assert.Equal(t, StatusUnderReview, c.Status)
	assert.Equal(t, time.Date(2025, 10, 24, 10, 30, 0, 0, time.UTC), c.CreatedAt)
	assert.Nil(t, c.Details)
	assert.Nil(t, c.DueAt)
	assert.Nil(t, c.ResolvedAt)
	assert.Equal(t, ResolutionReason(""), c.ResolutionReason)
	req := c.Request.(*MissingInformationRequest)
	require.Len(t, req.Fields, 1)
	assert.Equal(t, "Corrected legal name (state rejected \"Acme LLC\" — name already taken).",
		req.Fields[0].Description)
	assert.Equal(t, map[string]any{}, c.Response.(*MissingInformationResponse).Fields)

	out, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))

	// The page's example breaks two rules of a stored case: its opened_at
	// is before its created_at, and its response lacks the required answer.
	_, err = codecStrict.Case(data)
	assertInvalid(t, err,
		at{"/opened_at", CodeInvalidValue},
		at{"/response/fields/corrected_legal_name", CodeRequired},
	)
}

func TestCase_UnmarshalJSON(t *testing.T) {
	text := codecCaseText()
	var c Case
	require.NoError(t, json.Unmarshal([]byte(text), &c))
	want, _ := codecAnswered()
	assert.Equal(t, codecText(want), codecText(&c))

	// On failure the case is left as it was.
	before := codecText(&c)
	bad := codecSwap(text, `"details":"The state rejected the name."`, `"details":{}`)
	err := json.Unmarshal([]byte(bad), &c)
	assertInvalid(t, err, at{"/details", CodeInvalidType})
	assert.Equal(t, before, codecText(&c))
}

// codecOracleOpen mirrors an open body with plain types, for encoding/json.
type codecOracleOpen struct {
	ParentType ParentType      `json:"parent_type"`
	ParentID   string          `json:"parent_id"`
	Kind       Kind            `json:"kind"`
	Status     Status          `json:"status"`
	Summary    string          `json:"summary"`
	Details    *string         `json:"details"`
	Request    json.RawMessage `json:"request"`
	DueAt      *time.Time      `json:"due_at"`
	Metadata   Metadata        `json:"metadata"`
}

// codecUnmarshal decodes data with encoding/json, numbers as json.Number.
func codecUnmarshal(t *testing.T, data []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	require.NoError(t, dec.Decode(v))
}

// codecValidOpens are open bodies that strict decoding accepts.
func codecValidOpens() []struct{ name, body string } {
	return []struct{ name, body string }{
		{"base", codecOpen()},
		{"ra_termination", codecRAOpen()},
		{"absent optionals", codecOpen("details", "", "due_at", "", "metadata", "")},
		{"null optionals", codecOpen("details", "null", "due_at", "null",
			"metadata", "null")},
		{"empty metadata", codecOpen("metadata", "{}")},
		{"escapes", codecOpen(
			"summary", `"Caf\u00e9 \ud83d\ude00 \/ \"q\" \\"`,
			"details", `"line 1\nline 2\ttab\r\n\u00e9\u2028"`,
			"metadata", `{"k\u00e9y":"v\u2028\u0041","\ud83d\ude00":"\"x\""}`)},
		{"raw unicode", codecOpen("summary", `"Café 😀 — ok"`,
			"metadata", `{"ключ":"значение"}`)},
		{"offset due_at", codecOpen("due_at", `"2030-01-02T05:04:05.25+02:00"`)},
		{"whitespace", " \n\t{\r\n \"summary\" :\t\"S.\" ,\n" +
			strings.TrimPrefix(codecOpen("summary", ""), "{") + " \n"},
		{"examples and options", codecOpen("request", `{"fields":[`+
			`{"name":"n","type":"integer","description":"N.","example":42},`+
			`{"name":"x","type":"number","description":"X.","example":1.5e3},`+
			`{"name":"b","type":"boolean","description":"B.","required":false,`+
			`"example":true},`+
			`{"name":"d","type":"date","description":"D.","example":"2030-01-02"},`+
			`{"name":"e","type":"enum","description":"E.","options":["a","b"],`+
			`"example":"b"},`+
			`{"name":"a","type":"address","description":"A.","example":`+
			`{"street_line_1":"1 Main St","city":"Dover","region":"DE",`+
			`"postal_code":"19901","country":"US","county":null}}]}`)},
	}
}

func TestDecoder_Open_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range codecValidOpens() {
		t.Run(tc.name, func(t *testing.T) {
			var want codecOracleOpen
			codecUnmarshal(t, []byte(tc.body), &want)
			got, err := codecStrict.Open([]byte(tc.body))
			require.NoError(t, err)

			assert.Equal(t, want.ParentType, got.ParentType)
			assert.Equal(t, want.ParentID, got.ParentID)
			assert.Equal(t, want.Kind, got.Kind)
			assert.Equal(t, want.Status, got.Status)
			assert.Equal(t, want.Summary, got.Summary)
			assert.Equal(t, want.Details, got.Details)
			assert.Equal(t, want.Metadata, got.Metadata)
			if want.DueAt == nil {
				assert.Nil(t, got.DueAt)
			} else {
				require.NotNil(t, got.DueAt)
				assert.True(t, want.DueAt.Equal(*got.DueAt))
				assert.Equal(t, time.UTC, got.DueAt.Location())
			}
			switch got.Kind {
			case KindMissingInformation:
				var req MissingInformationRequest
				codecUnmarshal(t, want.Request, &req)
				assert.Equal(t, &req, got.Request)
			case KindRATermination:
				var req RATerminationRequest
				codecUnmarshal(t, want.Request, &req)
				assert.Equal(t, &req, got.Request)
			default:
				t.Fatalf("unexpected kind %q", got.Kind)
			}
		})
	}
}

func TestDecoder_Update_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"empty", `{}`},
		{"closing", `{"status":"resolved","resolution_reason":"no_response_needed"}`},
		{"sets", `{"summary":"Caf\u00e9 \ud83d\ude00","details":"a\nb",` +
			`"due_at":"2030-01-02T03:04:05Z"}`},
		{"clears", `{"details":null,"due_at":null}`},
		{"metadata", `{"metadata":{"a":"1","b":null,"\u00e9":"\u2028"}}`},
		{"empty metadata", `{"metadata":{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var members map[string]json.RawMessage
			codecUnmarshal(t, []byte(tc.body), &members)
			got, err := codecStrict.Update([]byte(tc.body))
			require.NoError(t, err)

			codecOptional(t, members, "status", got.Status)
			codecOptional(t, members, "resolution_reason", got.ResolutionReason)
			codecOptional(t, members, "summary", got.Summary)
			var metadata map[string]*string
			if raw, ok := members["metadata"]; ok {
				codecUnmarshal(t, raw, &metadata)
			}
			assert.Equal(t, metadata, got.Metadata)

			var details *string
			if raw, ok := members["details"]; ok {
				codecUnmarshal(t, raw, &details)
				assert.Equal(t, patchOf(details), got.Details)
			} else {
				assert.True(t, got.Details.IsKeep())
			}
			var due *time.Time
			if raw, ok := members["due_at"]; ok {
				codecUnmarshal(t, raw, &due)
				assert.Equal(t, patchOf(due), got.DueAt)
			} else {
				assert.True(t, got.DueAt.IsKeep())
			}
		})
	}
}

// codecOptional checks got against the member key of members as
// encoding/json decodes it; nil when the member is absent.
func codecOptional[T any](t *testing.T, members map[string]json.RawMessage, key string, got *T) {
	t.Helper()
	var want *T
	if raw, ok := members[key]; ok {
		codecUnmarshal(t, raw, &want)
	}
	assert.Equal(t, want, got, key)
}

func TestDecoder_Response_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind Kind
		body string
		want Payload
	}{
		{"no answers", KindMissingInformation, `{"fields":{}}`,
			&MissingInformationResponse{}},
		{"answers", KindMissingInformation,
			`{"fields":{"a":"Caf\u00e9","b":-1.5e-3,"c":false,"d":null,` +
				`"e":{"x":[1,"2",{"y":null}]},"\ud83d\ude00":"\/"}}`,
			&MissingInformationResponse{}},
		{"acknowledgement", KindRATermination, `{"acknowledged":true}`,
			&RATerminationResponse{}},
		{"successor", KindRATermination,
			`{"acknowledged":true,"successor_agent":{"name":"Agents",` +
				`"address":{"street_line_1":"1 Main St","street_line_2":"Suite 2",` +
				`"city":"Dover","county":"Kent","region":"DE","postal_code":"19901",` +
				`"country":"US"}}}`, &RATerminationResponse{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			codecUnmarshal(t, []byte(tc.body), tc.want)
			got, err := codecStrict.Response(tc.kind, []byte(tc.body))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
