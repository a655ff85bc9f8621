package cases

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
				assertNoEcho(t, []byte(tc.body), err)
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

// TestDecoder_PayloadBeforeKind checks that a request or response that
// comes before the kind is read as the kind's payload once the kind is
// known, in either mode, and decodes as it does after the kind.
func TestDecoder_PayloadBeforeKind(t *testing.T) {
	caseText := codecCaseText()
	kindLast := codecSwap(caseText, `"kind":"missing_information",`, "")
	kindLast = strings.TrimSuffix(kindLast, "}") + `,"kind":"missing_information"}`
	openText := codecOpen()
	requestFirst := `{"request":{"fields":` + codecFieldsRaw + `},` +
		strings.TrimPrefix(codecOpen("request", ""), "{")
	for _, dec := range []Decoder{codecStrict, codecLenient} {
		want, err := dec.Case([]byte(caseText))
		require.NoError(t, err)
		got, err := dec.Case([]byte(kindLast))
		require.NoError(t, err, "lenient=%v", dec.Lenient)
		assert.IsType(t, &MissingInformationRequest{}, got.Request)
		assert.IsType(t, &MissingInformationResponse{}, got.Response)
		assert.Equal(t, want, got)

		wantOpen, err := dec.Open([]byte(openText))
		require.NoError(t, err)
		gotOpen, err := dec.Open([]byte(requestFirst))
		require.NoError(t, err, "lenient=%v", dec.Lenient)
		assert.IsType(t, &MissingInformationRequest{}, gotOpen.Request)
		assert.Equal(t, wantOpen, gotOpen)
	}
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

// codecMaxCase builds, through Open and Respond, the largest case that
// strict validation accepts: every string at its limit, written in the
// characters that the encoder escapes to the most bytes where the rules
// allow them (U+2028 becomes the six bytes \u2028; a one-line string
// takes a four-byte character instead).
func codecMaxCase(t testing.TB) (*Case, Event) {
	t.Helper()
	const sep, wide = "\u2028", "\U0001F600"
	text := func(n int) string { return "a" + strings.Repeat(sep, n-1) }
	o := &OpenRequest{
		ParentType: ParentFiling,
		ParentID:   strings.Repeat("p", 128),
		Kind:       KindMissingInformation,
		Status:     StatusNeedsResponse,
		Summary:    strings.Repeat(wide, 255),
		Details:    ptr(text(10000)),
		Metadata:   Metadata{},
	}
	for i := range maxMetadataPairs {
		key := fmt.Sprintf("%02d", i) + strings.Repeat(sep, maxMetadataKey-2)
		o.Metadata[key] = strings.Repeat(sep, maxMetadataValue)
	}
	req := &MissingInformationRequest{}
	answers := map[string]any{}
	for i := range 50 {
		name := fmt.Sprintf("f%02d", i) + strings.Repeat("a", 61)
		req.Fields = append(req.Fields, FieldSpec{
			Name: name, Type: FieldText, Description: text(500), Required: true,
			Example: text(10000),
		})
		answers[name] = text(10000)
	}
	o.Request = req
	c, _, err := Open(o, testEnv(t0))
	require.NoError(t, err)
	c, events, err := Respond(c, &MissingInformationResponse{Fields: answers},
		testEnv(t0.Add(time.Hour)))
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	require.Len(t, events, 1)
	return c, events[0]
}

// TestDecoder_LenientReadsTheLargestValidCase checks that the lenient
// limits hold every case that strict validation accepts, and that such a
// case comes back equal through every lenient door.
func TestDecoder_LenientReadsTheLargestValidCase(t *testing.T) {
	c, e := codecMaxCase(t)
	data, err := c.MarshalJSON()
	require.NoError(t, err)
	eventData, err := e.MarshalJSON()
	require.NoError(t, err)
	assert.Greater(t, len(data), 6_000_000, "the case is not as large as it can be")
	assert.Greater(t, len(data), DefaultMaxBytes, "a strict decoder would read it")
	assert.LessOrEqual(t, len(eventData), DefaultLenientMaxBytes)

	got, err := codecLenient.Case(data)
	require.NoError(t, err)
	assert.Equal(t, c, got)

	var viaJSON Case
	require.NoError(t, json.Unmarshal(data, &viaJSON))
	assert.Equal(t, c, &viaJSON)

	gotEvent, err := codecLenient.Event(eventData)
	require.NoError(t, err)
	assert.Equal(t, &e, gotEvent)

	var eventViaJSON Event
	require.NoError(t, json.Unmarshal(eventData, &eventViaJSON))
	assert.Equal(t, e, eventViaJSON)

	// A strict decoder keeps its own limit unless told otherwise.
	_, err = codecStrict.Case(data)
	assertInvalid(t, err, at{"", CodeTooLarge})
	strict, err := Decoder{MaxBytes: len(data)}.Case(data)
	require.NoError(t, err)
	assert.Equal(t, c, strict)
}
