package cases

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRulesMirrorTheirTypes checks that every field of a rules declaration
// names a JSON key of its exported type, so that a renamed or retyped field
// cannot leave its rules behind.
func TestRulesMirrorTheirTypes(t *testing.T) {
	tests := []struct {
		name   string
		rules  any
		public any
	}{
		{"case", caseRules{}, Case{}},
		{"field spec", fieldSpecRules{}, FieldSpec{}},
		{"missing information request", missingInformationRequestRules{},
			MissingInformationRequest{}},
		{"address", addressRules{}, Address{}},
		{"ra termination request", raTerminationRequestRules{}, RATerminationRequest{}},
		{"ra termination response", raTerminationResponseRules{}, RATerminationResponse{}},
		{"successor agent", successorRules{}, SuccessorAgent{}},
		{"event", eventRules{}, Event{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			public := jsonFields(reflect.TypeOf(tt.public))
			rt := reflect.TypeOf(tt.rules)
			for i := range rt.NumField() {
				f := rt.Field(i)
				key := f.Tag.Get("name")
				pf, ok := public[key]
				if !assert.True(t, ok, "%s: no JSON key %q", rt.Name(), key) {
					continue
				}
				if f.Type.Kind() != reflect.Pointer && f.Type.Kind() != reflect.Slice ||
					f.Type == pf.Type {
					assert.Equal(t, pf.Type, f.Type, "type of %q", key)
				}
			}
		})
	}
}

func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out[name] = f
	}
	return out
}
