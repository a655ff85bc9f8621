package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpus pins the verdict of the library, which follows the
// specification, on every body in testdata/corpus (written by
// cmd/gencorpus): valid bodies are accepted, the others refused.
var corpus = []struct {
	name  string
	valid bool
}{
	{"typical", true},
	{"summary_255_chars", true},
	{"summary_256_chars", false},
	{"summary_255_astral_chars", true},
	{"summary_blank", false},
	{"summary_line_break", false},
	{"parent_id_128", true},
	{"parent_id_129", false},
	{"metadata_50_pairs", true},
	{"metadata_51_pairs", false},
	{"metadata_key_40", true},
	{"metadata_key_41", false},
	{"metadata_key_bracket", false},
	{"metadata_value_500", true},
	{"metadata_value_501", false},
	{"metadata_value_number", false},
	{"fields_0", false},
	{"fields_1", true},
	{"fields_50", true},
	{"fields_51", false},
	{"description_500", true},
	{"description_501", false},
	{"field_name_64", true},
	{"field_name_65", false},
	{"parent_type_verification", true},
	{"parent_type_business", true},
	{"parent_type_session", true},
	{"parent_type_unknown", false},
	{"kind_ra_termination", true},
	{"kind_ra_termination_parent_filing", false},
	{"kind_unknown", false},
	{"status_under_review", true},
	{"status_resolved", false},
	{"status_unknown", false},
	{"field_types_all", true},
	{"field_type_unknown", false},
	{"unknown_key_body", false},
	{"unknown_key_request", false},
	{"unknown_key_field", false},
	{"missing_parent_id", false},
	{"missing_summary", false},
	{"missing_request", false},
	{"missing_field_description", false},
	{"optional_nulls", true},
	{"due_at_malformed", false},
	{"options_on_string_field", false},
	{"enum_without_options", false},
	{"enum_duplicate_option", false},
	{"example_wrong_type", false},
	{"example_not_in_options", false},
	{"duplicate_field_name", false},
	{"duplicate_key", false},
	{"invalid_utf8", false},
	{"trailing_data", false},
	{"not_json", false},
}

// The reasons a peer cannot express a rule of the specification.
const (
	whyDuplicateKey = "the decoder keeps the last of a repeated key: the body never " +
		"reaches the rules with both"
	whyUTF8 = "the decoder under the peer (encoding/json, or goccy/go-json) replaces " +
		"invalid UTF-8 with U+FFFD: the rules see a valid string"
	whyExampleInOptions = "the example must be one of the same object's options: a " +
		"constraint from one value to another needs $data, which neither JSON Schema " +
		"draft 7 nor OpenAPI 3.0 has, and no tag compares a value with a list field"
	whyExampleType = "the example's type depends on the sibling field type: a tag " +
		"checks one field on its own, and `any` has no type to check"
	whyKindShape = "the kind decides the shape of request: a Go struct has one " +
		"shape, and a second decoding pass by kind is code, not tags"
	whyUniqueName = "names must be unique across the fields: uniqueItems compares " +
		"whole items, and neither dialect can say unique by one property"
	whyPropertyNames = "OpenAPI 3.0 has no propertyNames: metadata keys cannot be " +
		"constrained, only their values"
	whyTrailing = "the peer decodes the first JSON value and ignores what follows"
)

// gaps lists, per approach, the corpus bodies on which it cannot agree with
// the library because it cannot express a rule, with the reason. On these
// bodies it accepts what the library refuses, or, for a rule it cannot
// model, refuses what the library accepts.
var gaps = map[string]map[string]string{
	JSONTags: {
		"duplicate_key":          whyDuplicateKey,
		"invalid_utf8":           whyUTF8,
		"example_not_in_options": whyExampleInOptions,
		"example_wrong_type":     whyExampleType,
		"kind_ra_termination":    whyKindShape,
	},
	GoJSONTags: {
		"duplicate_key":          whyDuplicateKey,
		"invalid_utf8":           whyUTF8,
		"example_not_in_options": whyExampleInOptions,
		"example_wrong_type":     whyExampleType,
		"kind_ra_termination":    whyKindShape,
	},
	Santhosh: {
		"duplicate_key":          whyDuplicateKey,
		"invalid_utf8":           whyUTF8,
		"example_not_in_options": whyExampleInOptions,
		"duplicate_field_name":   whyUniqueName,
	},
	GoJSONSchema: {
		"duplicate_key":          whyDuplicateKey,
		"invalid_utf8":           whyUTF8,
		"example_not_in_options": whyExampleInOptions,
		"duplicate_field_name":   whyUniqueName,
		"trailing_data":          whyTrailing,
	},
	KinOpenAPI: {
		"duplicate_key":          whyDuplicateKey,
		"invalid_utf8":           whyUTF8,
		"example_not_in_options": whyExampleInOptions,
		"duplicate_field_name":   whyUniqueName,
		"metadata_key_41":        whyPropertyNames,
		"metadata_key_bracket":   whyPropertyNames,
		"trailing_data":          whyTrailing,
	},
}

func approaches(t testing.TB) []Approach {
	as, err := Approaches("testdata")
	require.NoError(t, err)
	return as
}

func readFile(t testing.TB, path string) []byte {
	body, err := os.ReadFile(path)
	require.NoError(t, err)
	return body
}

func readCorpus(t testing.TB, name string) []byte {
	return readFile(t, filepath.Join("testdata", "corpus", name+".json"))
}

// TestCorpusAgreement proves that every approach accepts and refuses the
// same bodies as the library, except where gaps says why it cannot.
func TestCorpusAgreement(t *testing.T) {
	for _, a := range approaches(t) {
		if a.Name == Floor {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			for _, c := range corpus {
				want := c.valid
				if _, ok := gaps[a.Name][c.name]; ok {
					want = !want
				}
				err := a.Check(readCorpus(t, c.name))
				assert.Equal(t, want, err == nil, "%s: error %v", c.name, err)
			}
		})
	}
}

// TestCorpusFloorAcceptsValid checks that the floor, which validates
// nothing, decodes every valid body.
func TestCorpusFloorAcceptsValid(t *testing.T) {
	for _, c := range corpus {
		if c.valid {
			assert.NoError(t, checkFloor(readCorpus(t, c.name)), c.name)
		}
	}
}

// TestCorpusIsComplete checks that the table and the files agree, that the
// corpus has each limit on both sides, and that every gap names a body.
func TestCorpusIsComplete(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.json"))
	require.NoError(t, err)
	var names, listed []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	valid := map[string]bool{}
	for _, c := range corpus {
		listed = append(listed, c.name)
		valid[c.name] = c.valid
	}
	assert.ElementsMatch(t, listed, names)
	for _, pair := range [][2]string{
		{"summary_255_chars", "summary_256_chars"}, {"parent_id_128", "parent_id_129"},
		{"metadata_50_pairs", "metadata_51_pairs"}, {"metadata_key_40", "metadata_key_41"},
		{"metadata_value_500", "metadata_value_501"}, {"fields_50", "fields_51"},
		{"fields_1", "fields_0"}, {"description_500", "description_501"},
		{"field_name_64", "field_name_65"},
	} {
		assert.True(t, valid[pair[0]], pair[0])
		assert.False(t, valid[pair[1]], pair[1])
	}
	for approach, bodies := range gaps {
		for name, why := range bodies {
			assert.Contains(t, valid, name, "%s: gap on a body not in the corpus", approach)
			assert.NotEmpty(t, why, "%s: gap without a reason", approach)
		}
	}
}
