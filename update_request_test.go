package cases

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecoder_Update_Nulls(t *testing.T) {
	u, err := codecStrict.Update([]byte(`{"details":null,"due_at":null,` +
		`"metadata":{"gone":null,"kept":"v"}}`))
	require.NoError(t, err)
	assert.True(t, u.Details.IsClear())
	assert.True(t, u.DueAt.IsClear())
	assert.Equal(t, map[string]*string{"gone": nil, "kept": ptr("v")}, u.Metadata)
	assert.Nil(t, u.Summary)
	assert.Nil(t, u.Status)

	u, err = codecStrict.Update([]byte(`{"details":"D.","due_at":"2099-01-02T03:04:05Z"}`))
	require.NoError(t, err)
	details, ok := u.Details.Value()
	assert.True(t, ok)
	assert.Equal(t, "D.", details)
	due, ok := u.DueAt.Value()
	assert.True(t, ok)
	assert.Equal(t, time.Date(2099, 1, 2, 3, 4, 5, 0, time.UTC), due)

	u, err = codecStrict.Update([]byte(`{}`))
	require.NoError(t, err)
	assert.True(t, u.Details.IsKeep())
	assert.True(t, u.DueAt.IsKeep())
	assert.Nil(t, u.Metadata)

	_, err = codecStrict.Update([]byte(`{"summary":null,"details":null}`))
	assertInvalid(t, err, at{"/summary", CodeRequired})
}

// TestDecoder_Update_NullsApply checks that the decoded nulls do what the
// specification says when the update is applied.
func TestDecoder_Update_NullsApply(t *testing.T) {
	c := mustOpen(t, validOpen())
	u, err := codecStrict.Update([]byte(`{"details":null,"due_at":null,` +
		`"metadata":{"external_id":null,"tier":"gold"}}`))
	require.NoError(t, err)
	n, _, err := Update(c, u, testEnv(t0.Add(time.Hour)))
	require.NoError(t, err)
	assert.Nil(t, n.Details)
	assert.Nil(t, n.DueAt)
	assert.Equal(t, Metadata{"tier": "gold"}, n.Metadata)
}

