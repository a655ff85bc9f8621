package main

import (
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun_RespondCheck(t *testing.T) {
	code, out, errOut := runWith("", "respond-check",
		"testdata/case_mi.json", "testdata/response_valid.json")
	assert.Equal(t, 0, code)
	assert.Equal(t, "", out+errOut)

	code, out, errOut = runWith(readFile(t, "testdata/response_invalid.json"), "respond-check",
		"testdata/case_mi.json", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "<stdin>: /fields/corrected_legal_name: required: field is required\n"+
		"<stdin>: /fields/entity_type: invalid_value: value must be one of the field's options\n"+
		"<stdin>: /fields/nickname: unknown_field: field was not requested\n", out)
	assert.Equal(t, "", errOut)

	code, out, _ = runWith(readFile(t, "testdata/case_mi.json"), "respond-check", "--json",
		"-", "testdata/ra_response_valid.json")
	assert.Equal(t, 1, code)
	results := decodeResults(t, out)
	require.Len(t, results, 1)
	assert.Equal(t, "testdata/ra_response_valid.json", results[0].File)
	require.NotNil(t, results[0].Problem)
	errs := results[0].Problem.Errors
	require.Len(t, errs, 2)
	assert.Equal(t, "/acknowledged", *errs[0].Pointer)
	assert.Equal(t, cases.CodeUnknownField, errs[0].Code)
	assert.Equal(t, "/fields", *errs[1].Pointer)
	assert.Equal(t, cases.CodeRequired, errs[1].Code)
}

// TestRun_RespondCheck_CaseThatCannotBeChecked checks that a case a
// response cannot be checked against is refused, whatever the response.
func TestRun_RespondCheck_CaseThatCannotBeChecked(t *testing.T) {
	tests := []struct {
		name string
		file string
		out  string
	}{
		{"unknown kind", "testdata/case_unknown_kind.json", lines(
			"testdata/case_unknown_kind.json", "/kind: unknown_value: kind is not a known value,"+
				" so a response to the case cannot be checked")},
		{"no request", "testdata/case_no_request.json", lines(
			"testdata/case_no_request.json",
			"/request: required: request is required to check a response against the case")},
		{"empty object", "testdata/empty_object.json", lines("testdata/empty_object.json",
			"/kind: required: kind is required to check a response against the case",
			"/request: required: request is required to check a response against the case")},
		{"not JSON", "testdata/not_json.json", lines("testdata/not_json.json",
			`"": invalid_json: invalid JSON at byte 16: expected a string for an object key`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith("", "respond-check", tt.file,
				"testdata/response_valid.json")
			assert.Equal(t, 1, code)
			assert.Equal(t, tt.out, out)
			assert.Equal(t, "", errOut)
		})
	}

	code, out, errOut := runWith("", "respond-check", "--json",
		"testdata/case_unknown_kind.json", "testdata/response_valid.json")
	assert.Equal(t, 1, code)
	assert.Equal(t, "", errOut)
	results := decodeResults(t, out)
	require.Len(t, results, 1)
	assert.Equal(t, "testdata/case_unknown_kind.json", results[0].File)
	require.NotNil(t, results[0].Problem)
	require.Len(t, results[0].Problem.Errors, 1)
	assert.Equal(t, "/kind", *results[0].Problem.Errors[0].Pointer)
	assert.Equal(t, cases.CodeUnknownValue, results[0].Problem.Errors[0].Code)
}

func TestRun_RespondCheck_Files(t *testing.T) {
	code, out, errOut := runWith("", "respond-check", "testdata/case_mi.json",
		"testdata/not_json.json")
	assert.Equal(t, 1, code)
	assert.Equal(t, lines("testdata/not_json.json",
		`"": invalid_json: invalid JSON at byte 16: expected a string for an object key`), out)
	assert.Equal(t, "", errOut)

	code, out, errOut = runWith("", "respond-check", "testdata/nope.json",
		"testdata/response_valid.json")
	assert.Equal(t, 2, code)
	assert.Equal(t, "", out)
	assert.Equal(t, "casecheck: open testdata/nope.json: no such file or directory\n", errOut)

	code, out, errOut = runWith("", "respond-check", "--json", "testdata/case_mi.json",
		"testdata/nope.json")
	assert.Equal(t, 2, code)
	assert.Equal(t, "casecheck: open testdata/nope.json: no such file or directory\n", errOut)
	assert.Equal(t, []jsonResult{{File: "testdata/nope.json",
		Error: "open testdata/nope.json: no such file or directory"}}, decodeResults(t, out))

	code, out, errOut = runWith("", "respond-check", "testdata/case_mi.json",
		"testdata/ra_response_valid.json", "--json")
	assert.Equal(t, 1, code, "flags may follow the files")
	assert.Equal(t, "", errOut)
	results := decodeResults(t, out)
	require.Len(t, results, 1)
	assert.Equal(t, "testdata/ra_response_valid.json", results[0].File)
}
