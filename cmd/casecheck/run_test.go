package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runWith runs casecheck and returns its exit status and output.
func runWith(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// lines returns the output lines of the items of one file.
func lines(file string, items ...string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(file + ": " + it + "\n")
	}
	return b.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(data)
}

func TestRun_Validate(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"valid open body", []string{"validate", "--as", "open", "testdata/open_valid.json"},
			0, ""},
		{"invalid open body", []string{"validate", "--as", "open", "testdata/open_invalid.json"},
			1, lines("testdata/open_invalid.json",
				"/parent_id: invalid_format: parent_id must be 1 to 128"+
					" letters, digits, '_', '-', '.' or ':'",
				"/parent_type: unknown_value: parent_type is not a known value",
				"/status: invalid_value: status must be needs_response"+
					" or under_review to open a case",
				"/summary: required: summary is required")},
		{"not JSON", []string{"validate", "--as", "update", "testdata/not_json.json"},
			1, lines("testdata/not_json.json", "invalid_json: invalid JSON at byte 16:"+
				" expected a string for an object key")},
		{"valid and invalid files", []string{"validate", "--as", "respond", "--kind",
			"ra_termination", "testdata/ra_response_valid.json",
			"testdata/ra_response_invalid.json"},
			1, lines("testdata/ra_response_invalid.json",
				"/acknowledged: invalid_value: acknowledged must be true",
				"/successor_agent/address: required: address is required",
				"/successor_agent/name: required: name is required")},
		{"respond body alone", []string{"validate", "--as", "respond", "--kind",
			"missing_information", "testdata/response_invalid.json"}, 0, ""},
		{"case read leniently", []string{"validate", "--as", "case",
			"testdata/case_unknown_status.json"}, 0, ""},
		{"case read strictly", []string{"validate", "--as", "case", "--strict",
			"testdata/case_unknown_status.json"},
			1, lines("testdata/case_unknown_status.json",
				"/extra_key: unknown_field: key is not defined here",
				"/status: unknown_value: status is not a known value")},
		{"valid case strictly", []string{"validate", "--as", "case", "--strict",
			"testdata/case_mi.json"}, 0, ""},
		{"valid event", []string{"validate", "--as", "event", "--strict",
			"testdata/event_opened.json"}, 0, ""},
		{"event of a case", []string{"validate", "--as", "event", "--strict",
			"testdata/case_mi.json"},
			1, "testdata/case_mi.json: /data: required: data is required\n" +
				"testdata/case_mi.json: /details: unknown_field: key is not defined here\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith("", tt.args...)
			assert.Equal(t, tt.code, code)
			if tt.name == "event of a case" {
				assert.True(t, strings.HasPrefix(out, tt.out), out)
			} else {
				assert.Equal(t, tt.out, out)
			}
			assert.Equal(t, "", errOut)
		})
	}
}

func TestRun_Validate_Stdin(t *testing.T) {
	body := readFile(t, "testdata/open_valid.json")
	code, out, errOut := runWith(body, "validate", "--as", "open")
	assert.Equal(t, 0, code)
	assert.Equal(t, "", out+errOut)

	code, out, errOut = runWith(`{"summary": " "}`, "validate", "--as", "update", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "<stdin>: /summary: required: summary is required\n", out)
	assert.Equal(t, "", errOut)
}

