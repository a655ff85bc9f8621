package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input catalogue lives in testdata/hostile. Each input is
// NAME.json, or NAME.gen for an input too large to commit, which
// hostileGenerators builds; beside it NAME.want.json says which strict
// entry point reads it ("as") and what must come out: the exact items, by
// pointer and code, or "accept": true. The expectations follow SPEC.md,
// not the library: a disagreement is a bug in the library.

// hostileDir is where the catalogue lives.
const hostileDir = "testdata/hostile"

// hostileMemoryFloor is the allocation budget of a tiny input: building
// an *Error and its items, or one run of the validator, costs a few
// kilobytes whatever the input's size, so the 10x rule starts above it.
const hostileMemoryFloor = 64 << 10

// hostileWant is the content of a NAME.want.json file.
type hostileWant struct {
	As     hostileEntryPoints `json:"as"`
	Accept bool               `json:"accept"`
	Items  []hostileItem      `json:"items"`
	Note   string             `json:"note"`
}

type hostileItem struct {
	Pointer *string `json:"pointer"`
	Code    Code    `json:"code"`
}

// hostileEntryPoints is "as": one entry point, or a list of them.
type hostileEntryPoints []string

func (e *hostileEntryPoints) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*e = hostileEntryPoints{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*e = many
	return nil
}

// hostileEntryPoint returns the strict decoding that "as" names.
func hostileEntryPoint(as string) (func([]byte) (any, error), bool) {
	strict, lenient := Decoder{}, Decoder{Lenient: true}
	switch as {
	case "open":
		return func(b []byte) (any, error) { return strict.Open(b) }, true
	case "update":
		return func(b []byte) (any, error) { return strict.Update(b) }, true
	case "case":
		return func(b []byte) (any, error) { return strict.Case(b) }, true
	case "case-lenient":
		return func(b []byte) (any, error) { return lenient.Case(b) }, true
	case "event":
		return func(b []byte) (any, error) { return strict.Event(b) }, true
	}
	if kind, ok := strings.CutPrefix(as, "respond:"); ok && kind != "" {
		return func(b []byte) (any, error) { return strict.Response(Kind(kind), b) }, true
	}
	return nil, false
}

// hostileGenerators builds the inputs of the NAME.gen entries. Each gets
// the catalogue's directory, to start from its baselines.
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
		var want hostileWant
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&want), path)
		e := hostileEntry{name: name, want: want}
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
	assert.GreaterOrEqual(t, len(entries), 60)
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
		assert.NotEmpty(t, e.want.As, e.name)
		assert.NotEqual(t, e.want.Accept, len(e.want.Items) > 0,
			"%s: want exactly one of accept and items", e.name)
		for _, it := range e.want.Items {
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
			decode, _ := hostileEntryPoint(as)
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
	for _, e := range hostileCatalogue(t) {
		for _, as := range e.want.As {
			t.Run(e.name+"/"+as, func(t *testing.T) {
				decode, ok := hostileEntryPoint(as)
				require.True(t, ok, "unknown entry point %q", as)
				hostileCheck(t, e, decode)
			})
		}
	}
}

// hostileCheck decodes e's input and checks the outcome, the memory it
// took, that the input is unchanged, that no goroutine is left
// behind and that no message repeats the input.
func hostileCheck(t *testing.T, e hostileEntry, decode func([]byte) (any, error)) {
	before := bytes.Clone(e.input)
	goroutines := runtime.NumGoroutine()

	v, err := decode(e.input)

	require.Equal(t, before, e.input, "the decoder changed its input")
	assert.LessOrEqual(t, runtime.NumGoroutine(), goroutines, "goroutines left behind")
	hostileCheckOutcome(t, e.want, v, err)

	budget := max(10*uint64(len(e.input)), hostileMemoryFloor)
	allocated := hostileAllocated(e.input, decode)
	assert.LessOrEqual(t, allocated, budget,
		"allocated %d bytes for %d bytes of input", allocated, len(e.input))

	var pe *Error
	if !errors.As(err, &pe) {
		return
	}
	secrets := hostileSecrets(e.input)
	for _, it := range pe.Items {
		for _, s := range secrets {
			assert.NotContains(t, it.Message, s, "message repeats the input")
		}
	}
}

func hostileCheckOutcome(t *testing.T, want hostileWant, v any, err error) {
	t.Helper()
	if want.Accept {
		require.NoError(t, err)
		assert.NotNil(t, v)
		return
	}
	require.Error(t, err)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrInvalid)
	wantItems := make([]at, len(want.Items))
	for i, it := range want.Items {
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

// hostileSecrets returns the distinctive strings of a JSON text: its
// string literals of four bytes or more, less the words of the model
// itself (keys, enum values), which messages may name.
func hostileSecrets(input []byte) []string {
	vocabulary := hostileVocabulary()
	var secrets []string
	seen := map[string]bool{}
	for lit := range hostileLiterals(input) {
		if len(lit) < 4 || vocabulary[lit] || seen[lit] {
			continue
		}
		seen[lit] = true
		secrets = append(secrets, lit)
	}
	return secrets
}

// hostileLiterals yields the raw text between the quotes of each string
// in input, scanning without parsing, so that it works on broken JSON.
func hostileLiterals(input []byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(input); i++ {
			if input[i] != '"' {
				continue
			}
			j := i + 1
			for j < len(input) && input[j] != '"' {
				if input[j] == '\\' {
					j++
				}
				j++
			}
			if !yield(string(input[i+1 : min(j, len(input))])) {
				return
			}
			i = j
		}
	}
}

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
