package cases

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// metadataOf returns n pairs with distinct keys.
func metadataOf(n int) Metadata {
	m := Metadata{}
	for i := range n {
		m["k"+strconv.Itoa(i)] = "v"
	}
	return m
}

func TestCase_Validate_Metadata(t *testing.T) {
	set := func(m Metadata) func(*Case) { return func(c *Case) { c.Metadata = m } }
	one := func(k, v string) func(*Case) { return set(Metadata{k: v}) }
	long := strings.Repeat("v", 501)
	bad := func(name, k, v, p string, code Code) caseRow {
		return caseRow{name: name, change: one(k, v), want: []at{{p, code}}}
	}
	withBad := metadataOf(51)
	withBad["a[b"] = "v"
	runCaseRows(t, []caseRow{
		{name: "nil", change: set(nil)},
		{name: "empty", change: set(Metadata{})},
		{name: "50 pairs", change: set(metadataOf(50))},
		{name: "51 pairs", change: set(metadataOf(51)),
			want: []at{{"/metadata", CodeTooMany}}},
		{name: "51 pairs and a bad key", change: set(withBad), want: []at{
			{"/metadata", CodeTooMany}, {"/metadata/a[b", CodeInvalidFormat},
		}},
		{name: "key of 40 characters", change: one(strings.Repeat("k", 40), "v")},
		{name: "key of 40 two-byte characters", change: one(strings.Repeat("é", 40), "v")},
		bad("key of 41 characters", strings.Repeat("k", 41), "v",
			"/metadata/"+strings.Repeat("k", 41), CodeTooLong),
		bad("key of 41 two-byte characters", strings.Repeat("é", 41), "v",
			"/metadata/"+strings.Repeat("é", 41), CodeTooLong),
		{name: "value of 500 characters", change: one("k", strings.Repeat("é", 500))},
		{name: "empty value", change: one("k", "")},
		bad("value of 501 characters", "k", strings.Repeat("é", 501),
			"/metadata/k", CodeTooLong),
		bad("value of 501 ASCII characters", "k", long, "/metadata/k", CodeTooLong),
		bad("value not UTF-8", "k", "a\xffb", "/metadata/k", CodeInvalidFormat),
		bad("empty key", "", "v", "/metadata/", CodeInvalidFormat),
		bad("open bracket", "a[b", "v", "/metadata/a[b", CodeInvalidFormat),
		bad("close bracket", "a]", "v", "/metadata/a]", CodeInvalidFormat),
		bad("brackets", "items[0]", "v", "/metadata/items[0]", CodeInvalidFormat),
		bad("line feed in key", "a\nb", "v", "/metadata/a\nb", CodeInvalidFormat),
		bad("NUL in key", "a\x00", "v", "/metadata/a\x00", CodeInvalidFormat),
		bad("DEL in key", "a\x7f", "v", "/metadata/a\x7f", CodeInvalidFormat),
		bad("C1 control in key", "a\u0085", "v", "/metadata/a\u0085", CodeInvalidFormat),
		bad("first C1 control in key", "a\u0080", "v", "/metadata/a\u0080", CodeInvalidFormat),
		bad("last C1 control in key", "a\u009f", "v", "/metadata/a\u009f", CodeInvalidFormat),
		{name: "no-break space after the C1 controls", change: one("a\u00a0b", "v")},
		{name: "line separator in key", change: one("a\u2028b", "v")},
		{name: "paragraph separator in key", change: one("a\u2029b", "v")},
		{name: "key of 40 separators", change: one(strings.Repeat("\u2028", 40), "v")},
		bad("key of 41 separators", strings.Repeat("\u2029", 41), "v",
			"/metadata/"+strings.Repeat("\u2029", 41), CodeTooLong),
		{name: "slash and tilde in keys", change: set(Metadata{"customer/tier": "gold",
			"a~b": "c", "~/": "x"})},
		bad("slash escaped", "customer/tier", long, "/metadata/customer~1tier", CodeTooLong),
		bad("tilde escaped", "a~b", long, "/metadata/a~0b", CodeTooLong),
		bad("tilde before slash", "~/", long, "/metadata/~0~1", CodeTooLong),
		bad("slash before tilde", "/~", long, "/metadata/~1~0", CodeTooLong),
		bad("escaped in a bad key", "a/[", "v", "/metadata/a~1[", CodeInvalidFormat),
		{name: "long key and long value", change: one(strings.Repeat("k", 41), long),
			want: []at{
				{"/metadata/" + strings.Repeat("k", 41), CodeTooLong},
				{"/metadata/" + strings.Repeat("k", 41), CodeTooLong},
			}},
	})
}

