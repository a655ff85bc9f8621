package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaURL is the address each schema is added to the compiler under.
func schemaURL(name string) string { return "https://schemas.casekit.invalid/" + name + ".json" }

// compileSchemas compiles every schema the library exports, with format
// assertions on, and returns them by name with their x-not-expressible lists.
func compileSchemas(t *testing.T) (map[string]*jsonschema.Schema, map[string][]string) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	gaps := map[string][]string{}
	for _, name := range cases.SchemaNames() {
		data, err := cases.Schema(name)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		require.NoError(t, c.AddResource(schemaURL(name), doc))
		var meta struct {
			Gaps []string `json:"x-not-expressible"`
		}
		require.NoError(t, json.Unmarshal(data, &meta))
		gaps[name] = meta.Gaps
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range cases.SchemaNames() {
		s, err := c.Compile(schemaURL(name))
		require.NoError(t, err, name)
		out[name] = s
	}
	return out, gaps
}

// libraryCheck returns the strict Decoder's error for data as the document
// the schema name describes, or nil when the Decoder accepts it.
func libraryCheck(name string, data []byte) error {
	var err error
	d := cases.Decoder{}
	switch {
	case name == "open":
		_, err = d.Open(data)
	case name == "update":
		_, err = d.Update(data)
	case name == "case":
		_, err = d.Case(data)
	case name == "event":
		_, err = d.Event(data)
	case strings.HasPrefix(name, "respond."):
		_, err = d.Response(cases.Kind(strings.TrimPrefix(name, "respond.")), data)
	default:
		panic("no decoder for " + name)
	}
	return err
}

// schemaCheck returns the error of parsing data as JSON or of validating it
// against s, or nil when s accepts it.
func schemaCheck(s *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

func TestAgreement(t *testing.T) {
	schemas, named := compileSchemas(t)
	byFile := map[string]entry{}
	for _, e := range theCorpus().entries {
		byFile[e.file()] = e
	}
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 600)
	counts := map[string]int{}
	for _, f := range files {
		e, ok := byFile[f]
		require.True(t, ok, "%s is not generated: run go test -run Corpus -update .", f)
		kind, _, _ := strings.Cut(e.outcome.label, ".")
		counts[kind]++
		t.Run(e.schema+"/"+strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			s, ok := schemas[e.schema]
			require.True(t, ok, "no schema %q", e.schema)
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			check := e.library
			if check == nil {
				check = func(data []byte) error { return libraryCheck(e.schema, data) }
			}
			checkOutcome(t, e.outcome, named[e.schema], check(data), schemaCheck(s, data))
		})
	}
	t.Logf("corpus: %d bodies: %v", len(files), counts)
}

// checkOutcome checks what the library (libErr) and the schema (schErr)
// decided against what the outcome o expects; named lists the rules the
// schema names as not expressible.
func checkOutcome(t *testing.T, o outcome, named []string, libErr, schErr error) {
	t.Helper()
	libraryRefuses := o.label == "invalid" || o.libraryRefuses
	schemaRefuses := o.label == "invalid" || (o.rule != "" && !o.libraryRefuses)
	if o.rule != "" {
		_, ok := notExpressible[o.rule]
		require.True(t, ok, "rule %q is not in notExpressible", o.rule)
		assert.Contains(t, named, o.rule, "the schema does not name %q", o.rule)
	}
	if libraryRefuses {
		assert.Error(t, libErr, "library accepts")
	} else {
		assert.NoError(t, libErr, "library refuses")
	}
	if o.libraryRefuses {
		require.NotEmpty(t, o.want, "a body only the library refuses names its items")
	}
	if o.rule != "" && !o.libraryRefuses {
		require.NotEmpty(t, o.at, "a body only the schema refuses names where")
	}
	if o.want != nil {
		assert.Equal(t, o.want, itemsOf(libErr), "the library refuses for another reason")
	}
	if schemaRefuses {
		assert.Error(t, schErr, "schema accepts")
	} else {
		assert.NoError(t, schErr, "schema refuses")
	}
	if o.at != "" {
		assert.Equal(t, []string{o.at}, innermostLocations(schErr),
			"the schema refuses elsewhere: %v", schErr)
	}
}

// itemsOf returns the items of err with their messages left out, or nil
// when err holds none.
func itemsOf(err error) []cases.Item {
	var e *cases.Error
	if !errors.As(err, &e) {
		return nil
	}
	items := make([]cases.Item, len(e.Items))
	for i, it := range e.Items {
		items[i] = cases.Item{Pointer: it.Pointer, Parameter: it.Parameter, Code: it.Code}
	}
	return items
}

// innermostLocations returns, sorted and once each, the instance locations
// of the errors of a schema validation that have no causes, as JSON
// Pointers; nil when err is not a validation error.
func innermostLocations(err error) []string {
	var v *jsonschema.ValidationError
	if !errors.As(err, &v) {
		return nil
	}
	seen := map[string]bool{}
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			seen[pointerOf(e.InstanceLocation)] = true
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(v)
	return slices.Sorted(maps.Keys(seen))
}

// pointerOf writes the segments of a location as a JSON Pointer.
func pointerOf(segs []string) string {
	var b strings.Builder
	esc := strings.NewReplacer("~", "~0", "/", "~1")
	for _, s := range segs {
		b.WriteString("/" + esc.Replace(s))
	}
	return b.String()
}

// TestNotExpressible_IsNamed checks that the rules listed here are those
// the schemas name, both ways, and that the corpus breaks each of them.
func TestNotExpressible_IsNamed(t *testing.T) {
	_, named := compileSchemas(t)
	union := map[string]bool{}
	for _, ids := range named {
		for _, id := range ids {
			union[id] = true
		}
	}
	assert.ElementsMatch(t, slices.Collect(maps.Keys(union)),
		slices.Collect(maps.Keys(notExpressible)))
	shown := map[string]int{}
	for _, e := range theCorpus().entries {
		if e.outcome.rule != "" {
			shown[e.outcome.rule]++
		}
	}
	for id := range notExpressible {
		assert.Positive(t, shown[id], "no body of the corpus breaks %q", id)
	}
}
