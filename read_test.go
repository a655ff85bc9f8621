package cases

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecSyntax is text that is not one JSON value, and the byte offset and
// reason that every decoder reports for it.
type codecSyntax struct {
	name   string
	body   string
	offset int
	what   string
}

var codecSyntaxErrors = []codecSyntax{
	{"empty", "", 0, "unexpected end of input"},
	{"only whitespace", " \n\t", 3, "unexpected end of input"},
	{"byte order mark", "\xef\xbb\xbf{}", 0, "invalid character at the start of a value"},
	{"trailing object", "{}{}", 2, "data after the value"},
	{"trailing word", "{} x", 3, "data after the value"},
	{"trailing null", "{}\nnull", 3, "data after the value"},
	{"trailing brace", `{"a":1}}`, 7, "data after the value"},
	{"trailing NUL", "{}\x00", 2, "data after the value"},
	{"trailing invalid UTF-8", "{}\xff", 2, "data after the value"},
	{"missing colon", `{"a" "x"}`, 5, "expected ':' after an object key"},
	{"missing value", `{"a":}`, 5, "invalid character at the start of a value"},
	{"trailing comma", `{"a":1,}`, 7, "expected a string for an object key"},
	{"unterminated object", `{"a":1`, 6, "expected ',' or '}' after an object member"},
	{"unterminated string", `{"a":"x`, 7, "unterminated string"},
	{"unterminated key", `{"a`, 3, "unterminated string"},
	{"bad literal", `{"a":tru}`, 5, "invalid literal"},
	{"bad null", `{"a":nul}`, 5, "invalid literal"},
	{"bad escape", `{"a":"x\qy"}`, 7, "invalid escape sequence in a string"},
	{"backslash at the end", `{"a":"x\`, 7, "unterminated string"},
	{"short unicode escape", `{"a":"\u12"}`, 8, "invalid \\u escape in a string"},
	{"unicode escape cut off by the end", `{"\u00`, 4, "invalid \\u escape in a string"},
	{"unicode escape at the end", `{"\u0041`, 8, "unterminated string"},
	{"high surrogate at the end", `{"\ud800`, 8, "unterminated string"},
	{"backslash at the end of a key", `{"a\`, 3, "unterminated string"},
	{"unterminated string after an escape", `{"a":"\n`, 8, "unterminated string"},
	{"control character", "{\"a\":\"x\x01\"}", 7, "control character in a string"},
	// The string's first eight bytes are scanned as one word, whose own
	// test must find the control byte among them.
	{"control character among plain text", "{\"a\":\"ABC\x01DEFG\"}", 9,
		"control character in a string"},
	{"raw newline in a string", "{\"a\":\"x\ny\"}", 7, "control character in a string"},
	{"leading zero", `{"a":01}`, 6, "expected ',' or '}' after an object member"},
	{"hex number", `{"a":0x10}`, 6, "expected ',' or '}' after an object member"},
	{"lone minus", `{"a":-}`, 6, "invalid number"},
	{"bare point", `{"a":1.}`, 7, "invalid number"},
	{"bare exponent", `{"a":1e}`, 7, "invalid number"},
	{"leading point", `{"a":.5}`, 5, "invalid character at the start of a value"},
	{"plus sign", `{"a":+1}`, 5, "invalid character at the start of a value"},
	{"NaN", `{"a":NaN}`, 5, "invalid character at the start of a value"},
	{"single quotes", `{'a':1}`, 1, "expected a string for an object key"},
	{"bare key", `{a:1}`, 1, "expected a string for an object key"},
	{"missing array comma", `{"a":[1 2]}`, 8, "expected ',' or ']' after an array element"},
	{"unterminated array", `{"a":[`, 6, "unexpected end of input"},
	{"two values", `{"a":true false}`, 10, "expected ',' or '}' after an object member"},
	{"deep unterminated", `{"a":{"b":[1,{"c":"d"}`, 22,
		"expected ',' or ']' after an array element"},
}

// TestDecoder_SyntaxErrors checks that every document, strict or lenient,
// reports text that is not JSON as one invalid_json item whose message
// gives the byte offset.
func TestDecoder_SyntaxErrors(t *testing.T) {
	assertSyntaxErrors(t, codecSyntaxErrors)
}

// assertSyntaxErrors checks that every document, strict or lenient,
// refuses each body of tests with one invalid_json item whose message
// gives the offset and what is wrong there.
func assertSyntaxErrors(t *testing.T, tests []codecSyntax) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := "invalid JSON at byte " + strconv.Itoa(tc.offset) + ": " + tc.what
			for _, doc := range codecDocs {
				for _, dec := range []Decoder{codecStrict, codecLenient} {
					_, err := doc.decode(dec, []byte(tc.body))
					assertInvalid(t, err, at{"", CodeInvalidJSON})
					var e *Error
					if errors.As(err, &e) && len(e.Items) == 1 {
						assert.Equal(t, want, e.Items[0].Message, "%s lenient=%v",
							doc, dec.Lenient)
					}
				}
			}
		})
	}
}