// TestMetadata_KeysThroughEveryDoor checks the key rules where a key
// arrives: an open body, an update body and a stored case.
func TestMetadata_KeysThroughEveryDoor(t *testing.T) {
	tests := []struct {
		name string
		key  string
		want Code // "" when the key is accepted
	}{
		{"line separator", "a\u2028b", ""},
		{"paragraph separator", "a\u2029b", ""},
		{"C1 control", "a\u0085b", CodeInvalidFormat},
		{"bracket", "a[b", CodeInvalidFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := string(codecMust(json.Marshal(tt.key)))
			var want []at
			if tt.want != "" {
				want = []at{{pointerJoin("/metadata", tt.key), tt.want}}
			}
			check := func(err error) {
				t.Helper()
				if want == nil {
					assert.NoError(t, err)
					return
				}
				assertInvalid(t, err, want...)
			}

			_, err := codecStrict.Open([]byte(codecOpen("metadata", `{`+key+`:"v"}`)))
			check(err)
			u, err := codecStrict.Update([]byte(`{"metadata":{` + key + `:"v"}}`))
			check(err)
			c := mustOpen(t, validOpen())
			if err == nil {
				_, _, err = Update(c, u, testEnv(lcNow))
				check(err)
			}
			c.Metadata = Metadata{tt.key: "v"}
			check(c.Validate())
		})
	}
}

// TestDecoder_MetadataRepeatAfterRefusedValue gives a metadata key twice
// when its first value is refused: the repeat is still found, although
// the refused value never reached the decoded map.
func TestDecoder_MetadataRepeatAfterRefusedValue(t *testing.T) {
	dup, typ := at{"/metadata/a", CodeDuplicate}, at{"/metadata/a", CodeInvalidType}
	tests := []struct {
		name    string
		doc     codecDoc
		body    string
		strict  []at
		lenient []at // nil: lenient decoding succeeds
	}{
		{"open, number then string", docOpen, codecOpen("metadata", `{"a":1,"a":"x"}`),
			[]at{dup, typ}, []at{typ}},
		{"open, null then string", docOpen, codecOpen("metadata", `{"a":null,"a":"x"}`),
			[]at{dup, typ}, []at{typ}},
		{"open, string then number", docOpen, codecOpen("metadata", `{"a":"x","a":1}`),
			[]at{dup}, []at{typ}},
		{"open, three times", docOpen, codecOpen("metadata", `{"a":[],"b":"y","a":{},"a":"x"}`),
			[]at{dup, dup, typ}, []at{typ, typ}},
		{"update, number then string", docUpdate, `{"metadata":{"a":1,"a":"x"}}`,
			[]at{dup, typ}, []at{typ}},
		{"update, object then null", docUpdate, `{"metadata":{"a":{},"a":null}}`,
			[]at{dup, typ}, []at{typ}},
		{"update, null then string", docUpdate, `{"metadata":{"a":null,"a":"x"}}`,
			[]at{dup}, nil},
		{"case, number then string", docCase,
			codecSwap(codecCaseText(), `"external_id":"user_123"`, `"a":1,"a":"x"`),
			[]at{dup, typ}, []at{typ}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.doc.decode(codecStrict, []byte(tt.body))
			assertInvalid(t, err, tt.strict...)

			// Lenient decoding reads every value, keeps the last one and
			// reports each value of the wrong type.
			_, err = tt.doc.decode(codecLenient, []byte(tt.body))
			if tt.lenient == nil {
				assert.NoError(t, err)
				return
			}
			assertInvalid(t, err, tt.lenient...)
		})
	}
}