func TestDecoder_Update_MatchesEncodingJSON(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"empty", `{}`},
		{"closing", `{"status":"resolved","resolution_reason":"no_response_needed"}`},
		{"sets", `{"summary":"Caf\u00e9 \ud83d\ude00","details":"a\nb",` +
			`"due_at":"2099-01-02T03:04:05Z"}`},
		{"clears", `{"details":null,"due_at":null}`},
		{"metadata", `{"metadata":{"a":"1","b":null,"\u00e9":"\u2028"}}`},
		{"empty metadata", `{"metadata":{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var members map[string]json.RawMessage
			codecUnmarshal(t, []byte(tc.body), &members)
			got, err := codecStrict.Update([]byte(tc.body))
			require.NoError(t, err)

			codecOptional(t, members, "status", got.Status)
			codecOptional(t, members, "resolution_reason", got.ResolutionReason)
			codecOptional(t, members, "summary", got.Summary)
			var metadata map[string]*string
			if raw, ok := members["metadata"]; ok {
				codecUnmarshal(t, raw, &metadata)
			}
			assert.Equal(t, metadata, got.Metadata)

			var details *string
			if raw, ok := members["details"]; ok {
				codecUnmarshal(t, raw, &details)
				assert.Equal(t, patchOf(details), got.Details)
			} else {
				assert.True(t, got.Details.IsKeep())
			}
			var due *time.Time
			if raw, ok := members["due_at"]; ok {
				codecUnmarshal(t, raw, &due)
				assert.Equal(t, patchOf(due), got.DueAt)
			} else {
				assert.True(t, got.DueAt.IsKeep())
			}
		})
	}
}

// codecOptional checks got against the member key of members as
// encoding/json decodes it; nil when the member is absent.
func codecOptional[T any](t *testing.T, members map[string]json.RawMessage, key string, got *T) {
	t.Helper()
	var want *T
	if raw, ok := members[key]; ok {
		codecUnmarshal(t, raw, &want)
	}
	assert.Equal(t, want, got, key)
}

func TestDecoder_Update_FixedKeys(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []at
	}{
		{"parent_type", `{"parent_type":"filing"}`, []at{{"/parent_type", CodeNotAllowed}}},
		{"parent_id", `{"parent_id":"fil_1"}`, []at{{"/parent_id", CodeNotAllowed}}},
		{"kind", `{"kind":"missing_information"}`, []at{{"/kind", CodeNotAllowed}}},
		{"request", `{"request":{"fields":[]}}`, []at{{"/request", CodeNotAllowed}}},
		{"all four", `{"kind":"x","parent_id":"p","parent_type":"y","request":null}`, []at{
			{"/kind", CodeNotAllowed}, {"/parent_id", CodeNotAllowed},
			{"/parent_type", CodeNotAllowed}, {"/request", CodeNotAllowed},
		}},
		{"reason without status", `{"resolution_reason":"no_response_needed"}`,
			[]at{{"/resolution_reason", CodeNotAllowed}}},
		{"reason of the wrong status", `{"status":"resolved","resolution_reason":"parent_failed"}`,
			[]at{{"/resolution_reason", CodeInvalidValue}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := Decoder{}.Update([]byte(tt.body))
			assertInvalid(t, err, tt.want...)
			assert.Nil(t, u)
		})
	}
}

func TestDecoder_Update_Patches(t *testing.T) {
	due := t0.Add(100 * time.Hour)
	tests := []struct {
		name string
		body string
		want *UpdateRequest
	}{
		{"empty", `{}`, &UpdateRequest{}},
		{"clear details and due_at", `{"details":null,"due_at":null}`,
			&UpdateRequest{Details: Clear[string](), DueAt: Clear[time.Time]()}},
		{"set details and due_at", `{"details":"d","due_at":"2026-03-05T13:00:00+00:00"}`,
			&UpdateRequest{Details: Set("d"), DueAt: Set(due)}},
		{"metadata merge", `{"metadata":{"a":"1","b":null}}`,
			&UpdateRequest{Metadata: map[string]*string{"a": ptr("1"), "b": nil}}},
		{"close", `{"status":"superseded","resolution_reason":"parent_failed"}`,
			lcMove(StatusSuperseded, ReasonParentFailed)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := Decoder{}.Update([]byte(tt.body))
			require.NoError(t, err)
			assert.Equal(t, tt.want, u)
		})
	}
}

func TestUpdateRequest_MarshalJSON_RoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		u    *UpdateRequest
		want string // exact, for bodies of at most one metadata key
	}{
		{"empty", &UpdateRequest{}, `{}`},
		{"closing", &UpdateRequest{Status: ptr(StatusSuperseded),
			ResolutionReason: ptr(ReasonParentFailed)},
			`{"status":"superseded","resolution_reason":"parent_failed"}`},
		{"clears", &UpdateRequest{Details: Clear[string](), DueAt: Clear[time.Time]()},
			`{"details":null,"due_at":null}`},
		{"sets", &UpdateRequest{Summary: ptr("Sé."), Details: Set("D\u2028."),
			DueAt: Set(t0.Add(time.Millisecond))},
			`{"summary":"Sé.","details":"D\u2028.","due_at":"2026-03-01T09:00:00.001Z"}`},
		{"metadata removal", &UpdateRequest{Metadata: map[string]*string{"k": nil}},
			`{"metadata":{"k":null}}`},
		{"metadata", &UpdateRequest{Metadata: map[string]*string{
			"a": ptr("1"), "b": nil, "c": ptr(""),
		}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.u.MarshalJSON()
			require.NoError(t, err)
			if tc.want != "" {
				assert.Equal(t, tc.want, string(out))
			}
			d, err := codecStrict.Update(out)
			require.NoError(t, err)
			assert.Equal(t, tc.u, d)
		})
	}
}
