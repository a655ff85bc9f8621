package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/casekit/cases"
)

// The exit statuses of casecheck.
const (
	exitValid   = 0
	exitInvalid = 1
	exitUsage   = 2
)

const usage = `casecheck checks case API documents against the rules of the cases library.

Usage:
  casecheck validate --as open|update|respond|case|event [--kind K] [--strict] [--json] [FILE...]
  casecheck respond-check [--json] CASE.json RESPONSE.json
  casecheck schema NAME
  casecheck graph [--format mermaid|dot|markdown]

Run "casecheck COMMAND --help" for the flags of a command. A FILE of "-",
or no FILE, is standard input. Exit status: 0 valid, 1 invalid, 2 usage or
I/O error.
`

// run runs casecheck with the arguments after the program name and
// returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitValid
	case "validate":
		return runValidate(rest, stdin, stdout, stderr)
	case "respond-check":
		return runRespondCheck(rest, stdin, stdout, stderr)
	case "schema":
		return runSchema(rest, stdout, stderr)
	case "graph":
		return runGraph(rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "casecheck: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// command is the flag set of one command, with its usage text.
type command struct {
	*flag.FlagSet
	usage string
}

func newCommand(name, synopsis, about string) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &command{FlagSet: fs, usage: "Usage: casecheck " + synopsis + "\n\n" + about}
}

// parse parses args. It returns the exit status to stop with, or -1 to
// go on: --help prints the usage and succeeds, a bad flag fails.
func (c *command) parse(args []string, stdout, stderr io.Writer) int {
	err := c.Parse(args)
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, c.usage)
		c.printDefaults(stdout)
		return exitValid
	}
	return c.fail(stderr, err.Error())
}

// fail reports a usage error.
func (c *command) fail(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "casecheck %s: %s\n\n%s", c.Name(), msg, c.usage)
	c.printDefaults(stderr)
	return exitUsage
}

func (c *command) printDefaults(w io.Writer) {
	c.SetOutput(w)
	c.PrintDefaults()
	c.SetOutput(io.Discard)
}

// document is one input and what checking it found.
type document struct {
	name string
	err  error
}

// readInput reads a file, or standard input for "-".
func readInput(name string, stdin io.Reader) ([]byte, string, error) {
	if name == "-" {
		data, err := io.ReadAll(stdin)
		return data, "<stdin>", err
	}
	data, err := os.ReadFile(name)
	return data, name, err
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("validate",
		"validate --as open|update|respond|case|event [--kind K] [--strict] [--json] [FILE...]",
		`Checks each FILE (standard input when there is none, or for "-") as the
document given by --as. Request bodies (open, update, respond) are checked
strictly, as a service checks its input; a case or an event is decoded
leniently, as a partner reads it, unless --strict is given. A respond body
needs --kind, the kind of the case it answers. Flags come before files.

`)
	as := c.String("as", "", "the document: open, update, respond, case or event")
	kind := c.String("kind", "", "the kind of the case a respond body answers")
	strict := c.Bool("strict", false, "check a case or event strictly: every limit and invariant")
	asJSON := c.Bool("json", false, "print a JSON array of results with problem details")
	if code := c.parse(args, stdout, stderr); code >= 0 {
		return code
	}
	check, msg := checker(*as, cases.Kind(*kind), *strict)
	if msg != "" {
		return c.fail(stderr, msg)
	}
	files := c.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	var docs []document
	status := exitValid
	for _, f := range files {
		data, name, err := readInput(f, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "casecheck: %v\n", err)
			status = exitUsage
			continue
		}
		docs = append(docs, document{name: name, err: check(data)})
	}
	return max(status, report(docs, *asJSON, stdout, stderr))
}

// checker returns the check of a document given by --as and --kind, or a
// usage error.
func checker(as string, kind cases.Kind, strict bool) (func([]byte) error, string) {
	if as != "respond" && kind != "" {
		return nil, "--kind is only for --as respond"
	}
	if strict && as != "case" && as != "event" {
		return nil, "--strict is only for --as case or event: request bodies are always strict"
	}
	d := cases.Decoder{Lenient: !strict}
	switch as {
	case "open":
		return func(b []byte) error { _, err := cases.Decoder{}.Open(b); return err }, ""
	case "update":
		return func(b []byte) error { _, err := cases.Decoder{}.Update(b); return err }, ""
	case "respond":
		if !kind.IsKnown() {
			return nil, "--as respond needs --kind, one of " + kindList()
		}
		return func(b []byte) error { _, err := cases.Decoder{}.Response(kind, b); return err }, ""
	case "case":
		return func(b []byte) error { _, err := d.Case(b); return err }, ""
	case "event":
		return func(b []byte) error { _, err := d.Event(b); return err }, ""
	case "":
		return nil, "--as is required"
	}
	return nil, fmt.Sprintf("unknown document %q for --as", as)
}

