package cases

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchema_NotExpressible pins the rules each schema names as not
// expressible, and checks that each is also explained in its description.
func TestSchema_NotExpressible(t *testing.T) {
	decoder := []any{"duplicate_keys", "invalid_utf8", "size_and_depth"}
	request := []any{"unique_field_names", "enum_example_in_options", "finite_numbers",
		"integer_exponent", "email_syntax", "url_syntax"}
	tests := []struct {
		schema string
		want   []any
	}{
		{"open", slices.Concat(decoder, request,
			[]any{"timestamp_utc_year", "due_at_later_than_now"})},
		{"update", slices.Concat(decoder, []any{"timestamp_utc_year", "due_at_later_than_now",
			"transitions", "metadata_merge_limit"})},
		{"respond.missing_information", slices.Concat(decoder,
			[]any{"response_against_request", "awaiting_response"})},
		{"respond.ra_termination", slices.Concat(decoder, []any{"awaiting_response"})},
		{"case", slices.Concat(decoder, request,
			[]any{"timestamp_utc_year", "timestamp_order", "response_against_request"})},
		{"event", slices.Concat(decoder, request,
			[]any{"timestamp_utc_year", "timestamp_order", "response_against_request"})},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			data, err := Schema(tt.schema)
			require.NoError(t, err)
			var s map[string]any
			require.NoError(t, json.Unmarshal(data, &s))
			assert.Equal(t, tt.want, s["x-not-expressible"])
			for i, id := range tt.want {
				assert.Contains(t, s["description"],
					" ("+strconv.Itoa(i+1)+") "+id.(string)+": ")
			}
		})
	}
	respond, err := Schema("respond.ra_termination")
	require.NoError(t, err)
	assert.Contains(t, string(respond), "awaiting_response: a response is taken only while"+
		" the case is in needs_response; otherwise the call fails with"+
		" case_not_awaiting_response, or case_closed on a closed case; the identical"+
		" response sent again while the case is under_review is a no-op.")
}
