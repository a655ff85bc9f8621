package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// notExpressible lists the rules that the schemas name as not expressible
// and that the corpus breaks, with the reason a schema cannot check them.
// A body whose outcome is gap.RULE must be refused by the library and
// accepted by the schema, and RULE must be in the schema's
// x-not-expressible list.
var notExpressible = map[string]string{
	"duplicate_keys": "a JSON Schema validator works on the parsed value, " +
		"where a repeated key has already been reduced to one",
	"invalid_utf8": "the validator's parser replaces invalid UTF-8 and lone " +
		"surrogates with U+FFFD before the schema sees the string",
	"size_and_depth": "JSON Schema has no keyword for the nesting depth of an " +
		"arbitrary value or the size of the document",
	"unique_field_names": "uniqueItems compares whole items; no keyword makes one " +
		"property of the items unique",
	"enum_example_in_options": "a schema cannot compare one value with a list " +
		"held elsewhere in the same instance",
	"finite_numbers": "JSON Schema numbers are arbitrary precision: 1e400 is a " +
		"number there, and no keyword bounds a number to float64",
	"email_syntax": "format email follows RFC 5321, the library follows " +
		"go-playground/validator, which also wants a dot in the domain",
	"timestamp_order": "a schema cannot compare two values of one instance",
	"timestamp_utc_year": "the year is checked after the offset is applied, " +
		"which a pattern cannot do",
	"response_against_request": "the answers are checked against the request's " +
		"field specs, which a schema cannot reach from the response",
}

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

// libraryAccepts reports whether the strict Decoder accepts data as the
// document the schema name describes.
func libraryAccepts(name string, data []byte) (bool, error) {
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
	return err == nil, err
}

// schemaAccepts reports whether data parses as JSON and is valid against s.
func schemaAccepts(s *jsonschema.Schema, data []byte) (bool, error) {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return false, err
	}
	err = s.Validate(inst)
	return err == nil, err
}

func TestAgreement(t *testing.T) {
	schemas, gaps := compileSchemas(t)
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 200)
	counts := map[string]int{}
	for _, f := range files {
		name := filepath.Base(filepath.Dir(f))
		outcome, _, ok := strings.Cut(filepath.Base(f), "__")
		require.True(t, ok, "%s: name must be OUTCOME__NAME.json", f)
		kind, rule, _ := strings.Cut(outcome, ".")
		counts[kind]++
		t.Run(name+"/"+strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			s, ok := schemas[name]
			require.True(t, ok, "no schema %q", name)
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			lib, libErr := libraryAccepts(name, data)
			sch, schErr := schemaAccepts(s, data)
			switch kind {
			case "valid":
				assert.True(t, lib, "library refuses: %v", libErr)
				assert.True(t, sch, "schema refuses: %v", schErr)
			case "invalid":
				assert.False(t, lib, "library accepts")
				assert.False(t, sch, "schema accepts")
			case "gap":
				require.Contains(t, notExpressible, rule, "rule %q has no reason here", rule)
				assert.Contains(t, gaps[name], rule, "the %s schema does not name %q", name, rule)
				assert.False(t, lib, "library accepts")
				assert.True(t, sch, "schema refuses: %v", schErr)
			default:
				t.Fatalf("unknown outcome %q", outcome)
			}
		})
	}
	t.Logf("corpus: %d bodies: %v", len(files), counts)
}

// TestNotExpressibleIsNamed checks that every rule listed here is named by
// at least one schema, so that the list cannot outlive the schemas.
func TestNotExpressibleIsNamed(t *testing.T) {
	_, gaps := compileSchemas(t)
	named := map[string]bool{}
	for _, g := range gaps {
		for _, id := range g {
			named[id] = true
		}
	}
	for id := range notExpressible {
		assert.True(t, named[id], "no schema names %q", id)
	}
}
