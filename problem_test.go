package cases

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// TestProblemFor_ErrorsThatAreNotProblemsOfInput checks each failure that
// the package reports as a plain error, as the sentinels' documentation
// lists them: none is an *Error, and each gives a 500 that hides its text.
func TestProblemFor_ErrorsThatAreNotProblemsOfInput(t *testing.T) {
	noIDs := errors.New("no IDs")
	failing := Env{Now: t0, NewID: func() (uuid.UUID, error) { return uuid.Nil, noIDs }}
	_, _, openErr := Open(validOpen(), failing)
	_, _, respondErr := Respond(mustOpen(t, validOpen()), validAnswers(), failing)
	answers := validAnswers()
	answers.Fields["legal_name"] = math.NaN()
	_, encodeErr := answers.MarshalJSON()
	_, schemaErr := Schema("nothing")
	_, diagramErr := LifecycleDiagram("svg")

	tests := []struct {
		name string
		err  error
		is   error
	}{
		{"ID source in Open", openErr, noIDs},
		{"ID source in Respond", respondErr, noIDs},
		{"value without a JSON form", encodeErr, errEncode},
		{"unknown schema", schemaErr, nil},
		{"unknown diagram format", diagramErr, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			var e *Error
			assert.False(t, errors.As(tt.err, &e))
			if tt.is != nil {
				assert.ErrorIs(t, tt.err, tt.is)
			}
			p := ProblemFor(tt.err)
			assert.Equal(t, 500, p.Status)
			assert.Equal(t, "about:blank", p.Type)
			assert.NotContains(t, p.Detail, tt.err.Error())
			assert.Empty(t, p.Errors)
		})
	}
}
