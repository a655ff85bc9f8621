package cases

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input catalogue lives in testdata/hostile. Each input is
// NAME.json, or, for an input too large to commit, an empty NAME.gen
// marker and a builder in hostileGenerators. Beside it NAME.want.json
// holds one object:
//
//	"as"      the entry points that read the input: one name, or a list;
//	"accept"  true when every entry point in "as" must accept it;
//	"items"   otherwise what must come out, the exact items in order,
//	          each {"pointer": "...", "code": "..."}: either one list for
//	          every entry point in "as", or an object from each entry
//	          point in "as" to its own list;
//	"note"    optional: why the expectation is what it is.
//
// The entry points are the strict decodings open, update, case, event
// and respond:KIND (a respond body of kind KIND, on its own); then
// respond-to:NAME, a respond body decoded strictly and checked against
// the case in NAME.json (a case that needs a response, which the respond
// operation may answer), as that operation checks it; and
// case-lenient, the lenient decoding of a case. The expectations follow
// SPEC.md, not the library: a disagreement is a bug in the library.
//
// Every run also checks that the input is left unchanged, that no
// goroutine is left behind, that the memory allocated stays within
// hostileBudget, and that no message repeats a submitted value
// (hostileCheckMessages).

// hostileDir is where the catalogue lives.
const hostileDir = "testdata/hostile"

// hostileStrict lists the strict entry points. An input whose problem does
// not depend on the shape of the document is read by all of them.
var hostileStrict = []string{
	"open", "update", "case", "event", "respond:missing_information", "respond:ra_termination",
}

// hostileEveryEntryPoint names the inputs that hostileStrict must all read.
var hostileEveryEntryPoint = []string{
	"array_body", "bom", "bom_alone", "comment", "depth_100k_arrays",
	"depth_100k_answer", "depth_100k_unclosed", "empty_body", "int_hex", "invalid_escape",
	"leading_zero_number", "nan_literal", "not_json_text", "nul_byte_as_value",
	"null_body", "number_body", "raw_control_byte_in_string", "short_unicode_escape",
	"single_quotes", "size_over_limit_by_one", "string_body", "trailing_comma",
	"trailing_garbage", "trailing_nul", "trailing_nul_then_garbage",
	"trailing_second_value", "truncated_literal", "unterminated_object",
	"unterminated_string", "utf8_invalid_body", "utf8_invalid_top_level_key",
	"utf8_invalid_top_level_string", "whitespace_body",
}

// hostileWant is the content of a NAME.want.json file.
type hostileWant struct {
	As     hostileEntryPoints `json:"as"`
	Accept bool               `json:"accept"`
	Items  hostileItems       `json:"items"`
	Note   string             `json:"note"`
}

type hostileItem struct {
	Pointer *string `json:"pointer"`
	Code    Code    `json:"code"`
}

// hostileEntryPoints is "as": one entry point, or a list of them.
type hostileEntryPoints []string

func (e *hostileEntryPoints) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(b, []byte(`"`)) {
		*e = hostileEntryPoints{""}
		return hostileStrictJSON(b, &(*e)[0])
	}
	return hostileStrictJSON(b, (*[]string)(e))
}

// hostileItems is "items": one list for every entry point, or a list by
// entry point.
type hostileItems struct {
	all []hostileItem
	by  map[string][]hostileItem
}

func (h *hostileItems) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(b, []byte("{")) {
		return hostileStrictJSON(b, &h.by)
	}
	return hostileStrictJSON(b, &h.all)
}

// of returns the items that entry point as must report.
func (h hostileItems) of(as string) []hostileItem {
	if h.by != nil {
		return h.by[as]
	}
	return h.all
}

func hostileStrictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// hostileEntryPoint returns the decoding that "as" names, and for
// respond-to, the tokens of the case the body answers.
func hostileEntryPoint(tb testing.TB, as string) (func([]byte) (any, error), []byte) {
	tb.Helper()
	strict, lenient := Decoder{}, Decoder{Lenient: true}
	switch as {
	case "open":
		return func(b []byte) (any, error) { return strict.Open(b) }, nil
	case "update":
		return func(b []byte) (any, error) { return strict.Update(b) }, nil
	case "case":
		return func(b []byte) (any, error) { return strict.Case(b) }, nil
	case "case-lenient":
		return func(b []byte) (any, error) { return lenient.Case(b) }, nil
	case "event":
		return func(b []byte) (any, error) { return strict.Event(b) }, nil
	}
	if kind, ok := strings.CutPrefix(as, "respond:"); ok && kind != "" {
		return func(b []byte) (any, error) { return strict.Response(Kind(kind), b) }, nil
	}
	name, ok := strings.CutPrefix(as, "respond-to:")
	require.True(tb, ok && name != "", "unknown entry point %q", as)
	doc := hostileRead(tb, name+".json")
	c, err := strict.Case(doc)
	require.NoError(tb, err, "the case of %s", as)
	return func(b []byte) (any, error) {
		p, err := strict.Response(c.Kind, b)
		if err != nil {
			return nil, err
		}
		return p, c.CheckResponse(p)
	}, doc
}

// hostileGenerators builds the inputs of the NAME.gen entries.
var hostileGenerators = map[string]func(t testing.TB) []byte{
	"size_over_limit_by_one": func(t testing.TB) []byte {
		return hostilePad(hostileRead(t, "baseline_open.json"), DefaultMaxBytes+1)
	},
	"size_at_limit": func(t testing.TB) []byte {
		return hostilePad(hostileRead(t, "baseline_open.json"), DefaultMaxBytes)
	},
	"size_over_limit_lenient": func(t testing.TB) []byte {
		return hostilePad(hostileRead(t, "baseline_case.json"), DefaultMaxBytes+1)
	},
	"size_over_lenient_limit_by_one": func(t testing.TB) []byte {
		return hostilePad(hostileRead(t, "baseline_case.json"), DefaultLenientMaxBytes+1)
	},
	"depth_100k_arrays": func(testing.TB) []byte {
		return hostileNest(`{"metadata":`, "[", "]", "", `}`)
	},
	"depth_100k_objects_lenient": func(testing.TB) []byte {
		return hostileNest("", `{"x":`, "}", "1", "")
	},
	"depth_100k_answer": func(testing.TB) []byte {
		return hostileNest(`{"fields":{"x":`, "[", "]", "", `}}`)
	},
	"depth_100k_unclosed": func(testing.TB) []byte {
		return []byte(`{"data":` + strings.Repeat(`{"x":`, 100_000))
	},
	"metadata_10000_keys": func(t testing.TB) []byte {
		return hostileWithMetadata(t, "baseline_open.json", 10_000)
	},
	"metadata_10000_keys_lenient": func(t testing.TB) []byte {
		return hostileWithMetadata(t, "baseline_case.json", 10_000)
	},
	"summary_500k_chars": func(testing.TB) []byte {
		return []byte(`{"parent_type":"business","parent_id":"biz_1","kind":"ra_termination",` +
			`"status":"needs_response","summary":"` + strings.Repeat("s", 500_000) +
			`","request":{"reason":"switching_providers"}}`)
	},
}

func hostileRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(hostileDir, name))
	require.NoError(t, err)
	return b
}

// hostilePad pads the JSON text b with trailing spaces to n bytes.
func hostilePad(b []byte, n int) []byte {
	return append(bytes.Clone(b), bytes.Repeat([]byte{' '}, n-len(b))...)
}

// hostileNest returns head, 100,000 opens, mid, 100,000 closes and tail.
func hostileNest(head, open, closing, mid, tail string) []byte {
	const n = 100_000
	return []byte(head + strings.Repeat(open, n) + mid + strings.Repeat(closing, n) + tail)
}

// hostileWithMetadata replaces the metadata of the object in file by n
// distinct pairs.
func hostileWithMetadata(t testing.TB, file string, n int) []byte {
	t.Helper()
	base := hostileRead(t, file)
	var b bytes.Buffer
	b.WriteString(`{"metadata":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"key_` + strconv.Itoa(i) + `":"val_` + strconv.Itoa(i) + `"`)
	}
	b.WriteString(`},`)
	// The base has a metadata member of its own only in the case: drop it
	// by renaming, which the lenient decoder ignores as an unknown key.
	rest := bytes.Replace(base[1:], []byte(`"metadata":`), []byte(`"metadata_":`), 1)
	b.Write(rest)
	return b.Bytes()
}

// hostileEntry is one input of the catalogue.
type hostileEntry struct {
	name  string
	input []byte
	want  hostileWant
}

