package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The differential targets compare the reader with encoding/json on
// documents that encoding/json accepts as one JSON object without repeated
// keys. The reader may refuse such a document for a rule of the model,
// never as invalid JSON; when it accepts one, it must hold the values that
// encoding/json decodes into plain structs of the same shape, compared
// field by field in one form (see diffDocs).

// diffDoc is one kind of document the targets compare.
type diffDoc struct {
	// as is the catalogue entry point whose inputs seed the target.
	as string
	// decode reads a document with the library, plain with encoding/json;
	// both return the comparable form.
	decode, plain func([]byte) (any, error)
	// built returns documents encoded from the test helpers' values.
	built func(testing.TB) [][]byte
}

// diffDocs are the documents compared: the strict bodies of open, update
// and respond, and a whole case read leniently.
var diffDocs = map[string]diffDoc{
	"open": {as: "open", decode: diffDecodeOpen, plain: diffPlainOpen, built: diffBuiltOpen},
	"update": {as: "update", decode: diffDecodeUpdate, plain: diffPlainUpdate,
		built: diffBuiltUpdate},
	"respond_mi": {as: "respond:missing_information", plain: diffPlainPayloadOf(KindMissingInformation),
		decode: diffDecodeResponse(KindMissingInformation), built: diffBuiltRespondMI},
	"respond_ra": {as: "respond:ra_termination", plain: diffPlainPayloadOf(KindRATermination),
		decode: diffDecodeResponse(KindRATermination), built: diffBuiltRespondRA},
	"case_lenient": {as: "case-lenient", decode: diffDecodeCase, plain: diffPlainCase,
		built: diffBuiltCase},
}

// FuzzDifferentialOpen compares the strict reading of open bodies.
func FuzzDifferentialOpen(f *testing.F) { diffFuzz(f, diffDocs["open"]) }

// FuzzDifferentialUpdate compares the strict reading of update bodies.
func FuzzDifferentialUpdate(f *testing.F) { diffFuzz(f, diffDocs["update"]) }

// FuzzDifferentialRespondMI compares the strict reading of respond bodies
// of missing_information cases.
func FuzzDifferentialRespondMI(f *testing.F) { diffFuzz(f, diffDocs["respond_mi"]) }

// FuzzDifferentialRespondRA compares the strict reading of respond bodies
// of ra_termination cases.
func FuzzDifferentialRespondRA(f *testing.F) { diffFuzz(f, diffDocs["respond_ra"]) }

// FuzzDifferentialCase compares the lenient reading of whole cases.
func FuzzDifferentialCase(f *testing.F) { diffFuzz(f, diffDocs["case_lenient"]) }

func diffFuzz(f *testing.F, d diffDoc) {
	for _, seed := range diffSeeds(f, d) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) { diffCompare(t, d, data) })
}

// diffCompare compares the readings of data and reports whether the
// library accepted it.
func diffCompare(t *testing.T, d diffDoc, data []byte) bool {
	if !diffIsPlainObject(data) {
		return false
	}
	got, err := d.decode(data)
	if err != nil {
		var e *Error
		require.ErrorAs(t, err, &e)
		for _, it := range e.Items {
			assert.NotEqual(t, CodeInvalidJSON, it.Code,
				"refused JSON that encoding/json accepts: %s", it.Message)
		}
		return false
	}
	want, err := d.plain(data)
	require.NoError(t, err, "accepted a document that encoding/json cannot decode")
	assert.Equal(t, want, got, "%s", data)
	return true
}

func TestDifferential_Seeds(t *testing.T) {
	for name, d := range diffDocs {
		t.Run(name, func(t *testing.T) {
			accepted := 0
			for _, seed := range diffSeeds(t, d) {
				if diffCompare(t, d, seed) {
					accepted++
				}
			}
			assert.GreaterOrEqual(t, accepted, 4, "too few seeds exercise the comparison")
		})
	}
}

