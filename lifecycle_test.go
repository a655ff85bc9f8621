package cases

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLifecycle_Golden(t *testing.T) {
	tests := []struct {
		format string
		file   string
	}{
		{"mermaid", "lifecycle.mmd"},
		{"dot", "lifecycle.dot"},
		{"markdown", "lifecycle.md"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got, err := LifecycleDiagram(tt.format)
			require.NoError(t, err)
			checkGolden(t, filepath.Join("testdata", "lifecycle", tt.file), []byte(got))
		})
	}
}

// The lines that mark the README's lifecycle block.
const (
	readmeBegin = "<!-- lifecycle:begin -->\n"
	readmeEnd   = "<!-- lifecycle:end -->\n"
)

// readmeLifecycle returns the README's lifecycle block: the Markdown
// table and the Mermaid diagram.
func readmeLifecycle(t *testing.T) string {
	table, err := LifecycleDiagram("markdown")
	require.NoError(t, err)
	mermaid, err := LifecycleDiagram("mermaid")
	require.NoError(t, err)
	return table + "\n```mermaid\n" + mermaid + "```\n"
}

func TestLifecycle_GoldenREADME(t *testing.T) {
	data, err := os.ReadFile("README.md")
	require.NoError(t, err)
	text := string(data)
	start := strings.Index(text, readmeBegin)
	end := strings.Index(text, readmeEnd)
	require.True(t, start >= 0 && end > start, "README.md has no lifecycle markers")
	start += len(readmeBegin)
	want := readmeLifecycle(t)
	if *updateGolden {
		text = text[:start] + want + text[end:]
		require.NoError(t, os.WriteFile("README.md", []byte(text), 0o644))
		return
	}
	assert.Equal(t, want, text[start:end],
		"the README's lifecycle block is stale: run go test -run Golden -update .")
}

func TestLifecycleDiagram_Mermaid(t *testing.T) {
	got, err := LifecycleDiagram("mermaid")
	require.NoError(t, err)
	assert.Equal(t, `stateDiagram-v2
    [*] --> needs_response: open / case.opened
    [*] --> under_review: open / no event
    needs_response --> under_review: update / case.updated
    needs_response --> under_review: respond / case.updated
    under_review --> needs_response: update / case.opened or case.updated
    needs_response --> resolved: update (response_received or no_response_needed) / case.updated
    under_review --> resolved: update (response_received or no_response_needed) / case.updated
    needs_response --> superseded: update (parent_canceled or parent_completed or parent_failed) / case.updated
    under_review --> superseded: update (parent_canceled or parent_completed or parent_failed) / case.updated
    resolved --> [*]
    superseded --> [*]
`, got)
}

func TestLifecycleDiagram_EveryMoveInEveryFormat(t *testing.T) {
	moves, terminal := len(Transitions()), len(terminalStates())
	tests := []struct {
		format string
		mark   string
		want   int
	}{
		{"mermaid", " --> ", moves + terminal},
		{"dot", " -> ", moves},
		{"markdown", "\n| ", moves + terminal},
	}
	for _, tt := range tests {
		got, err := LifecycleDiagram(tt.format)
		require.NoError(t, err)
		assert.Equal(t, tt.want, strings.Count(got, tt.mark), tt.format)
	}
	dot, err := LifecycleDiagram("dot")
	require.NoError(t, err)
	assert.Contains(t, dot,
		`"under_review" -> "needs_response" [label="update\ncase.opened or case.updated"];`)
	assert.Contains(t, dot, `new -> "under_review" [label="open\nno event"];`)
	assert.Contains(t, dot, `"superseded" [peripheries=2];`)
	md, err := LifecycleDiagram("markdown")
	require.NoError(t, err)
	assert.Contains(t, md, "| `needs_response` | `resolved` | update | "+
		"`response_received`, `no_response_needed` | `case.updated` | "+
		"response_received needs a stored response and is the default when one exists |\n")
	assert.Contains(t, md, "| `resolved` | — | — | — | — | "+
		"terminal: no move leaves it (`case_closed`) |\n")
}

func TestLifecycleDiagram_MarkdownKeepsEachCellInItsColumn(t *testing.T) {
	var b strings.Builder
	writeMarkdown(&b, []Transition{{
		From: "a|b", To: StatusUnderReview, Op: OpUpdate,
		Rule: `needs x | y, \| stays text` + "\nand one line",
	}})
	assert.Equal(t, "| from | to | operation | resolution reasons | events | rule |\n"+
		"|---|---|---|---|---|---|\n"+
		"| `a\\|b` | `under_review` | update | — | `case.updated` | "+
		`needs x \| y, \\\| stays text and one line |`+"\n"+
		"| `resolved` | — | — | — | — | terminal: no move leaves it (`case_closed`) |\n"+
		"| `superseded` | — | — | — | — | terminal: no move leaves it (`case_closed`) |\n",
		b.String())
}

func TestLifecycleDiagram_MarkdownRowsHaveSixCells(t *testing.T) {
	md, err := LifecycleDiagram("markdown")
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSuffix(md, "\n"), "\n") {
		unescaped := strings.ReplaceAll(strings.ReplaceAll(line, `\\`, ""), `\|`, "")
		assert.Equal(t, 7, strings.Count(unescaped, "|"), "%q", line)
	}
}

func TestLifecycle_GoldenFilesAreThoseRendered(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lifecycle", "*"))
	require.NoError(t, err)
	assert.Equal(t, []string{
		filepath.Join("testdata", "lifecycle", "lifecycle.dot"),
		filepath.Join("testdata", "lifecycle", "lifecycle.md"),
		filepath.Join("testdata", "lifecycle", "lifecycle.mmd"),
	}, files)
}

func TestLifecycleDiagram_UnknownFormat(t *testing.T) {
	got, err := LifecycleDiagram("svg")
	assert.Equal(t, "", got)
	assert.EqualError(t, err, `cases: no lifecycle format "svg": use mermaid, dot or markdown`)
}