func hostileCatalogue(t testing.TB) []hostileEntry {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(hostileDir, "*.want.json"))
	require.NoError(t, err)
	var entries []hostileEntry
	generated := map[string]bool{}
	for _, path := range names {
		name := strings.TrimSuffix(filepath.Base(path), ".want.json")
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		e := hostileEntry{name: name}
		require.NoError(t, hostileStrictJSON(raw, &e.want), path)
		if gen, ok := hostileGenerators[name]; ok {
			_, err := os.Stat(filepath.Join(hostileDir, name+".gen"))
			require.NoError(t, err, "generated input %s has no .gen marker", name)
			e.input = gen(t)
			generated[name] = true
		} else {
			e.input = hostileRead(t, name+".json")
		}
		entries = append(entries, e)
	}
	for name := range hostileGenerators {
		assert.True(t, generated[name], "generator %s has no want file", name)
	}
	return entries
}

func TestHostileCatalogue_IsComplete(t *testing.T) {
	entries := hostileCatalogue(t)
	assert.GreaterOrEqual(t, len(entries), 250)
	files, err := filepath.Glob(filepath.Join(hostileDir, "*"))
	require.NoError(t, err)
	for _, f := range files {
		base := filepath.Base(f)
		name, _, _ := strings.Cut(base, ".")
		assert.True(t, slices.ContainsFunc(entries, func(e hostileEntry) bool {
			return e.name == name
		}), "%s has no want file", base)
	}
	for _, e := range entries {
		hostileCheckWant(t, e)
	}
	for _, name := range hostileEveryEntryPoint {
		i := slices.IndexFunc(entries, func(e hostileEntry) bool { return e.name == name })
		if assert.GreaterOrEqual(t, i, 0, "%s is not in the catalogue", name) {
			assert.Subset(t, entries[i].want.As, hostileStrict,
				"%s must be read by every strict entry point", name)
		}
	}
}

// hostileCheckWant checks that a want file says one thing of each of its
// entry points: acceptance, or a list of items with pointers and codes.
func hostileCheckWant(t *testing.T, e hostileEntry) {
	w := e.want
	assert.NotEmpty(t, w.As, e.name)
	if w.Items.by != nil {
		assert.False(t, w.Accept, "%s: accept with items", e.name)
		assert.ElementsMatch(t, w.As, slices.Collect(maps.Keys(w.Items.by)),
			"%s: items by entry point must list exactly the entry points of as", e.name)
	}
	for _, as := range w.As {
		items := w.Items.of(as)
		assert.NotEqual(t, w.Accept, len(items) > 0,
			"%s/%s: want exactly one of accept and items", e.name, as)
		for _, it := range items {
			assert.NotNil(t, it.Pointer, "%s: item without a pointer", e.name)
			assert.NotEmpty(t, it.Code, "%s: item without a code", e.name)
		}
	}
}

// BenchmarkHostileInputs times each input of the catalogue with each of
// its entry points: the time a hostile input costs is measured here, not
// asserted in a test.
func BenchmarkHostileInputs(b *testing.B) {
	for _, e := range hostileCatalogue(b) {
		for _, as := range e.want.As {
			decode, _ := hostileEntryPoint(b, as)
			b.Run(e.name+"/"+as, func(b *testing.B) {
				b.SetBytes(int64(len(e.input)))
				b.ReportAllocs()
				for b.Loop() {
					_, _ = decode(e.input)
				}
			})
		}
	}
}

func TestHostileInputs(t *testing.T) {
	var worst struct {
		past  int64 // bytes allocated past 10x the input
		ratio float64
		name  string
	}
	for _, e := range hostileCatalogue(t) {
		for _, as := range e.want.As {
			t.Run(e.name+"/"+as, func(t *testing.T) {
				decode, model := hostileEntryPoint(t, as)
				allocated := hostileCheck(t, e, as, decode, model)
				if past := int64(allocated) - 10*int64(len(e.input)); past > worst.past {
					worst.past, worst.name = past, e.name+"/"+as
					worst.ratio = float64(allocated) / float64(max(len(e.input), 1))
				}
			})
		}
	}
	t.Logf("most allocated past 10x: %d bytes (%.0fx), by %s; the budget allows %d",
		worst.past, worst.ratio, worst.name, hostileMemoryOverhead)
}
