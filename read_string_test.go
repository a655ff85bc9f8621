package cases

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecString is a body whose strings break the encoding rules, or test
// their edges, with what strict and lenient decoding report.
type codecString struct {
	name    string
	doc     codecDoc
	body    string
	strict  []at
	lenient []at
	check   func(t *testing.T, v any) // on success, for both decoders
}

func codecStrings() []codecString {
	both := func(p string) []at { return []at{{p, CodeInvalidFormat}} }
	summary := func(raw string) string { return codecOpen("summary", raw) }
	summaryIs := func(want string) func(*testing.T, any) {
		return func(t *testing.T, v any) { assert.Equal(t, want, v.(*OpenRequest).Summary) }
	}
	caseText := codecCaseText()
	return []codecString{
		{"invalid UTF-8 in a value", docOpen, summary("\"a\xffb\""),
			both("/summary"), both("/summary"), nil},
		{"lone continuation byte", docOpen, summary("\"a\x80b\""),
			both("/summary"), both("/summary"), nil},
		{"truncated sequence", docOpen, summary("\"a\xe2\x82\""),
			both("/summary"), both("/summary"), nil},
		{"overlong encoding", docOpen, summary("\"\xc0\xaf\""),
			both("/summary"), both("/summary"), nil},
		{"encoded surrogate", docOpen, summary("\"\xed\xa0\x80\""),
			both("/summary"), both("/summary"), nil},
		{"invalid UTF-8 after an escape", docOpen, summary("\"\\n\xff\""),
			both("/summary"), both("/summary"), nil},
		{"invalid UTF-8 in a metadata value", docOpen,
			codecOpen("metadata", "{\"k\":\"\xff\"}"), both("/metadata/k"),
			both("/metadata/k"), nil},
		{"invalid UTF-8 in a metadata key", docOpen,
			codecOpen("metadata", "{\"k\xff\":\"v\"}"), both("/metadata/k\uFFFD"),
			both("/metadata/k\uFFFD"), nil},
		{"invalid UTF-8 in a key", docOpen, codecOpen("x\xffy", "1"),
			both("/x\uFFFDy"), both("/x\uFFFDy"), nil},
		{"invalid UTF-8 in a key that is needed", docOpen,
			codecSwap(codecOpen(), `"summary"`, "\"sum\xffmary\""),
			[]at{{"/summary", CodeRequired}, {"/sum\uFFFDmary", CodeInvalidFormat}},
			both("/sum\uFFFDmary"), nil},
		{"invalid UTF-8 in a field name", docOpen,
			codecSwap(codecOpen(), `"name":"legal_name"`, "\"name\":\"legal\xff\""),
			both("/request/fields/0/name"), both("/request/fields/0/name"), nil},
		{"invalid UTF-8 in an answer's name", docRespMI, "{\"fields\":{\"na\xffme\":\"x\"}}",
			both("/fields/na\uFFFDme"), both("/fields/na\uFFFDme"), nil},
		{"invalid UTF-8 in an answer", docRespMI, "{\"fields\":{\"a\":[\"\xff\"]}}",
			both("/fields/a/0"), both("/fields/a/0"), nil},
		{"invalid UTF-8 in a raw payload", docRespRaw, "{\"a\":{\"b\":\"\xff\"}}",
			both("/a/b"), both("/a/b"), nil},
		{"invalid UTF-8 in a raw payload's array", docRespRaw, "{\"a\":[\"x\",\"\xff\"]}",
			both("/a/1"), both("/a/1"), nil},
		{"invalid UTF-8 in a case's unknown key", docCase,
			codecSwap(caseText, `"id":`, "\"extra\":\"\xff\",\"id\":"),
			[]at{{"/extra", CodeUnknownField}}, both("/extra"), nil},
		{"invalid UTF-8 in an event's data", docEvent, codecSwap(
			string(codecMust(codecAnsweredEvent().MarshalJSON())),
			`"summary":"Additional`, "\"summary\":\"\xffAdditional"),
			both("/data/summary"), both("/data/summary"), nil},
		{"lone high surrogate", docOpen, summary(`"\ud800"`),
			both("/summary"), both("/summary"), nil},
		{"lone low surrogate", docOpen, summary(`"a\udc00b"`),
			both("/summary"), both("/summary"), nil},
		{"high surrogate then a letter", docOpen, summary(`"\ud800\u0041"`),
			both("/summary"), both("/summary"), nil},
		{"two high surrogates", docOpen, summary(`"\ud800\ud800"`),
			both("/summary"), both("/summary"), nil},
		{"reversed pair", docOpen, summary(`"\ude00\ud83d"`),
			both("/summary"), both("/summary"), nil},
		{"high surrogate at the end", docOpen, summary(`"x\uD800"`),
			both("/summary"), both("/summary"), nil},
		{"lone surrogate in a field name", docRespMI, `{"fields":{"a\ud800b":"x"}}`,
			both("/fields/a\uFFFDb"), both("/fields/a\uFFFDb"), nil},
		{"lone surrogate in a metadata value", docUpdate,
			`{"metadata":{"k":"\udfff"}}`, both("/metadata/k"), both("/metadata/k"), nil},
		{"surrogate pair", docOpen, summary(`"\ud83d\ude00 \uD83D\uDE00"`), nil, nil,
			summaryIs("😀 😀")},
		{"surrogate pair in a key", docOpen,
			codecOpen("metadata", `{"\ud83d\ude00":"v"}`), nil, nil,
			func(t *testing.T, v any) {
				assert.Equal(t, Metadata{"😀": "v"}, v.(*OpenRequest).Metadata)
			}},
		{"escaped replacement character", docOpen, summary(`"\ufffd"`), nil, nil,
			summaryIs("\uFFFD")},
		{"every escape", docOpen, codecOpen("details", `"\"\\\/\b\f\n\r\t\u00e9"`),
			both("/details"), nil, func(t *testing.T, v any) {
				assert.Equal(t, ptr("\"\\/\b\f\n\r\t\u00e9"), v.(*OpenRequest).Details)
			}},
		{"escaped NUL in one-line text", docOpen, summary(`"a\u0000b"`),
			both("/summary"), nil, summaryIs("a\x00b")},
		{"unescaped line separator", docOpen, summary("\"a\u2028b\""),
			both("/summary"), nil, summaryIs("a\u2028b")},
		{"DEL", docOpen, summary("\"a\x7fb\""), both("/summary"), nil, summaryIs("a\x7fb")},
	}
}

