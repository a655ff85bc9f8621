package cases

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		// A case has seventeen keys: the last is beyond the first sixteen
		// that an object remembers inline.
		{"case/seventeenth key", docCase, inCase(`"resolution_reason":null`,
			`"resolution_reason":null,"resolution_reason":"response_received"`),
			"/resolution_reason", func(t *testing.T, v any) {
				assert.Equal(t, ReasonResponseReceived, v.(*Case).ResolutionReason)
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

// TestKeySet checks that each key is fresh only the first time, also past
// the sixteen keys held inline, and that objects of up to sixteen keys,
// which are all the fixed shapes of the API, are checked without
// allocating.
func TestKeySet(t *testing.T) {
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i)
	}
	var ks keySet
	for _, k := range keys {
		require.True(t, ks.add(k), k)
	}
	for _, k := range keys {
		assert.False(t, ks.add(k), k)
	}

	allocs := testing.AllocsPerRun(100, func() {
		var small keySet
		for _, k := range keys[:16] {
			small.add(k)
		}
		if small.add(keys[15]) {
			t.Fatal("the sixteenth key was fresh twice")
		}
	})
	assert.Zero(t, allocs)
}

// TestDecoder_EmptyContainersInAnAnswer checks that empty objects and
// arrays in an answer each close the level they open, however many there
// are.
func TestDecoder_EmptyContainersInAnAnswer(t *testing.T) {
	many := func(v string) string { return "[" + strings.Repeat(v+",", 99) + v + "]" }
	body := `{"fields":{"a":` + many("{}") + `,"b":` + many("[]") + `}}`
	objects, arrays := make([]any, 100), make([]any, 100)
	for i := range objects {
		objects[i], arrays[i] = map[string]any{}, []any{}
	}
	for _, dec := range []Decoder{codecStrict, codecLenient} {
		p, err := dec.Response(KindMissingInformation, []byte(body))
		require.NoError(t, err, "lenient=%v", dec.Lenient)
		assert.Equal(t, &MissingInformationResponse{Fields: map[string]any{
			"a": objects, "b": arrays,
		}}, p)
	}
}