// TestDecoder_TrailingDataAfterValidBody checks that data after a body that
// is otherwise valid is refused with the offset of the first extra byte,
// and that nothing else is reported.
func TestDecoder_TrailingDataAfterValidBody(t *testing.T) {
	body := codecOpen()
	for _, tc := range []struct {
		name  string
		extra string
	}{
		{"second object", "{}"},
		{"comma", ","},
		{"after whitespace", " \n x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			offset := len(body) + len(tc.extra) - len(strings.TrimLeft(tc.extra, " \n"))
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				_, err := dec.Open([]byte(body + tc.extra))
				assertInvalid(t, err, at{"", CodeInvalidJSON})
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, "invalid JSON at byte "+strconv.Itoa(offset)+
					": data after the value", e.Items[0].Message)
			}
		})
	}
}

// codecPadded returns body followed by spaces up to n bytes.
func codecPadded(body string, n int) []byte {
	return []byte(body + strings.Repeat(" ", n-len(body)))
}

func TestDecoder_MaxBytes(t *testing.T) {
	bodies := map[codecDoc]string{
		docOpen: codecOpen(), docUpdate: `{}`, docRespMI: `{"fields":{}}`,
		docRespRA: `{"acknowledged":true}`, docRespRaw: `{}`,
		docCase: codecCaseText(), docEvent: string(codecMust(codecAnsweredEvent().MarshalJSON())),
	}
	for _, doc := range codecDocs {
		t.Run(string(doc), func(t *testing.T) {
			body := bodies[doc]
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				limit := DefaultMaxBytes
				if dec.Lenient {
					limit = DefaultLenientMaxBytes
				}
				_, err := doc.decode(dec, codecPadded(body, limit))
				assert.NoError(t, err, "at the limit")
				_, err = doc.decode(dec, codecPadded(body, limit+1))
				assertItems(t, err, ErrInvalid, at{"", CodeTooLarge})

				// The size is checked before the syntax.
				_, err = doc.decode(dec, codecPadded("{", limit+1))
				assertItems(t, err, ErrInvalid, at{"", CodeTooLarge})

				custom := dec
				custom.MaxBytes = len(body)
				_, err = doc.decode(custom, []byte(body))
				assert.NoError(t, err, "at a custom limit")
				custom.MaxBytes = len(body) - 1
				_, err = doc.decode(custom, []byte(body))
				assertItems(t, err, ErrInvalid, at{"", CodeTooLarge})
			}
		})
	}
}

// codecNested returns n arrays nested in one another.
func codecNested(n int) string {
	return strings.Repeat("[", n) + strings.Repeat("]", n)
}

func TestDecoder_MaxDepth(t *testing.T) {
	zeros := func(n int) string { return strings.Repeat("/0", n) }
	answer := func(n int) string { return `{"fields":{"a":` + codecNested(n) + `}}` }
	for _, tc := range []struct {
		name string
		doc  codecDoc
		dec  Decoder
		body string
		want []at // nil: decodes
	}{
		{"answer at the limit", docRespMI, codecStrict, answer(30), nil},
		{"answer over the limit", docRespMI, codecStrict, answer(31),
			[]at{{"/fields/a" + zeros(30), CodeTooDeep}}},
		{"unknown key at the limit", docOpen, codecLenient,
			codecOpen("x", codecNested(63)), nil},
		{"unknown key over the limit", docOpen, codecLenient,
			codecOpen("x", codecNested(64)), []at{{"/x" + zeros(63), CodeTooDeep}}},
		{"strict unknown key at the limit", docOpen, codecStrict,
			codecOpen("x", codecNested(31)), []at{{"/x", CodeUnknownField}}},
		{"strict unknown key over the limit", docOpen, codecStrict,
			codecOpen("x", codecNested(32)), []at{{"/x" + zeros(31), CodeTooDeep}}},
		{"lenient case deeper than the strict limit", docCase, codecLenient,
			codecSwap(codecCaseText(), `"metadata":{`, `"x":`+codecNested(62)+`,"metadata":{`),
			nil},
		{"example over the limit", docOpen, codecStrict, codecOpen("request", `{"fields":[`+
			`{"name":"a","type":"string","description":"A.","example":`+
			codecNested(29)+`}]}`),
			[]at{{"/request/fields/0/example" + zeros(28), CodeTooDeep}}},
		{"custom limit", docRespMI, Decoder{MaxDepth: 3}, answer(1), nil},
		{"custom limit above the default", docRespMI, Decoder{MaxDepth: 40}, answer(38), nil},
		{"over a custom limit above the default", docRespMI, Decoder{MaxDepth: 40},
			answer(39), []at{{"/fields/a" + zeros(38), CodeTooDeep}}},
		{"lenient custom limit below the default", docRespMI,
			Decoder{Lenient: true, MaxDepth: 3}, answer(2), []at{{"/fields/a/0", CodeTooDeep}}},
		{"over a custom limit", docRespMI, Decoder{MaxDepth: 3}, answer(2),
			[]at{{"/fields/a/0", CodeTooDeep}}},
		{"custom limit of one", docRespMI, Decoder{MaxDepth: 1}, `{"fields":{}}`,
			[]at{{"/fields", CodeTooDeep}}},
		{"case over a custom limit", docCase, Decoder{Lenient: true, MaxDepth: 3},
			codecCaseText(), []at{{"/request/fields/0", CodeTooDeep}}},
		{"event data over a custom limit", docEvent, Decoder{Lenient: true, MaxDepth: 2},
			string(codecMust(codecAnsweredEvent().MarshalJSON())),
			[]at{{"/data/metadata", CodeTooDeep}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.doc.decode(tc.dec, []byte(tc.body))
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			assertInvalid(t, err, tc.want...)
		})
	}
}

