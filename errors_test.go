package cases

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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

func TestProblemFor(t *testing.T) {
	base := "https://pkg.go.dev/github.com/casekit/cases#"
	one := func(pointer string, code Code) error {
		return newError([]Item{{Pointer: pointer, Code: code, Message: "m"}})
	}
	tests := []struct {
		name   string
		err    error
		typ    string
		title  string
		status int
		detail string
		items  int
	}{
		{name: "invalid", err: one("/summary", CodeRequired), typ: base + "ErrInvalid",
			title: "Invalid input", status: 400, detail: "1 problem found", items: 1},
		{name: "several invalid", err: newError([]Item{
			{Pointer: "/a", Code: CodeRequired}, {Pointer: "/b", Code: CodeTooLong},
		}), typ: base + "ErrInvalid", title: "Invalid input", status: 400,
			detail: "2 problems found", items: 2},
		{name: "invalid_json", err: one("", CodeInvalidJSON), typ: base + "ErrInvalid",
			title: "Invalid input", status: 400, detail: "1 problem found", items: 1},
		{name: "too large", err: one("", CodeTooLarge), typ: base + "ErrInvalid",
			title: "Invalid input", status: 413, detail: "1 problem found", items: 1},
		{name: "transition", err: one("/status", CodeInvalidTransition),
			typ: base + "ErrTransition", title: "Illegal transition", status: 409,
			detail: "1 problem found", items: 1},
		{name: "reason required", err: one("/resolution_reason", CodeReasonRequired),
			typ: base + "ErrTransition", title: "Illegal transition", status: 409,
			detail: "1 problem found", items: 1},
		{name: "closed", err: one("", CodeCaseClosed), typ: base + "ErrClosed",
			title: "Case is closed", status: 409, detail: "1 problem found", items: 1},
		{name: "not awaiting", err: one("", CodeNotAwaiting),
			typ: base + "ErrNotAwaitingResponse", title: "Case is not awaiting a response",
			status: 409, detail: "1 problem found", items: 1},
		{name: "wrapped", err: fmt.Errorf("x: %w", one("/id", CodeInvalidFormat)),
			typ: base + "ErrInvalid", title: "Invalid input", status: 400,
			detail: "1 problem found", items: 1},
		{name: "foreign error", err: errors.New("db password is hunter2"),
			typ: "about:blank", title: "Internal Server Error", status: 500,
			detail: "the server could not complete the request"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := ProblemFor(tc.err)

			assert.Equal(t, tc.typ, p.Type)
			assert.Equal(t, tc.title, p.Title)
			assert.Equal(t, tc.status, p.Status)
			assert.Equal(t, tc.detail, p.Detail)
			assert.Len(t, p.Errors, tc.items)
			assert.NotContains(t, p.Detail, "hunter2")
		})
	}
}

func TestProblemFor_Items(t *testing.T) {
	err := newError([]Item{
		{Pointer: "/summary", Code: CodeRequired, Message: "summary is required"},
		{Parameter: "limit", Code: CodeInvalidValue, Message: "limit must be 1 to 100"},
		{Pointer: "", Code: CodeInvalidJSON, Message: "at byte 0"},
	})

	p := ProblemFor(err)

	require.Len(t, p.Errors, 3)
	assert.Equal(t, ProblemItem{Pointer: ptr(""), Code: CodeInvalidJSON,
		Detail: "at byte 0"}, p.Errors[0])
	assert.Equal(t, ProblemItem{Parameter: "limit", Code: CodeInvalidValue,
		Detail: "limit must be 1 to 100"}, p.Errors[1])
	assert.Equal(t, ProblemItem{Pointer: ptr("/summary"), Code: CodeRequired,
		Detail: "summary is required"}, p.Errors[2])

	body, jerr := json.Marshal(p)
	require.NoError(t, jerr)
	assert.JSONEq(t, `{
		"type": "https://pkg.go.dev/github.com/casekit/cases#ErrInvalid",
		"title": "Invalid input", "status": 400, "detail": "3 problems found",
		"errors": [
			{"pointer": "", "code": "invalid_json", "detail": "at byte 0"},
			{"parameter": "limit", "code": "invalid_value",
			 "detail": "limit must be 1 to 100"},
			{"pointer": "/summary", "code": "required", "detail": "summary is required"}
		]}`, string(body))
}

func TestProblemFor_Foreign_HasNoErrorsKey(t *testing.T) {
	body, err := json.Marshal(ProblemFor(errors.New("boom")))

	require.NoError(t, err)
	assert.JSONEq(t, `{"type": "about:blank", "title": "Internal Server Error",
		"status": 500, "detail": "the server could not complete the request"}`, string(body))
	assert.False(t, strings.Contains(string(body), "boom"))
}

func TestProblemFor_DecodedTooLarge(t *testing.T) {
	_, err := Decoder{MaxBytes: 8}.Open([]byte(`{"summary":"x"}`))

	assertInvalid(t, err, at{"", CodeTooLarge})
	assert.Equal(t, 413, ProblemFor(err).Status)
}