func TestRun_Validate_JSON(t *testing.T) {
	code, out, errOut := runWith(`{"status": "closed", "kind": "x"}`, "validate", "--json",
		"--as", "update", "testdata/not_json.json", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "", errOut)
	var results []struct {
		File    string         `json:"file"`
		Valid   bool           `json:"valid"`
		Problem *cases.Problem `json:"problem"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &results))
	require.Len(t, results, 2)
	assert.Equal(t, "testdata/not_json.json", results[0].File)
	assert.False(t, results[0].Valid)
	require.NotNil(t, results[0].Problem)
	assert.Equal(t, 400, results[0].Problem.Status)
	assert.Equal(t, cases.CodeInvalidJSON, results[0].Problem.Errors[0].Code)
	assert.Equal(t, "", *results[0].Problem.Errors[0].Pointer)

	assert.Equal(t, "<stdin>", results[1].File)
	p := results[1].Problem
	require.NotNil(t, p)
	assert.Equal(t, "https://pkg.go.dev/github.com/casekit/cases#ErrInvalid", p.Type)
	assert.Equal(t, "2 problems found", p.Detail)
	require.Len(t, p.Errors, 2)
	assert.Equal(t, "/kind", *p.Errors[0].Pointer)
	assert.Equal(t, cases.CodeNotAllowed, p.Errors[0].Code)
	assert.Equal(t, "/status", *p.Errors[1].Pointer)
	assert.Equal(t, cases.CodeUnknownValue, p.Errors[1].Code)

	code, out, _ = runWith("", "validate", "--json", "--as", "open", "testdata/open_valid.json")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[\n  {\n    \"file\": \"testdata/open_valid.json\",\n"+
		"    \"valid\": true,\n    \"problem\": null\n  }\n]\n", out)
}

func TestRun_Validate_MissingFile(t *testing.T) {
	code, out, errOut := runWith("", "validate", "--as", "open",
		"testdata/no_such_file.json", "testdata/open_invalid.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, "testdata/open_invalid.json: /summary: required: summary is required\n")
	assert.Equal(t,
		"casecheck: open testdata/no_such_file.json: no such file or directory\n", errOut)
}

func TestRun_UsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no command", nil, "casecheck checks case API documents"},
		{"unknown command", []string{"lint"}, `casecheck: unknown command "lint"`},
		{"unknown flag", []string{"validate", "--as", "open", "--color"},
			"casecheck validate: flag provided but not defined: -color\n"},
		{"no --as", []string{"validate"}, "casecheck validate: --as is required\n"},
		{"unknown --as", []string{"validate", "--as", "body"},
			`casecheck validate: unknown document "body" for --as`},
		{"respond without kind", []string{"validate", "--as", "respond"},
			"casecheck validate: --as respond needs --kind, " +
				"one of missing_information, ra_termination\n"},
		{"respond with unknown kind", []string{"validate", "--as", "respond", "--kind", "x"},
			"casecheck validate: --as respond needs --kind"},
		{"kind without respond", []string{"validate", "--as", "open", "--kind", "ra_termination"},
			"casecheck validate: --kind is only for --as respond\n"},
		{"strict request body", []string{"validate", "--as", "open", "--strict"},
			"casecheck validate: --strict is only for --as case or event"},
		{"respond-check one file", []string{"respond-check", "testdata/case_mi.json"},
			"casecheck respond-check: needs two files"},
		{"respond-check two stdins", []string{"respond-check", "-", "-"},
			"casecheck respond-check: only one of the files can be standard input"},
		{"respond-check missing file", []string{"respond-check", "testdata/case_mi.json",
			"testdata/nope.json"},
			"casecheck: open testdata/nope.json: no such file or directory\n"},
		{"respond-check not a case", []string{"respond-check", "testdata/not_json.json",
			"testdata/response_valid.json"}, "casecheck: testdata/not_json.json is not a case: "},
		{"schema without name", []string{"schema"}, "casecheck schema: needs one schema NAME\n"},
		{"unknown schema", []string{"schema", "respond"},
			`casecheck schema: no schema named "respond"`},
		{"unknown format", []string{"graph", "--format", "svg"},
			`casecheck graph: unknown format "svg"`},
		{"graph argument", []string{"graph", "mermaid"}, "casecheck graph: takes no arguments\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith("", tt.args...)
			assert.Equal(t, 2, code)
			assert.Equal(t, "", out)
			assert.True(t, strings.HasPrefix(errOut, tt.msg), errOut)
		})
	}
}

func TestRun_Help(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "casecheck checks case API documents"},
		{[]string{"help"}, "casecheck checks case API documents"},
		{[]string{"validate", "--help"}, "Usage: casecheck validate --as"},
		{[]string{"respond-check", "-h"}, "Usage: casecheck respond-check"},
		{[]string{"schema", "--help"}, "Usage: casecheck schema NAME"},
		{[]string{"graph", "--help"}, "Usage: casecheck graph"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runWith("", tt.args...)
			assert.Equal(t, 0, code)
			assert.True(t, strings.HasPrefix(out, tt.want), out)
			assert.Equal(t, "", errOut)
		})
	}
}

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
	var results []struct {
		File    string        `json:"file"`
		Problem cases.Problem `json:"problem"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &results))
	require.Len(t, results, 1)
	assert.Equal(t, "testdata/ra_response_valid.json", results[0].File)
	errs := results[0].Problem.Errors
	require.Len(t, errs, 2)
	assert.Equal(t, "/acknowledged", *errs[0].Pointer)
	assert.Equal(t, cases.CodeUnknownField, errs[0].Code)
	assert.Equal(t, "/fields", *errs[1].Pointer)
	assert.Equal(t, cases.CodeRequired, errs[1].Code)
}

func TestRun_Schema(t *testing.T) {
	for _, name := range cases.SchemaNames() {
		t.Run(name, func(t *testing.T) {
			want, err := cases.Schema(name)
			require.NoError(t, err)
			code, out, errOut := runWith("", "schema", name)
			assert.Equal(t, 0, code)
			assert.Equal(t, string(want), out)
			assert.Equal(t, "", errOut)
		})
	}
}

func TestRun_Graph(t *testing.T) {
	for _, format := range []string{"mermaid", "dot", "markdown"} {
		t.Run(format, func(t *testing.T) {
			want, err := cases.LifecycleDiagram(format)
			require.NoError(t, err)
			code, out, errOut := runWith("", "graph", "--format", format)
			assert.Equal(t, 0, code)
			assert.Equal(t, want, out)
			assert.Equal(t, "", errOut)
		})
	}
	code, out, _ := runWith("", "graph")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "stateDiagram-v2\n"), out)
}
