package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain_ExitStatus builds the command and checks the exit status the
// process ends with, as a shell sees it.
func TestMain_ExitStatus(t *testing.T) {
	goTool, err := exec.LookPath("go")
	require.NoError(t, err, "the go command builds the binary under test")
	bin := filepath.Join(t.TempDir(), "casecheck")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))

	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stdout string
	}{
		{"valid", "", []string{"validate", "--as", "open", "testdata/open_valid.json"}, 0, ""},
		{"invalid", `{"summary": ""}`, []string{"validate", "--as", "update"}, 1,
			"<stdin>: /summary: required: summary is required\n"},
		{"not JSON", "", []string{"respond-check", "testdata/not_json.json",
			"testdata/response_valid.json"}, 1, `testdata/not_json.json: "": invalid_json:` +
			" invalid JSON at byte 16: expected a string for an object key\n"},
		{"usage error", "", []string{"validate"}, 2, ""},
		{"unreadable file", "", []string{"validate", "--as", "open", "testdata/nope.json"},
			2, ""},
		{"help", "", []string{"help", "graph"}, 0,
			"Usage: casecheck graph [--format mermaid|dot|markdown]\n\n" +
				"Draws the case lifecycle from the library's transition table.\n\n" +
				"  -format string\n    \tmermaid, dot or markdown (default \"mermaid\")\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Stdin = strings.NewReader(tt.stdin)
			var stdout strings.Builder
			cmd.Stdout = &stdout
			err := cmd.Run()
			status := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				status = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.status, status)
			assert.Equal(t, tt.stdout, stdout.String())
		})
	}
}
