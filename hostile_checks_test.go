package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The checks that every input of the hostile catalogue must pass besides
// its expected outcome: see hostile_test.go for the catalogue itself.

// hostileMemoryOverhead is the fixed part of the memory budget of one
// decoding: 10 bytes per byte of input, plus this. Any answer costs
// something whatever the input's size: a refused 2-byte body still gets
// an *Error with its items and messages, and a strict case builds its
// value and a report. The most measured past 10x over the catalogue
// (go1.26, amd64, with and without -race) is 4,968 bytes, for a 16-byte
// case body that is refused with 9 items; 6 KiB is that plus the 936-byte
// reader that a garbage collection may take from the decoder's pool.
const hostileMemoryOverhead = 6 << 10

// hostileBudget returns the bytes one decoding of n bytes may allocate.
func hostileBudget(n int) uint64 { return 10*uint64(n) + hostileMemoryOverhead }

// hostileCheck decodes e's input with entry point as and checks the
// outcome, the memory it took, that the input is unchanged, that no
// goroutine is left behind and that no message repeats the input. model
// is the case a respond-to body answers, whose words are not the input's.
// It returns the bytes the decoding allocated.
func hostileCheck(t *testing.T, e hostileEntry, as string,
	decode func([]byte) (any, error), model []byte) uint64 {
	before := bytes.Clone(e.input)
	goroutines := runtime.NumGoroutine()

	v, err := decode(e.input)

	require.Equal(t, before, e.input, "the decoder changed its input")
	assert.LessOrEqual(t, runtime.NumGoroutine(), goroutines, "goroutines left behind")
	hostileCheckOutcome(t, e.want.Accept, e.want.Items.of(as), v, err)

	allocated := hostileAllocated(e.input, decode)
	assert.LessOrEqual(t, allocated, hostileBudget(len(e.input)),
		"allocated %d bytes for %d bytes of input", allocated, len(e.input))

	hostileCheckMessages(t, e.input, model, err)
	return allocated
}

func hostileCheckOutcome(t *testing.T, accept bool, want []hostileItem, v any, err error) {
	t.Helper()
	if accept {
		require.NoError(t, err)
		assert.NotNil(t, v)
		return
	}
	require.Error(t, err)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrInvalid)
	wantItems := make([]at, len(want))
	for i, it := range want {
		wantItems[i] = at{*it.Pointer, it.Code}
	}
	got := make([]at, len(e.Items))
	for i, it := range e.Items {
		got[i] = at{it.Pointer, it.Code}
	}
	assert.Equal(t, wantItems, got)
}

// hostileAllocated returns the bytes one decoding of input allocates: the
// least of three runs, since the runtime and the test framework allocate
// a little on their own now and then.
func hostileAllocated(input []byte, decode func([]byte) (any, error)) uint64 {
	least := uint64(0)
	var ms runtime.MemStats
	for i := range 3 {
		runtime.ReadMemStats(&ms)
		start := ms.TotalAlloc
		_, _ = decode(input)
		runtime.ReadMemStats(&ms)
		if n := ms.TotalAlloc - start; i == 0 || n < least {
			least = n
		}
	}
	return least
}

// hostileCheckMessages checks that no item message of err, and nothing
// of err.Error() outside the item pointers, repeats a value submitted in
// input: none of its scalar tokens (strings, keys and numbers, see
// hostileTokens) that is not a word of the model. A token is found when
// it occurs whole, not inside a longer word (hostileMentions). Pointers
// may name submitted keys, and only keys: each of their segments is an
// array index, a word of the model, a key of the input, or a word of the
// case a respond-to body answers (model).
func hostileCheckMessages(t assert.TestingT, input, model []byte, err error) {
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	words := hostileVocabulary()
	named := map[string]bool{}
	var secrets []string
	for _, tok := range hostileTokens(input) {
		if tok.key {
			named[tok.text] = true
		}
		if !words[tok.text] && hostileDistinctive(tok.text) {
			secrets = append(secrets, tok.text)
		}
	}
	for _, tok := range hostileTokens(model) {
		named[tok.text] = true
	}
	rest := e.Error()
	for _, it := range e.Items {
		for _, s := range secrets {
			assert.False(t, hostileMentions(it.Message, s),
				"message %q repeats the submitted %q", it.Message, s)
		}
		for seg := range strings.SplitSeq(it.Pointer, "/") {
			seg = strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
			assert.True(t, seg == "" || hostileIsIndex(seg) || words[seg] || named[seg],
				"pointer %q names %q, which is no key", it.Pointer, seg)
		}
		rest = strings.Replace(rest, it.String(), string(it.Code)+": "+it.Message, 1)
	}
	for _, s := range secrets {
		assert.False(t, hostileMentions(rest, s), "error text repeats the submitted %q", s)
	}
}

// hostileToken is a scalar of a JSON text: the text of a string, decoded
// where its escapes are valid, or of a number or a bare word.
type hostileToken struct {
	text string
	key  bool // a string followed by a colon: an object key
}