// TestDecoder_DeepNesting checks that a body nested 100,000 levels deep is
// refused at the limit, without recursing through the whole of it.
func TestDecoder_DeepNesting(t *testing.T) {
	const n = 100000
	bodies := []struct {
		name string
		body string
		at   func(depth int) string
	}{
		{"arrays", codecNested(n), func(d int) string { return strings.Repeat("/0", d) }},
		{"objects", strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n),
			func(d int) string { return strings.Repeat("/a", d) }},
		{"unterminated", strings.Repeat(`{"a":[`, n),
			func(d int) string { return strings.Repeat("/a/0", d/2) }},
	}
	for _, tc := range bodies {
		for _, doc := range codecDocs {
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				depth := DefaultMaxDepth
				if dec.Lenient {
					depth = DefaultLenientMaxDepth
				}
				name := tc.name + "/" + string(doc) + "/lenient=" + strconv.FormatBool(dec.Lenient)
				t.Run(name, func(t *testing.T) {
					_, err := doc.decode(dec, []byte(tc.body))
					assertInvalid(t, err, at{tc.at(depth), CodeTooDeep})
				})
			}
		}
	}
}

func TestDecoder_PointerEscaping(t *testing.T) {
	_, err := codecStrict.Open([]byte(codecOpen("a/b~c", "1")))
	assertInvalid(t, err, at{"/a~1b~0c", CodeUnknownField})

	_, err = codecStrict.Update([]byte(`{"metadata":{"a/b":5,"~":"v","x[~]":"v"}}`))
	assertInvalid(t, err,
		at{"/metadata/a~1b", CodeInvalidType},
		at{"/metadata/x[~0]", CodeInvalidFormat},
	)

	_, err = codecStrict.Response(KindMissingInformation, []byte(`{"fields":{"a/b":{"~":1}}}`))
	require.NoError(t, err)
	_, err = codecStrict.Response(KindMissingInformation,
		[]byte(`{"fields":{"a/b":{"~":1,"~":2}}}`))
	assertInvalid(t, err, at{"/fields/a~1b/~0", CodeDuplicate})
}

// codecAllBodies returns every body of the tables of this package's
// decoding tests.
func codecAllBodies() []string {
	var all []string
	for _, tc := range codecSyntaxErrors {
		all = append(all, tc.body)
	}
	for _, tc := range codecProblems() {
		all = append(all, tc.body)
	}
	for _, tc := range codecDuplicates() {
		all = append(all, tc.body)
	}
	for _, tc := range codecStrings() {
		all = append(all, tc.body)
	}
	for _, tc := range codecTimestamps() {
		all = append(all, codecOpen("due_at", tc.raw))
	}
	for _, tc := range codecIntegers {
		all = append(all, codecIntegerBody(tc.name))
	}
	for _, tc := range codecValidOpens() {
		all = append(all, tc.body)
	}
	return append(all, codecNested(40), codecRawRequest)
}

func TestDecoder_DoesNotModifyInput(t *testing.T) {
	for i, body := range codecAllBodies() {
		for _, doc := range codecDocs {
			for _, dec := range []Decoder{codecStrict, codecLenient} {
				data := []byte(body)
				before := bytes.Clone(data)
				_, _ = doc.decode(dec, data)
				assert.Equal(t, before, data, "body %d as %s", i, doc)
			}
		}
	}
}