func kindList() string {
	var names []string
	for _, k := range cases.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// result is one document's outcome in --json output.
type result struct {
	File    string         `json:"file"`
	Valid   bool           `json:"valid"`
	Problem *cases.Problem `json:"problem"`
}

// report prints the problems of docs and returns the exit status: 1 when
// one of them is invalid, 2 when an error is not the library's.
func report(docs []document, asJSON bool, stdout, stderr io.Writer) int {
	status := exitValid
	results := []result{}
	for _, d := range docs {
		r := result{File: d.name, Valid: d.err == nil}
		var e *cases.Error
		switch {
		case d.err == nil:
		case errors.As(d.err, &e):
			status = max(status, exitInvalid)
			p := cases.ProblemFor(e)
			r.Problem = &p
			if !asJSON {
				for _, it := range e.Items {
					fmt.Fprintf(stdout, "%s: %s\n", d.name, it)
				}
			}
		default:
			fmt.Fprintf(stderr, "casecheck: %s: %v\n", d.name, d.err)
			status = exitUsage
		}
		results = append(results, r)
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "casecheck: %v\n", err)
			return exitUsage
		}
	}
	return status
}

func runRespondCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("respond-check", "respond-check [--json] CASE.json RESPONSE.json",
		`Checks a partner's response against the request of the case it answers,
as the respond operation does: every required field answered, no field that
was not asked for, each answer valid for its field. The case is read
leniently, as a partner receives it; the response strictly. Either file
may be "-" for standard input.

`)
	asJSON := c.Bool("json", false, "print a JSON array of results with problem details")
	if code := c.parse(args, stdout, stderr); code >= 0 {
		return code
	}
	if c.NArg() != 2 {
		return c.fail(stderr, "needs two files: CASE.json RESPONSE.json")
	}
	if c.Arg(0) == "-" && c.Arg(1) == "-" {
		return c.fail(stderr, "only one of the files can be standard input")
	}
	caseData, caseName, err := readInput(c.Arg(0), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	respData, respName, err := readInput(c.Arg(1), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	cs, err := cases.Decoder{Lenient: true}.Case(caseData)
	if err != nil {
		fmt.Fprintf(stderr, "casecheck: %s is not a case: %v\n", caseName, err)
		return exitUsage
	}
	resp, err := cases.Decoder{}.Response(cs.Kind, respData)
	if err == nil {
		err = cs.CheckResponse(resp)
	}
	return report([]document{{name: respName, err: err}}, *asJSON, stdout, stderr)
}

func runSchema(args []string, stdout, stderr io.Writer) int {
	c := newCommand("schema", "schema NAME",
		"Prints the JSON Schema (draft 2020-12) of a document. NAME is one of:\n  "+
			strings.Join(cases.SchemaNames(), "\n  ")+"\n")
	if code := c.parse(args, stdout, stderr); code >= 0 {
		return code
	}
	if c.NArg() != 1 {
		return c.fail(stderr, "needs one schema NAME")
	}
	if !slices.Contains(cases.SchemaNames(), c.Arg(0)) {
		return c.fail(stderr, fmt.Sprintf("no schema named %q", c.Arg(0)))
	}
	data, err := cases.Schema(c.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	stdout.Write(data)
	return exitValid
}

func runGraph(args []string, stdout, stderr io.Writer) int {
	c := newCommand("graph", "graph [--format mermaid|dot|markdown]",
		"Draws the case lifecycle from the library's transition table.\n\n")
	format := c.String("format", "mermaid", "mermaid, dot or markdown")
	if code := c.parse(args, stdout, stderr); code >= 0 {
		return code
	}
	if c.NArg() != 0 {
		return c.fail(stderr, "takes no arguments")
	}
	out, err := cases.LifecycleDiagram(*format)
	if err != nil {
		return c.fail(stderr, fmt.Sprintf("unknown format %q", *format))
	}
	fmt.Fprint(stdout, out)
	return exitValid
}
