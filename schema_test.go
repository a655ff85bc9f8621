package cases

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
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
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run Golden -update . to create it")
	assert.Equal(t, string(want), string(got),
		"%s is stale: run go test -run Golden -update .", path)
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

func TestSchema_Limits(t *testing.T) {
	c := schemaOf(t, "case")["properties"].(map[string]any)
	summary := c["summary"].(map[string]any)
	assert.Equal(t, 255.0, summary["maxLength"])
	assert.Equal(t, 1.0, summary["minLength"])
	assert.Equal(t, []any{"string", "null"}, c["details"].(map[string]any)["type"])
	assert.Equal(t, 10000.0, c["details"].(map[string]any)["maxLength"])
	assert.Equal(t, []any{"filing", "verification", "business", "session"},
		c["parent_type"].(map[string]any)["enum"])
	assert.Equal(t, tagPatterns["opaque"], c["parent_id"].(map[string]any)["pattern"])

	open := schemaOf(t, "open")["properties"].(map[string]any)
	assert.Equal(t, []any{"needs_response", "under_review"},
		open["status"].(map[string]any)["enum"])

	defs := allDefs()
	md := defs["metadata"]
	assert.Equal(t, 50, md["maxProperties"])
	assert.Equal(t, 40, md["propertyNames"].(jsonObj)["maxLength"])
	assert.Equal(t, 500, md["additionalProperties"].(jsonObj)["maxLength"])
	assert.NotContains(t, defs["metadata_patch"], "maxProperties")

	fields := defs["request.missing_information"]["properties"].(jsonObj)["fields"].(jsonObj)
	assert.Equal(t, 1, fields["minItems"])
	assert.Equal(t, 50, fields["maxItems"])
	options := defs["field_spec"]["properties"].(jsonObj)["options"].(jsonObj)
	assert.Equal(t, 1, options["minItems"])
	assert.Equal(t, 100, options["maxItems"])
	assert.Equal(t, true, options["uniqueItems"])
	assert.Equal(t, 100, options["items"].(jsonObj)["maxLength"])
}

func TestSchema_CountryCodesAreTheValidators(t *testing.T) {
	codes := countryCodes()
	assert.Len(t, codes, 250)
	assert.Contains(t, codes, "XK")
	assert.Contains(t, codes, "US")
	assert.NotContains(t, codes, "us")
	assert.NotContains(t, codes, "UK")
}

// TestSchema_AnswerLimits pins the limits of answerRules to those that
// FieldSpec.checkValue applies.
func TestSchema_AnswerLimits(t *testing.T) {
	tests := []struct {
		typ   FieldType
		limit int
	}{
		{FieldString, 1000},
		{FieldText, 10000},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			assert.Equal(t, tt.limit, valueDef(tt.typ)["maxLength"])
			spec := &FieldSpec{Type: tt.typ}
			var rep report
			spec.checkValue(strings.Repeat("é", tt.limit), "", &rep)
			assert.Empty(t, rep.items)
			spec.checkValue(strings.Repeat("é", tt.limit+1), "", &rep)
			assert.Equal(t, []Item{{Code: CodeTooLong,
				Message: "value must be at most " + strconv.Itoa(tt.limit) + " characters"}},
				rep.items)
		})
	}
}