func TestDiffIsPlainObject(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "object", in: ` {"a":{"b":[{"c":1},{"c":2}]},"d":[]} `, want: true},
		{name: "repeated key", in: `{"a":1,"a":2}`, want: false},
		{name: "repeated by escape", in: `{"a":1,"\u0061":2}`, want: false},
		{name: "repeated in nested object", in: `{"a":{"b":1,"b":2}}`, want: false},
		{name: "repeated in array element", in: `{"a":[{"b":1,"b":2}]}`, want: false},
		{name: "same key in sibling objects", in: `{"a":{"b":1},"c":{"b":1}}`, want: true},
		{name: "array", in: `[]`, want: false},
		{name: "not JSON", in: `{"a":}`, want: false},
		{name: "trailing data", in: `{} {}`, want: false},
		{name: "key of the model in another case", in: `{"reQuest":1}`, want: false},
		{name: "key of the model with a long s", in: `{"a":{"ſummary":1}}`, want: false},
		{name: "key of the model", in: `{"request":{"Zq9":1}}`, want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, diffIsPlainObject([]byte(tt.in)))
		})
	}
}

// diffSeeds returns the documents built from the test helpers' values and
// the small committed inputs of the hostile catalogue that d's entry point
// reads; a respond-to input is a respond body of its case's kind.
func diffSeeds(tb testing.TB, d diffDoc) [][]byte {
	tb.Helper()
	seeds := d.built(tb)
	paths, err := filepath.Glob(filepath.Join(hostileDir, "*.want.json"))
	require.NoError(tb, err)
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		require.NoError(tb, err)
		var want hostileWant
		require.NoError(tb, hostileStrictJSON(raw, &want), path)
		if !slices.ContainsFunc(want.As, func(as string) bool { return diffSeedsFrom(d.as, as) }) {
			continue
		}
		body, err := os.ReadFile(strings.TrimSuffix(path, ".want.json") + ".json")
		if errors.Is(err, os.ErrNotExist) {
			continue // a generated input, too large for a seed
		}
		require.NoError(tb, err)
		if len(body) <= diffMaxSeed {
			seeds = append(seeds, body)
		}
	}
	return seeds
}

// diffMaxSeed is the size of the largest catalogue input that seeds a
// target: the fuzzer spends most of its time minimising what it finds in
// a large seed, and the catalogue checks those inputs already.
const diffMaxSeed = 2 << 10

// diffSeedsFrom reports whether the inputs of catalogue entry point as
// seed the target of entry point target.
func diffSeedsFrom(target, as string) bool {
	switch {
	case target == "case-lenient":
		return as == "case" || as == "case-lenient"
	case target == "respond:missing_information" && strings.HasPrefix(as, "respond-to:"):
		return true
	}
	return as == target
}

// diffIsPlainObject reports whether data is one JSON object, by
// encoding/json, whose keys both readings take alike: no key repeated in
// an object, and none that differs from a key of the model only in case,
// which encoding/json would take for that key ("reQuest", or "ſummary"
// with a long s) where the model's keys are case sensitive.
func diffIsPlainObject(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if !json.Valid(data) || len(trimmed) == 0 || trimmed[0] != '{' {
		return false
	}
	return !diffHasAmbiguousKey(data, hostileVocabulary())
}

// diffHasAmbiguousKey reports whether an object in the JSON text data
// repeats a key, comparing keys after decoding their escapes, or has a
// key that is not one of words but equals one of them folded.
func diffHasAmbiguousKey(data []byte, words map[string]bool) bool {
	type frame struct {
		keys    map[string]bool
		object  bool
		wantKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			return true
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top != nil && top.object {
					top.wantKey = true
				}
				stack = append(stack, &frame{keys: map[string]bool{}, object: d == '{', wantKey: true})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if !top.wantKey {
			top.wantKey = true
			continue
		}
		key, _ := tok.(string)
		if top.keys[key] || !words[key] && diffFoldsToWord(key, words) {
			return true
		}
		top.keys[key] = true
		top.wantKey = false
	}
}

func diffFoldsToWord(key string, words map[string]bool) bool {
	for w := range words {
		if strings.EqualFold(key, w) {
			return true
		}
	}
	return false
}

func diffUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func diffMarshalAll(tb testing.TB, vs ...json.Marshaler) [][]byte {
	tb.Helper()
	out := make([][]byte, len(vs))
	for i, v := range vs {
		b, err := v.MarshalJSON()
		require.NoError(tb, err)
		out[i] = b
	}
	return out
}
