package cases

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecoder_SkippedValues checks values that the decoder skips: an
// unknown key's, refused when strict and ignored when lenient, and a
// request read once the kind is known.
func TestDecoder_SkippedValues(t *testing.T) {
	unknown := []at{{"/x", CodeUnknownField}}
	many := func(v string) string { return "[" + strings.Repeat(v+",", 99) + v + "]" }
	requestFirst := `{"request":{"fields":` + codecFieldsRaw + `,"x":` + many("{}") +
		`,"y":` + many("[]") + `},` + strings.TrimPrefix(codecOpen("request", ""), "{")
	for _, tc := range []struct {
		name    string
		body    string
		strict  []at // nil: decodes
		lenient []at
	}{
		{"escapes of every kind", codecOpen("x", `"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"`),
			unknown, nil},
		// Each empty container closes the level it opened.
		{"many empty objects", codecOpen("x", many("{}")), unknown, nil},
		{"many empty arrays", codecOpen("x", many("[]")), unknown, nil},
		{"empty containers in a request before the kind", requestFirst,
			[]at{{"/request/x", CodeUnknownField}, {"/request/y", CodeUnknownField}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []struct {
				dec  Decoder
				want []at
			}{{codecStrict, tc.strict}, {codecLenient, tc.lenient}} {
				o, err := mode.dec.Open([]byte(tc.body))
				if mode.want != nil {
					assertInvalid(t, err, mode.want...)
					continue
				}
				require.NoError(t, err, "lenient=%v", mode.dec.Lenient)
				assert.Equal(t, "Additional information needed.", o.Summary)
			}
		})
	}
}

// TestDecoder_SkippedStringEndsInBackslash checks a document that ends
// inside a skipped string, just after a backslash: a request before the
// kind is skipped by both decoders, and an unknown key's value by the
// strict one.
func TestDecoder_SkippedStringEndsInBackslash(t *testing.T) {
	const want = "invalid JSON at byte 13: unterminated string"
	for _, tc := range []struct {
		doc  codecDoc
		dec  Decoder
		body string
	}{
		{docOpen, codecStrict, `{"request":"x\`},
		{docOpen, codecLenient, `{"request":"x\`},
		{docCase, codecStrict, `{"request":"x\`},
		{docCase, codecLenient, `{"request":"x\`},
		{docOpen, codecStrict, `{"unknown":"x\`},
	} {
		_, err := tc.doc.decode(tc.dec, []byte(tc.body))
		assertInvalid(t, err, at{"", CodeInvalidJSON})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, want, e.Items[0].Message, "%s lenient=%v", tc.doc, tc.dec.Lenient)
	}
}
