package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
  casecheck help [COMMAND]

Run "casecheck help COMMAND" (or "casecheck COMMAND --help") for the flags
of a command. Flags may come before or after the files. A FILE of "-", or
no FILE, is standard input. Each problem prints as one line,
"FILE: POINTER: CODE: MESSAGE", where the whole document's pointer prints
as "" and a field that holds a control character or ": " is Go-quoted.
Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.
`

// streams are the standard streams of one run.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// commands runs each command with the arguments after its name.
var commands = map[string]func(args []string, s streams) int{
	"validate":      runValidate,
	"respond-check": runRespondCheck,
	"schema":        runSchema,
	"graph":         runGraph,
}

// run runs casecheck with the arguments after the program name and
// returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := streams{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitValid
	case "help":
		return runHelp(rest, s)
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "casecheck: unknown command %q\n\n%s", name, usage)
		return exitUsage
	}
	return cmd(rest, s)
}

// runHelp prints the usage, or the help of the command it names.
func runHelp(args []string, s streams) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(s.stdout, usage)
		return exitValid
	case len(args) > 1:
		fmt.Fprintf(s.stderr, "casecheck help: takes at most one COMMAND\n\n%s", usage)
		return exitUsage
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(s.stderr, "casecheck help: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return cmd([]string{"--help"}, s)
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

// parse parses args, whose flags may come before, between or after the
// other arguments, and returns the other arguments in order. After "--"
// every argument is one of them. The status is the exit status to stop
// with, or -1 to go on: --help prints the usage and succeeds, a bad flag
// fails.
func (c *command) parse(args []string, s streams) ([]string, int) {
	flags, rest := c.split(args)
	err := c.Parse(flags)
	switch {
	case err == nil:
		return rest, -1
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(s.stdout, c.usage)
		c.printDefaults(s.stdout)
		return nil, exitValid
	}
	return nil, c.fail(s.stderr, err.Error())
}

// split separates the flags of args, with their values, from the other
// arguments, in the way the flag package reads them: "-" is an argument,
// "--" ends the flags, and a flag that is not a boolean takes the next
// argument as its value unless it is written -flag=value.
func (c *command) split(args []string) (flags, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(rest, args[i+1:]...)
		case a == "-" || !strings.HasPrefix(a, "-"):
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		if c.takesValue(a) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, rest
}

// takesValue reports whether the flag argument a is a defined flag that
// reads its value from the next argument.
func (c *command) takesValue(a string) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := c.Lookup(name)
	if f == nil {
		return false
	}
	b, isBool := f.Value.(interface{ IsBoolFlag() bool })
	return !isBool || !b.IsBoolFlag()
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

func runSchema(args []string, s streams) int {
	c := newCommand("schema", "schema NAME",
		"Prints the JSON Schema (draft 2020-12) of a document. NAME is one of:\n  "+
			strings.Join(cases.SchemaNames(), "\n  ")+"\n")
	names, code := c.parse(args, s)
	if code >= 0 {
		return code
	}
	if len(names) != 1 {
		return c.fail(s.stderr, "needs one schema NAME")
	}
	if !slices.Contains(cases.SchemaNames(), names[0]) {
		return c.fail(s.stderr, fmt.Sprintf("no schema named %q", names[0]))
	}
	data, err := cases.Schema(names[0])
	if err != nil {
		fmt.Fprintf(s.stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	if _, err := s.stdout.Write(data); err != nil {
		fmt.Fprintf(s.stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	return exitValid
}

func runGraph(args []string, s streams) int {
	c := newCommand("graph", "graph [--format mermaid|dot|markdown]",
		"Draws the case lifecycle from the library's transition table.\n\n")
	format := c.String("format", "mermaid", "mermaid, dot or markdown")
	rest, code := c.parse(args, s)
	if code >= 0 {
		return code
	}
	if len(rest) != 0 {
		return c.fail(s.stderr, "takes no arguments")
	}
	out, err := cases.LifecycleDiagram(*format)
	if err != nil {
		return c.fail(s.stderr, fmt.Sprintf("unknown format %q", *format))
	}
	fmt.Fprint(s.stdout, out)
	return exitValid
}
