package cases

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateGolden rewrites the golden files under testdata/ and the README's
// lifecycle block: go test -run Golden -update .
var updateGolden = flag.Bool("update", false,
	"rewrite the golden files and the README's lifecycle block")

// checkGolden compares got with the file at path, or writes it with -update.
// On drift it names the first line that differs rather than printing both
// texts, which run to thousands of lines.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run Golden -update . to create it")
	if line, w, g, differ := firstDifference(string(want), string(got)); differ {
		t.Errorf("%s is stale at line %d: run go test -run Golden -update .\n"+
			"want: %s\ngot:  %s", path, line, w, g)
	}
}

// firstDifference returns the number of the first line where want and got
// differ, and that line of each ("(end)" past the last line).
func firstDifference(want, got string) (int, string, string, bool) {
	if want == got {
		return 0, "", "", false
	}
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	for i := 0; ; i++ {
		wl, gl := lineAt(w, i), lineAt(g, i)
		if wl != gl {
			return i + 1, strconv.Quote(wl), strconv.Quote(gl), true
		}
	}
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end)"
}

func TestFirstDifference(t *testing.T) {
	tests := []struct {
		name, want, got string
		line            int
		differ          bool
	}{
		{"same", "a\nb\n", "a\nb\n", 0, false},
		{"second line", "a\nb\n", "a\nc\n", 2, true},
		{"missing newline", "a\nb\n", "a\nb", 2, true},
		{"longer", "a\n", "a\nb\n", 2, true},
		{"shorter", "a\nb\n", "a\n", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, _, _, differ := firstDifference(tt.want, tt.got)
			assert.Equal(t, tt.line, line)
			assert.Equal(t, tt.differ, differ)
		})
	}
}

func TestSchema_Golden(t *testing.T) {
	for _, name := range SchemaNames() {
		t.Run(name, func(t *testing.T) {
			got, err := Schema(name)
			require.NoError(t, err)
			checkGolden(t, filepath.Join("testdata", "schema", name+".json"), got)
		})
	}
	files, err := filepath.Glob(filepath.Join("testdata", "schema", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		assert.Contains(t, SchemaNames(), name, "%s has no schema: remove it", f)
	}
}

func TestSchemaNames(t *testing.T) {
	assert.Equal(t, []string{
		"case", "event", "open", "respond.missing_information", "respond.ra_termination", "update",
	}, SchemaNames())
}

func TestSchema_UnknownName(t *testing.T) {
	got, err := Schema("respond.unknown")
	assert.Nil(t, got)
	assert.EqualError(t, err, `cases: no schema named "respond.unknown"`)
}

func TestSchema_IsDeterministicJSON(t *testing.T) {
	for _, name := range SchemaNames() {
		a, err := Schema(name)
		require.NoError(t, err)
		b, err := Schema(name)
		require.NoError(t, err)
		assert.Equal(t, a, b, name)
		assert.True(t, json.Valid(a), name)
		for _, c := range a {
			require.Less(t, c, byte(0x7f), "%s has a byte outside printable ASCII", name)
		}
	}
}

func TestSchema_EveryKind(t *testing.T) {
	for _, k := range Kinds() {
		assert.Contains(t, SchemaNames(), "respond."+string(k))
		s := schemaOf(t, "respond."+string(k))
		assert.Equal(t, "object", s["type"], "kind %s", k)
	}
}

// schemaOf decodes the named schema, following a top-level $ref.
func schemaOf(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := Schema(name)
	require.NoError(t, err)
	var s map[string]any
	require.NoError(t, json.Unmarshal(data, &s))
	if r, ok := s["$ref"].(string); ok {
		return s["$defs"].(map[string]any)[strings.TrimPrefix(r, "#/$defs/")].(map[string]any)
	}
	return s
}

func TestSchema_KeysAreThoseTheLibraryWrites(t *testing.T) {
	status := StatusResolved
	reason := ReasonNoResponseNeeded
	summary := "s"
	full := &UpdateRequest{
		Status: &status, ResolutionReason: &reason, Summary: &summary,
		Details: Clear[string](), DueAt: Clear[time.Time](), Metadata: map[string]*string{},
	}
	tests := []struct {
		name   string
		value  json.Marshaler
		schema string
		extra  []string
	}{
		{"case", Case{}, "case", nil},
		{"event", Event{}, "event", nil},
		{"open", &OpenRequest{}, "open", nil},
		{"update", full, "update", []string{"kind", "parent_id", "parent_type", "request"}},
		{"ra response", &RATerminationResponse{}, "respond.ra_termination", nil},
		{"mi response", &MissingInformationResponse{}, "respond.missing_information", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.value.MarshalJSON()
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(data, &doc))
			want := append(tt.extra, mapKeys(doc)...)
			slices.Sort(want)
			s := schemaOf(t, tt.schema)
			assert.Equal(t, want, mapKeys(s["properties"].(map[string]any)))
			assert.Equal(t, false, s["additionalProperties"])
		})
	}
}

func mapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestSchema_RequiredKeys(t *testing.T) {
	tests := []struct {
		schema string
		want   []any
	}{
		{"open", []any{"kind", "parent_id", "parent_type", "request", "status", "summary"}},
		{"case", []any{"created_at", "id", "kind", "parent_id", "parent_type", "request",
			"status", "summary", "updated_at"}},
		{"event", []any{"created_at", "data", "id", "type"}},
		{"respond.ra_termination", []any{"acknowledged"}},
		{"respond.missing_information", []any{"fields"}},
		{"update", nil},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			got, _ := schemaOf(t, tt.schema)["required"].([]any)
			assert.Equal(t, tt.want, got)
		})
	}
}
