package cases

import (
	"fmt"
	"strings"
)

// LifecycleDiagram renders the table of [Transitions] in one of three
// formats: "mermaid" (a Mermaid state diagram), "dot" (a Graphviz digraph)
// or "markdown" (a table of every move with its operation, resolution
// reasons, events and rule, and a row for each terminal status). Each
// move is labelled with its operation, the reasons it takes and the events
// of [Transition.Events]. In the Markdown table a pipe or a backslash in a
// cell is escaped and a line break becomes a space, so that each row stays
// one line of six cells. The text ends in a newline and is the same on
// every call; an unknown format is an error.
func LifecycleDiagram(format string) (string, error) {
	var b strings.Builder
	switch format {
	case "mermaid":
		writeMermaid(&b)
	case "dot":
		writeDOT(&b)
	case "markdown":
		writeMarkdown(&b, Transitions())
	default:
		return "", fmt.Errorf("cases: no lifecycle format %q: use mermaid, dot or markdown", format)
	}
	return b.String(), nil
}

func writeMermaid(b *strings.Builder) {
	b.WriteString("stateDiagram-v2\n")
	for _, t := range Transitions() {
		from := string(t.From)
		if from == "" {
			from = "[*]"
		}
		fmt.Fprintf(b, "    %s --> %s: %s\n", from, t.To, moveLabel(t, " / "))
	}
	for _, s := range terminalStates() {
		fmt.Fprintf(b, "    %s --> [*]\n", s)
	}
}

func writeDOT(b *strings.Builder) {
	b.WriteString("digraph lifecycle {\n")
	b.WriteString("    rankdir=LR;\n")
	b.WriteString("    node [shape=box, style=rounded];\n")
	b.WriteString("    new [label=\"\", shape=point];\n")
	for _, s := range Statuses() {
		attrs := ""
		if s.IsTerminal() {
			attrs = " [peripheries=2]"
		}
		fmt.Fprintf(b, "    %q%s;\n", string(s), attrs)
	}
	for _, t := range Transitions() {
		from := `new`
		if t.From != "" {
			from = fmt.Sprintf("%q", string(t.From))
		}
		fmt.Fprintf(b, "    %s -> %q [label=%q];\n", from, string(t.To), moveLabel(t, "\n"))
	}
	b.WriteString("}\n")
}

// writeMarkdown writes the table of moves ts as a GitHub-flavoured
// Markdown table, one row per move and one per terminal status.
func writeMarkdown(b *strings.Builder, ts []Transition) {
	b.WriteString("| from | to | operation | resolution reasons | events | rule |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, t := range ts {
		from := "(new)"
		if t.From != "" {
			from = code(string(t.From))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", from, code(string(t.To)),
			cell(string(t.Op)), codeList(t.Reasons), codeList(t.Events()), cell(t.Rule))
	}
	for _, s := range terminalStates() {
		fmt.Fprintf(b, "| %s | — | — | — | — | terminal: no move leaves it (%s) |\n",
			code(string(s)), code(string(CodeCaseClosed)))
	}
}

// moveLabel describes a move: its operation, the reasons it takes and
// the events it can fire, the last joined to the rest by sep.
func moveLabel(t Transition, sep string) string {
	label := string(t.Op)
	if len(t.Reasons) > 0 {
		label += " (" + joinOr(t.Reasons) + ")"
	}
	events := "no event"
	if ev := t.Events(); len(ev) > 0 {
		events = joinOr(ev)
	}
	return label + sep + events
}

// terminalStates returns the known statuses that no move leaves.
func terminalStates() []Status {
	var out []Status
	for _, s := range Statuses() {
		if len(Moves(s)) == 0 {
			out = append(out, s)
		}
	}
	return out
}

func joinOr[T ~string](v []T) string {
	parts := make([]string, len(v))
	for i, s := range v {
		parts[i] = string(s)
	}
	return strings.Join(parts, " or ")
}

func codeList[T ~string](v []T) string {
	if len(v) == 0 {
		return "—"
	}
	parts := make([]string, len(v))
	for i, s := range v {
		parts[i] = code(string(s))
	}
	return strings.Join(parts, ", ")
}

// cellEscaper keeps text within one cell of a Markdown table: a backslash
// and a pipe are escaped, and a line break, which would end the row,
// becomes a space.
var cellEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`,
	"\r\n", " ", "\n", " ", "\r", " ")

// cell returns s as the text of a Markdown table cell.
func cell(s string) string { return cellEscaper.Replace(s) }

// codeEscaper keeps a code span within one cell of a Markdown table: a
// pipe is escaped (tables read the escape even in code, where a backslash
// is otherwise literal), and a line break becomes a space.
var codeEscaper = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

// code returns s as a code span for a Markdown table cell.
func code(s string) string { return "`" + codeEscaper.Replace(s) + "`" }
