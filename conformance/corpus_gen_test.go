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
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update rewrites the corpus from the table below: go test -run Corpus -update .
var update = flag.Bool("update", false, "rewrite testdata/corpus from the generator")

// entry is one body of the corpus. Its outcome is what the test expects
// of both validators: "valid", "invalid", "gap.RULE" (the library refuses
// by a rule the schema names as not expressible, so the schema accepts).
type entry struct {
	schema  string
	outcome string
	name    string
	body    []byte
}

// file is the path of e in the corpus: DIR/OUTCOME__NAME.json.
func (e entry) file() string {
	return filepath.Join("testdata", "corpus", e.schema, e.outcome+"__"+e.name+".json")
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
func (c *corpus) add(schema, outcome, name, base string, muts ...mutation) {
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
	c.raw(schema, outcome, name, buf.String())
}

// raw adds a body as it is written.
func (c *corpus) raw(schema, outcome, name, body string) {
	c.entries = append(c.entries, entry{schema, outcome, name, []byte(body)})
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

func TestCorpus_Generated(t *testing.T) {
	entries := buildCorpus().entries
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