// codecAnsweredEvent returns the event of codecAnswered.
func codecAnsweredEvent() *Event {
	_, ev := codecAnswered()
	return &ev
}

func TestDecoder_Strings(t *testing.T) {
	for _, tc := range codecStrings() {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []struct {
				dec  Decoder
				want []at
			}{{codecStrict, tc.strict}, {codecLenient, tc.lenient}} {
				v, err := tc.doc.decode(mode.dec, []byte(tc.body))
				if mode.want != nil {
					assertInvalid(t, err, mode.want...)
					continue
				}
				require.NoError(t, err, "lenient=%v", mode.dec.Lenient)
				if tc.check != nil {
					tc.check(t, v)
				}
			}
		})
	}
}

// TestPlainRun_AgreesWithTable pins the word-at-a-time scan of plainRun to
// the byte table it stands for, from every start.
func TestPlainRun_AgreesWithTable(t *testing.T) {
	for _, s := range wordSamples() {
		for i := 0; i <= len(s); i++ {
			j := i
			for j < len(s) && plain[s[j]] {
				j++
			}
			if got := plainRun(s, i); got != j {
				t.Fatalf("plainRun(%q, %d) = %d, want %d", s, i, got, j)
			}
		}
	}
}

// TestDecoder_EscapedStringAllocations checks that each string with an
// escape costs an allocation of its own length, wherever it stands in the
// document. A hundred short escaped strings between two 64 KiB strings
// must not cost a copy of the document each: the whole decoding costs
// less than twice the document's size.
func TestDecoder_EscapedStringAllocations(t *testing.T) {
	pad := `"` + strings.Repeat("x", 64<<10) + `"`
	body := []byte(`{"fields":{"a":` + pad + `,"b":[` +
		strings.Repeat(`"\n",`, 99) + `"\n"],"c":` + pad + `}}`)
	for _, dec := range []Decoder{codecStrict, codecLenient} {
		used := hostileAllocated(body, func(b []byte) (any, error) {
			return dec.Response(KindMissingInformation, b)
		})
		assert.Less(t, used, uint64(2*len(body)), "lenient=%v", dec.Lenient)
	}
	p, err := codecStrict.Response(KindMissingInformation, body)
	require.NoError(t, err)
	b := p.(*MissingInformationResponse).Fields["b"].([]any)
	require.Len(t, b, 100)
	assert.Equal(t, "\n", b[99])
}
