package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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

// lines returns the output lines of the items of one file, each given as
// "POINTER: CODE: MESSAGE".
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

// jsonResult is one element of the --json output.
type jsonResult struct {
	File    string         `json:"file"`
	Valid   bool           `json:"valid"`
	Problem *cases.Problem `json:"problem"`
	Error   string         `json:"error"`
}

func decodeResults(t *testing.T, out string) []jsonResult {
	t.Helper()
	var results []jsonResult
	require.NoError(t, json.Unmarshal([]byte(out), &results), out)
	return results
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
		{"flags after the file", []string{"validate", "testdata/open_invalid.json", "--as",
			"open"}, 1, lines("testdata/open_invalid.json",
			"/parent_id: invalid_format: parent_id must be 1 to 128"+
				" letters, digits, '_', '-', '.' or ':'",
			"/parent_type: unknown_value: parent_type is not a known value",
			"/status: invalid_value: status must be needs_response"+
				" or under_review to open a case",
			"/summary: required: summary is required")},
		{"flags between files", []string{"validate", "testdata/open_valid.json", "--as=open",
			"testdata/open_valid.json"}, 0, ""},
		{"not JSON", []string{"validate", "--as", "update", "testdata/not_json.json"},
			1, lines("testdata/not_json.json", `"": invalid_json: invalid JSON at byte 16:`+
				" expected a string for an object key")},
		{"pointers that need quoting", []string{"validate", "--as", "update",
			"testdata/metadata_keys.json"}, 1, lines("testdata/metadata_keys.json",
			`/metadata/"quoted: invalid_type: metadata value must be a string`,
			`"/metadata/a: b": invalid_type: metadata value must be a string`,
			`"/metadata/line\nbreak": invalid_format: metadata key must be valid UTF-8`+
				" without control characters, '[' or ']'")},
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
			"testdata/case_mi.json"}, 1, lines("testdata/case_mi.json",
			"/data: required: data is required",
			"/details: unknown_field: key is not defined here",
			"/due_at: unknown_field: key is not defined here",
			"/kind: unknown_field: key is not defined here",
			"/metadata: unknown_field: key is not defined here",
			"/object: invalid_value: object must be \"event\"",
			"/opened_at: unknown_field: key is not defined here",
			"/parent_id: unknown_field: key is not defined here",
			"/parent_type: unknown_field: key is not defined here",
			"/request: unknown_field: key is not defined here",
			"/resolution_reason: unknown_field: key is not defined here",
			"/resolved_at: unknown_field: key is not defined here",
			"/response: unknown_field: key is not defined here",
			"/status: unknown_field: key is not defined here",
			"/summary: unknown_field: key is not defined here",
			"/type: required: type is required",
			"/updated_at: unknown_field: key is not defined here")},
		{"file named after --", []string{"validate", "--as", "open", "--",
			"testdata/open_valid.json"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith("", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.out, out)
			assert.Equal(t, "", errOut)
		})
	}
}

func TestRun_Validate_TooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	body := `{"fields": {}}` + strings.Repeat(" ", cases.DefaultMaxBytes)
	require.NoError(t, os.WriteFile(big, []byte(body), 0o600))
	at := filepath.Join(dir, "at_limit.json")
	require.NoError(t, os.WriteFile(at, []byte(body[:cases.DefaultMaxBytes]), 0o600))

	code, out, errOut := runWith("", "validate", "--as", "respond", "--kind",
		"missing_information", at, big)
	assert.Equal(t, 1, code)
	assert.Equal(t, big+`: "": too_large: document must be at most 1048576 bytes`+"\n", out)
	assert.Equal(t, "", errOut)
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

	code, out, errOut = runWith(`{}`, "validate", "--as", "update", "-",
		"testdata/open_valid.json", "-")
	assert.Equal(t, 2, code)
	assert.Equal(t, "", out)
	assert.True(t, strings.HasPrefix(errOut, "casecheck validate: standard input (\"-\")"+
		" can be named only once\n\nUsage: casecheck validate"), errOut)
}