// TestSchema_PatternsAgreeWithTheRules checks each pattern against the Go
// rule it stands for, on strings at and past its edges.
func TestSchema_PatternsAgreeWithTheRules(t *testing.T) {
	rule := func(tag string) func(string) bool {
		return func(s string) bool { return rules.Var(s, tag) == nil }
	}
	phone := func(s string) bool { return s != "" && s[0] == '+' && rules.Var(s, "e164") == nil }
	tests := []struct {
		tag     string
		match   func(string) bool
		samples []string
	}{
		{"oneline", isOneLine, []string{"", "a b", "a\tb", "a\nb", "a\u007fb", "a\u0085b",
			"a\u009fb", "a\u00a0b", "a\u2028b", "a\u2029b", "é"}},
		{"text", isText, []string{"", "a\nb", "a\r\n\tb", "a\x00b", "a\x0bb", "a\x0cb",
			"a\u0080b", "a\u2028b"}},
		{"opaque", isOpaqueID, []string{"", "fil_1a2b3c", "1234-5678-9012", "a:b.c",
			"a b", "a/b", strings.Repeat("x", 128), strings.Repeat("x", 129)}},
		{"field", isFieldName, []string{"", "a", "corrected_legal_name", "A", "1a", "a-b",
			"a" + strings.Repeat("b", 63), "a" + strings.Repeat("b", 64)}},
		{"caseid", isCanonicalUUID, []string{"", "0190d6a4-5c5e-7b6e-8f00-000000000001",
			"0190D6A4-5C5E-7B6E-8F00-000000000001", "0190d6a45c5e7b6e8f00000000000001",
			"{0190d6a4-5c5e-7b6e-8f00-000000000001}"}},
		{"e164", phone, []string{"", "+13025550100", "13025550100", "+1302555", "+130255",
			"+123456789012345", "+1234567890123456", "+01234567"}},
		{"notblank", isNotBlank, []string{"", " ", "\t\n\v\f\r", "\u0085\u00a0\u1680",
			"\u2000\u200a\u2028\u2029\u202f\u205f\u3000", "\u180e", "\u200b", " a "}},
		{"date", func(s string) bool {
			_, err := time.Parse(time.DateOnly, s)
			return err == nil && len(s) == 10
		}, []string{"2025-10-24", "2025-1-24", "2025-10-24T00:00:00Z"}},
		{"http_url", rule("http_url"), []string{"https://example.com/x", "HTTP://EXAMPLE.COM",
			"http://", "ftp://example.com", "example.com", "https:///x"}},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			s, _ := typeSchema(reflect.TypeFor[string](), []string{tt.tag})
			patterns := collectPatterns(s)
			require.NotEmpty(t, patterns)
			for _, sample := range tt.samples {
				ok := true
				for _, p := range patterns {
					ok = ok && regexp.MustCompile(p).MatchString(sample)
				}
				// The format keywords narrow these two further.
				if tt.tag == "date" || tt.tag == "http_url" {
					if tt.match(sample) {
						assert.True(t, ok, "%q", sample)
					}
					continue
				}
				assert.Equal(t, tt.match(sample), ok, "%q", sample)
			}
		})
	}
}

func collectPatterns(s jsonObj) []string {
	var out []string
	if p, ok := s["pattern"].(string); ok {
		out = append(out, p)
	}
	all, _ := s["allOf"].([]any)
	for _, a := range all {
		out = append(out, a.(jsonObj)["pattern"].(string))
	}
	return out
}

func TestSchema_TimestampPatternAgreesWithTheParser(t *testing.T) {
	pattern := regexp.MustCompile(timestampDef()["pattern"].(string))
	for _, s := range []string{
		"2025-10-24T10:30:00Z", "2025-10-24T10:30:00.5Z", "2025-10-24T10:30:00.123456789Z",
		"2025-10-24T10:30:00+02:00", "2025-10-24T10:30:00-23:59", "2025-10-24t10:30:00Z",
		"2025-10-24T10:30:00z", "2025-10-24 10:30:00Z", "2025-10-24T10:30:60Z",
		"2025-10-24T24:00:00Z", "2025-10-24T10:30Z",
		"2025-10-24T10:30:00", "2025-10-24T10:30:00.Z", "2025-10-24T10:30:00+99:00",
		"2025-10-24T10:30:00+24:00", "2025-10-24T10:30:00+23:60",
	} {
		_, err := parseTimestamp(s)
		if err == nil {
			assert.True(t, pattern.MatchString(s), "%q parses but does not match", s)
		} else {
			assert.False(t, pattern.MatchString(s), "%q matches but does not parse", s)
		}
	}
}
