package cases

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSortItems(t *testing.T) {
	tests := []struct {
		name string
		in   []at
		want []at
	}{
		{name: "indexes as numbers",
			in:   []at{{"/fields/10", CodeRequired}, {"/fields/2", CodeRequired}},
			want: []at{{"/fields/2", CodeRequired}, {"/fields/10", CodeRequired}}},
		{name: "99 before 100",
			in:   []at{{"/f/100/name", CodeRequired}, {"/f/99/name", CodeRequired}},
			want: []at{{"/f/99/name", CodeRequired}, {"/f/100/name", CodeRequired}}},
		{name: "index then deeper",
			in: []at{{"/request/fields/10/type", CodeUnknownValue},
				{"/request/fields/2/options/10", CodeDuplicate},
				{"/request/fields/2/options/9", CodeDuplicate}},
			want: []at{{"/request/fields/2/options/9", CodeDuplicate},
				{"/request/fields/2/options/10", CodeDuplicate},
				{"/request/fields/10/type", CodeUnknownValue}}},
		{name: "document first",
			in:   []at{{"/a", CodeRequired}, {"", CodeInvalidJSON}},
			want: []at{{"", CodeInvalidJSON}, {"/a", CodeRequired}}},
		{name: "parent before child",
			in:   []at{{"/metadata/k", CodeTooLong}, {"/metadata", CodeTooMany}},
			want: []at{{"/metadata", CodeTooMany}, {"/metadata/k", CodeTooLong}}},
		{name: "segment by segment, not character by character",
			in:   []at{{"/a/b", CodeRequired}, {"/a-b", CodeRequired}},
			want: []at{{"/a/b", CodeRequired}, {"/a-b", CodeRequired}}},
		{name: "names in byte order",
			in:   []at{{"/summary", CodeRequired}, {"/details", CodeTooLong}},
			want: []at{{"/details", CodeTooLong}, {"/summary", CodeRequired}}},
		{name: "same pointer by code",
			in:   []at{{"/x", CodeRequired}, {"/x", CodeInvalidFormat}},
			want: []at{{"/x", CodeInvalidFormat}, {"/x", CodeRequired}}},
		{name: "empty key before a key",
			in:   []at{{"/metadata/a", CodeTooLong}, {"/metadata/", CodeInvalidFormat}},
			want: []at{{"/metadata/", CodeInvalidFormat}, {"/metadata/a", CodeTooLong}}},
		{name: "digits before letters",
			in:   []at{{"/fields/name", CodeRequired}, {"/fields/10", CodeRequired}},
			want: []at{{"/fields/10", CodeRequired}, {"/fields/name", CodeRequired}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := make([]Item, len(tc.in))
			for i, a := range tc.in {
				items[i] = Item{Pointer: a.Pointer, Code: a.Code}
			}

			assertInvalid(t, newError(items), tc.want...)
		})
	}
}

func TestSortItems_StableForEqualItems(t *testing.T) {
	items := []Item{
		{Pointer: "/m/k", Code: CodeTooLong, Message: "first"},
		{Pointer: "/a", Code: CodeRequired, Message: "a"},
		{Pointer: "/m/k", Code: CodeTooLong, Message: "second"},
	}

	sortItems(items)

	assert.Equal(t, []string{"a", "first", "second"},
		[]string{items[0].Message, items[1].Message, items[2].Message})
}

func TestError_Error(t *testing.T) {
	tests := []struct {
		name  string
		items []Item
		want  string
	}{
		{name: "one item",
			items: []Item{{Pointer: "/summary", Code: CodeRequired,
				Message: "summary is required"}},
			want: "cases: invalid input: /summary: required: summary is required"},
		{name: "two items, sorted",
			items: []Item{
				{Pointer: "/summary", Code: CodeRequired, Message: "summary is required"},
				{Pointer: "/metadata", Code: CodeTooMany, Message: "too many"},
			},
			want: "cases: invalid input: /metadata: too_many: too many; " +
				"/summary: required: summary is required"},
		{name: "parameter",
			items: []Item{{Parameter: "limit", Code: CodeInvalidValue,
				Message: "limit must be 1 to 100"}},
			want: "cases: invalid input: ?limit: invalid_value: limit must be 1 to 100"},
		{name: "closed",
			items: []Item{{Code: CodeCaseClosed, Message: "case is closed"}},
			want:  "cases: case is closed: case_closed: case is closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, newError(tc.items).Error())
		})
	}
}

func TestSentinels_Text(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{name: "invalid", err: ErrInvalid, want: "cases: invalid input"},
		{name: "transition", err: ErrTransition, want: "cases: illegal transition"},
		{name: "closed", err: ErrClosed, want: "cases: case is closed"},
		{name: "not awaiting", err: ErrNotAwaitingResponse,
			want: "cases: case is not awaiting a response"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
		})
	}
}

func TestError_Is(t *testing.T) {
	sentinels := []error{ErrInvalid, ErrTransition, ErrClosed, ErrNotAwaitingResponse}
	tests := []struct {
		name string
		code Code
		want error
	}{
		{name: "required", code: CodeRequired, want: ErrInvalid},
		{name: "invalid_json", code: CodeInvalidJSON, want: ErrInvalid},
		{name: "too_large", code: CodeTooLarge, want: ErrInvalid},
		{name: "invalid_value", code: CodeInvalidValue, want: ErrInvalid},
		{name: "invalid_transition", code: CodeInvalidTransition, want: ErrTransition},
		{name: "resolution_reason_required", code: CodeReasonRequired, want: ErrTransition},
		{name: "case_closed", code: CodeCaseClosed, want: ErrClosed},
		{name: "case_not_awaiting_response", code: CodeNotAwaiting,
			want: ErrNotAwaitingResponse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := fmt.Errorf("handling request: %w",
				newError([]Item{{Pointer: "/status", Code: tc.code, Message: "m"}}))

			for _, s := range sentinels {
				assert.Equal(t, errors.Is(s, tc.want), errors.Is(err, s), "errors.Is %v", s)
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.want, e.Err)
			assert.Equal(t, []Item{{Pointer: "/status", Code: tc.code, Message: "m"}}, e.Items)
		})
	}
}

func TestError_FromValidate(t *testing.T) {
	c := mustOpen(t, validOpen())
	c.Summary = ""

	err := c.Validate()

	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.NotErrorIs(t, err, ErrTransition)
	assert.True(t, e.Has("/summary", CodeRequired))
	assert.False(t, e.Has("/summary", CodeTooLong))
	assert.False(t, e.Has("/details", CodeRequired))
	assert.Equal(t, "summary is required", e.Items[0].Message)
}

func TestItem_String(t *testing.T) {
	tests := []struct {
		name string
		item Item
		want string
	}{
		{name: "pointer", item: Item{Pointer: "/a~1b", Code: CodeTooLong, Message: "m"},
			want: "/a~1b: too_long: m"},
		{name: "document", item: Item{Code: CodeInvalidJSON, Message: "at byte 3"},
			want: "invalid_json: at byte 3"},
		{name: "parameter", item: Item{Parameter: "cursor", Code: CodeInvalidValue,
			Message: "m"}, want: "?cursor: invalid_value: m"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.item.String())
		})
	}
}