func TestRun_Validate_JSON(t *testing.T) {
	code, out, errOut := runWith(`{"status": "closed", "kind": "x"}`, "validate", "--json",
		"--as", "update", "testdata/not_json.json", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "", errOut)
	results := decodeResults(t, out)
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

	code, out, errOut = runWith("", "validate", "--json", "--as", "open",
		"testdata/no_such_file.json", "testdata/open_valid.json")
	assert.Equal(t, 2, code)
	assert.Equal(t,
		"casecheck: open testdata/no_such_file.json: no such file or directory\n", errOut)
	assert.Equal(t, []jsonResult{
		{File: "testdata/no_such_file.json",
			Error: "open testdata/no_such_file.json: no such file or directory"},
		{File: "testdata/open_valid.json", Valid: true},
	}, decodeResults(t, out))
}

func TestRun_UsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no command", nil, "casecheck checks case API documents"},
		{"unknown command", []string{"lint"}, `casecheck: unknown command "lint"`},
		{"no --as", []string{"validate"}, "casecheck validate: --as is required\n"},
		{"unknown --as", []string{"validate", "--as", "body"},
			`casecheck validate: unknown document "body" for --as`},
		{"respond without kind", []string{"validate", "--as", "respond"},
			"casecheck validate: --as respond requires --kind, the kind of the case the" +
				" body answers: missing_information or ra_termination\n"},
		{"respond with unknown kind", []string{"validate", "--as", "respond", "--kind", "x"},
			`casecheck validate: unknown kind "x" for --kind: use missing_information or` +
				" ra_termination\n"},
		{"kind without respond", []string{"validate", "--as", "open", "--kind", "ra_termination"},
			"casecheck validate: --kind is only for --as respond\n"},
		{"strict request body", []string{"validate", "--as", "open", "--strict"},
			"casecheck validate: --strict is only for --as case or event"},
		{"respond-check one file", []string{"respond-check", "testdata/case_mi.json"},
			"casecheck respond-check: needs two files"},
		{"respond-check two stdins", []string{"respond-check", "-", "-"},
			"casecheck respond-check: only one of the files can be standard input"},
		{"schema without name", []string{"schema"}, "casecheck schema: needs one schema NAME\n"},
		{"unknown schema", []string{"schema", "respond"},
			`casecheck schema: no schema named "respond"`},
		{"unknown format", []string{"graph", "--format", "svg"},
			`casecheck graph: unknown format "svg"`},
		{"graph argument", []string{"graph", "mermaid"}, "casecheck graph: takes no arguments\n"},
		{"help of an unknown command", []string{"help", "lint"},
			`casecheck help: unknown command "lint"`},
		{"help of two commands", []string{"help", "validate", "graph"},
			"casecheck help: takes at most one COMMAND\n"},
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

func TestRun_UnknownFlag(t *testing.T) {
	tests := [][]string{
		{"validate", "--color", "--as", "open"},
		{"validate", "--as", "open", "testdata/open_valid.json", "--color"},
		{"respond-check", "--color", "testdata/case_mi.json", "testdata/response_valid.json"},
		{"respond-check", "testdata/case_mi.json", "testdata/response_valid.json", "--color"},
		{"schema", "--color", "open"},
		{"schema", "open", "--color"},
		{"graph", "--color"},
		{"graph", "--format", "dot", "--color"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := runWith("", args...)
			assert.Equal(t, 2, code)
			assert.Equal(t, "", out)
			want := "casecheck " + args[0] + ": flag provided but not defined: -color\n\n" +
				"Usage: casecheck " + args[0]
			assert.True(t, strings.HasPrefix(errOut, want), errOut)
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
		{[]string{"validate", "testdata/open_valid.json", "-h"}, "Usage: casecheck validate --as"},
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

func TestRun_HelpOfACommand(t *testing.T) {
	for name := range commands {
		t.Run(name, func(t *testing.T) {
			_, want, _ := runWith("", name, "--help")
			code, out, errOut := runWith("", "help", name)
			assert.Equal(t, 0, code)
			assert.Equal(t, want, out)
			assert.True(t, strings.HasPrefix(out, "Usage: casecheck "+name), out)
			assert.Equal(t, "", errOut)
		})
	}
	_, out, _ := runWith("", "help", "validate")
	assert.Contains(t, out, "--as respond\nrequires --kind")
	assert.Contains(t, out, `The whole
document's pointer prints as ""`)
	assert.Contains(t, out, "required with --as respond")
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
	want, err := cases.LifecycleDiagram("mermaid")
	require.NoError(t, err)
	code, out, _ := runWith("", "graph")
	assert.Equal(t, 0, code)
	assert.Equal(t, want, out)
}
