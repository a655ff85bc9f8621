package conformance

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update rewrites the corpus from the generator: go test -run Corpus -update .
var update = flag.Bool("update", false, "rewrite testdata/corpus from the generator")

// entry is one body of the corpus, the schema it is checked against, and
// what both validators must decide.
type entry struct {
	schema  string
	outcome outcome
	name    string
	body    []byte
	// library is the library's check of the body when it is more than
	// the strict Decoder of schema: the operation the body is sent to, on
	// a stored case and at a time the generator holds. Nil means the
	// Decoder alone.
	library func(body []byte) error
}

// outcome is what an entry expects of the library and of the schema.
type outcome struct {
	// label is the outcome as the file name gives it: "valid" (both
	// accept), "invalid" (both refuse), "refused_by_library.RULE" (the
	// library refuses by RULE, which the schemas name as not expressible,
	// and the schema accepts) or "refused_by_schema.RULE" (the library
	// accepts and the schema refuses, for the named RULE).
	label string
	// rule is the RULE of the two disagreeing outcomes; "" otherwise.
	rule string
	// libraryRefuses says which side refuses a disagreeing body.
	libraryRefuses bool
	// want, when not nil, is every item the library must report: its
	// pointers and codes (messages are not compared).
	want []cases.Item
	// at is where the schema refuses a refused_by_schema body: every
	// innermost error of the validator is at this pointer.
	at string
}

var (
	valid   = outcome{label: "valid"}
	invalid = outcome{label: "invalid"}
)

// invalidWith is an outcome of both validators refusing, the library with
// exactly the items want.
func invalidWith(want ...cases.Item) outcome {
	return outcome{label: "invalid", want: want}
}

// refusedByLibrary is the outcome of a body that breaks rule, which no
// schema can check: the library refuses it with exactly the items want and
// the schema accepts it.
func refusedByLibrary(rule string, want ...cases.Item) outcome {
	return outcome{label: "refused_by_library." + rule, rule: rule,
		libraryRefuses: true, want: want}
}

// refusedBySchema is the outcome of a body that the library accepts and
// that the schema, deciding rule otherwise, refuses at pointer at.
func refusedBySchema(rule, at string) outcome {
	return outcome{label: "refused_by_schema." + rule, rule: rule, at: at}
}

// at is the item at pointer with code; its message is not compared.
func at(pointer string, code cases.Code) cases.Item {
	return cases.Item{Pointer: pointer, Code: code}
}

// file is the path of e in the corpus: DIR/OUTCOME__NAME.json.
func (e entry) file() string {
	return filepath.Join("testdata", "corpus", e.schema, e.outcome.label+"__"+e.name+".json")
}

// mutation changes a decoded document.
type mutation func(doc any) any

// set sets the value at a JSON Pointer; the parent must exist. An index
// one past the end of an array appends.
func set(ptr string, v any) mutation {
	return func(doc any) any { return edit(doc, ptr, v, false) }
}

// del removes the value at a JSON Pointer.
func del(ptr string) mutation {
	return func(doc any) any { return edit(doc, ptr, nil, true) }
}

func edit(doc any, ptr string, v any, remove bool) any {
	if ptr == "" {
		return v
	}
	segs := strings.Split(ptr[1:], "/")
	cur := doc
	for _, s := range segs[:len(segs)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[s]
		case []any:
			i, _ := strconv.Atoi(s)
			cur = c[i]
		}
	}
	last := segs[len(segs)-1]
	switch c := cur.(type) {
	case map[string]any:
		if remove {
			delete(c, last)
		} else {
			c[last] = v
		}
	case []any:
		i, _ := strconv.Atoi(last)
		if i == len(c) {
			panic("append through set is not supported: " + ptr)
		}
		c[i] = v
	default:
		panic("no parent for " + ptr)
	}
	return doc
}

// corpus collects the entries.
type corpus struct {
	entries []entry
}

// add adds base, decoded, changed by muts, and encoded again.
func (c *corpus) add(schema string, o outcome, name, base string, muts ...mutation) {
	var doc any
	dec := json.NewDecoder(strings.NewReader(base))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		panic(fmt.Sprintf("%s/%s: %v", schema, name, err))
	}
	for _, m := range muts {
		doc = m(doc)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	c.raw(schema, o, name, buf.String())
}

// raw adds a body as it is written.
func (c *corpus) raw(schema string, o outcome, name, body string) {
	c.entries = append(c.entries, entry{schema: schema, outcome: o, name: name,
		body: []byte(body)})
}

// sent adds a body as it is written, which the library checks with op.
func (c *corpus) sent(schema string, o outcome, name, body string, op func([]byte) error) {
	c.entries = append(c.entries, entry{schema: schema, outcome: o, name: name,
		body: []byte(body), library: op})
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

// pairs returns a metadata object of n pairs.
func pairs(n int) map[string]any {
	m := map[string]any{}
	for i := range n {
		m[fmt.Sprintf("key_%02d", i)] = "v"
	}
	return m
}

// nested returns a value n arrays deep.
func nested(n int) string { return rep("[", n) + rep("]", n) }

// theCorpus is the corpus, built once for the tests that read it.
var theCorpus = sync.OnceValue(buildCorpus)

func TestCorpus_Generated(t *testing.T) {
	entries := theCorpus().entries
	root := filepath.Join("testdata", "corpus")
	if *update {
		require.NoError(t, os.RemoveAll(root))
		for _, e := range entries {
			require.NoError(t, os.MkdirAll(filepath.Dir(e.file()), 0o755))
			require.NoError(t, os.WriteFile(e.file(), e.body, 0o644))
		}
	}
	var want []string
	for _, e := range entries {
		want = append(want, e.file())
		got, err := os.ReadFile(e.file())
		if assert.NoError(t, err, "run go test -run Corpus -update .") {
			assert.Equal(t, string(e.body), string(got), "%s is stale", e.file())
		}
	}
	have, err := filepath.Glob(filepath.Join(root, "*", "*.json"))
	require.NoError(t, err)
	slices.Sort(want)
	assert.Equal(t, want, have, "the corpus on disk differs from the generator")
}

func jsonNumber(s string) json.Number { return json.Number(s) }

// mustJSON decodes a JSON value for use in a mutation.
func mustJSON(s string) any {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		panic(err)
	}
	return v
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
