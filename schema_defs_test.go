package cases

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSchema_Limits(t *testing.T) {
	c := schemaOf(t, "case")["properties"].(map[string]any)
	summary := c["summary"].(map[string]any)
	assert.Equal(t, 255.0, summary["maxLength"])
	assert.Equal(t, 1.0, summary["minLength"])
	assert.Equal(t, []any{"string", "null"}, c["details"].(map[string]any)["type"])
	assert.Equal(t, 10000.0, c["details"].(map[string]any)["maxLength"])
	assert.Equal(t, []any{"filing", "verification", "business", "session"},
		c["parent_type"].(map[string]any)["enum"])
	assert.Equal(t, tagPatterns()["opaque"], c["parent_id"].(map[string]any)["pattern"])

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

// TestSchema_AnswerLimits pins the length limits of string answers in the
// schema to those that FieldSpec.checkValue applies, and both to the
// specification.
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