// hostileTokens returns the scalar tokens of input, scanning without
// parsing so that it works on broken JSON too. A string with escapes
// yields its decoded text and, as a second token, its raw text; the
// literals true, false and null are no tokens.
func hostileTokens(input []byte) []hostileToken {
	var toks []hostileToken
	for i := 0; i < len(input); {
		c := input[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(input) && input[j] != '"' {
				if input[j] == '\\' {
					j++
				}
				j++
			}
			raw := input[i+1 : min(j, len(input))]
			key := bytes.HasPrefix(bytes.TrimLeft(input[min(j+1, len(input)):], " \t\r\n"), []byte(":"))
			toks = append(toks, hostileToken{text: hostileUnquote(raw), key: key})
			if bytes.IndexByte(raw, '\\') >= 0 {
				toks = append(toks, hostileToken{text: string(raw)})
			}
			i = j + 1
		case c == '-' || c == '+' || c == '.' || hostileIsWordByte(c):
			j := i + 1
			for j < len(input) && (hostileIsWordByte(input[j]) || strings.IndexByte("+-.", input[j]) >= 0) {
				j++
			}
			if w := string(input[i:j]); w != "true" && w != "false" && w != "null" {
				toks = append(toks, hostileToken{text: w})
			}
			i = j
		default:
			i++
		}
	}
	return toks
}

// hostileUnquote decodes the escapes of the raw text of a JSON string as
// encoding/json does (invalid UTF-8 and lone surrogates become U+FFFD),
// or returns the raw text when they do not decode.
func hostileUnquote(raw []byte) string {
	var s string
	if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &s); err != nil {
		return string(raw)
	}
	return s
}

// hostileDistinctive reports whether a token holds a letter or a digit:
// one made only of spaces and punctuation cannot be told apart from the
// spaces and punctuation of any message.
func hostileDistinctive(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}) >= 0
}

// hostileMentions reports whether s occurs in text as a whole: not
// preceded or followed by a letter, digit or underscore that would make
// it part of a longer word or number.
func hostileMentions(text, s string) bool {
	for from := 0; ; {
		k := strings.Index(text[from:], s)
		if k < 0 {
			return false
		}
		k += from
		end := k + len(s)
		before := k > 0 && hostileIsWordByte(text[k-1]) && hostileIsWordByte(s[0])
		after := end < len(text) && hostileIsWordByte(text[end]) && hostileIsWordByte(s[len(s)-1])
		if !before && !after {
			return true
		}
		from = k + 1
	}
}

func hostileIsWordByte(c byte) bool {
	return c == '_' || c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func hostileIsIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// hostileVocabulary returns the words of the model: the keys the schema
// defines and the values of its enums, which messages and pointers may
// name.
func hostileVocabulary() map[string]bool {
	words := []string{
		"case", "event", "id", "object", "created_at", "updated_at", "metadata",
		"parent_type", "parent_id", "kind", "status", "summary", "details",
		"request", "response", "opened_at", "due_at", "resolved_at",
		"resolution_reason", "type", "data", "fields", "name", "description",
		"required", "example", "options", "reason", "reason_detail",
		"acknowledged", "successor_agent", "address",
	}
	words = append(words, addressKeys...)
	for _, v := range ParentTypes() {
		words = append(words, string(v))
	}
	for _, v := range Kinds() {
		words = append(words, string(v))
	}
	for _, v := range Statuses() {
		words = append(words, string(v))
	}
	for _, v := range ResolutionReasons() {
		words = append(words, string(v))
	}
	for _, v := range FieldTypes() {
		words = append(words, string(v))
	}
	for _, v := range RAReasons() {
		words = append(words, string(v))
	}
	for _, v := range EventTypes() {
		words = append(words, string(v))
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func TestHostileTokens(t *testing.T) {
	in := []byte(`{"a\u0062":[1e400,-0,0x10,"v\"w"],"k" : true}` + "\xff garbage")
	want := []hostileToken{
		{text: "ab", key: true}, {text: `a\u0062`}, {text: "1e400"}, {text: "-0"},
		{text: "0x10"}, {text: `v"w`}, {text: `v\"w`}, {text: "k", key: true},
		{text: "\xff"}, {text: "garbage"},
	}
	assert.Equal(t, want, hostileTokens(in))
}

func TestHostileMentions(t *testing.T) {
	tests := []struct {
		text, s string
		want    bool
	}{
		{"value 1e400 is too large", "1e400", true},
		{"at most 100 characters", "10", false},
		{"at byte 10: bad", "10", true},
		{"summary is required", "s", false},
		{"city: Zq9 Town is unknown", "Zq9 Town", true},
		{"key Zq9k\u00e9y is bad", "Zq9k", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, hostileMentions(tt.text, tt.s), "%q in %q", tt.s, tt.text)
	}
}

// hostileRecorder is an assert.TestingT that counts the failures.
type hostileRecorder struct{ failures int }

func (r *hostileRecorder) Errorf(string, ...any) { r.failures++ }

func TestHostileCheckMessages_FindsLeaks(t *testing.T) {
	input := []byte(`{"summary":9223372036854775808,"metadata":{"Zq9key":"Zq9value"}}`)
	item := func(pointer, msg string) error {
		return newError([]Item{{Pointer: pointer, Code: CodeInvalidFormat, Message: msg}})
	}
	tests := []struct {
		name     string
		err      error
		failures int
	}{
		{"clean", item("/metadata/Zq9key", "metadata value must be one line"), 0},
		{"number", item("/summary", "9223372036854775808 is not a string"), 2},
		{"value", item("/metadata/Zq9key", "Zq9value is not allowed"), 2},
		{"key in message", item("/metadata/Zq9key", "key Zq9key is bad"), 2},
		{"value in pointer", item("/metadata/Zq9value", "value is bad"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec hostileRecorder
			hostileCheckMessages(&rec, input, nil, tt.err)
			assert.Equal(t, tt.failures, rec.failures)
		})
	}
}
