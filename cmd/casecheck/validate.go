package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/casekit/cases"
)

// stdinName is the name that standard input goes by in the output.
const stdinName = "<stdin>"

func runValidate(args []string, s streams) int {
	c := newCommand("validate",
		"validate --as open|update|respond|case|event [--kind K] [--strict] [--json] [FILE...]",
		`Checks each FILE (standard input when there is none, or for "-") as the
document given by --as. Request bodies (open, update, respond) are checked
strictly, as a service checks its input; a case or an event is decoded
leniently, as a partner reads it, unless --strict is given. --as respond
requires --kind, the kind of the case the body answers: `+kindList()+`.
Standard input can be named once. Flags may come before or after the files;
after "--" every argument is a file.

Each problem prints as one line, "FILE: POINTER: CODE: MESSAGE". The whole
document's pointer prints as "", and a pointer or a file name that starts
with a double quote or holds a control character or ": " prints Go-quoted.
With --json, a file that cannot be read has "valid": false, "problem": null
and its reason in "error". Exit status: 0 valid, 1 invalid, 2 usage error
or unreadable file.

`)
	as := c.String("as", "", "the document: open, update, respond, case or event")
	kind := c.String("kind", "",
		"the kind of the case a respond body answers; required with --as respond")
	strict := c.Bool("strict", false, "check a case or event strictly: every limit and invariant")
	asJSON := c.Bool("json", false, "print a JSON array of results with problem details")
	files, code := c.parse(args, s)
	if code >= 0 {
		return code
	}
	check, msg := checker(*as, cases.Kind(*kind), *strict)
	if msg != "" {
		return c.fail(s.stderr, msg)
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	if countStdin(files) > 1 {
		return c.fail(s.stderr, `standard input ("-") can be named only once`)
	}
	docs := make([]document, 0, len(files))
	for _, f := range files {
		data, name, err := readInput(f, s.stdin)
		d := document{name: name, readErr: err}
		if err == nil {
			d.err = check(data)
		}
		docs = append(docs, d)
	}
	return report(docs, *asJSON, s)
}

// countStdin returns how many of files name standard input.
func countStdin(files []string) int {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	return n
}

// readInput reads a file, or standard input for "-", and returns its
// content and the name it goes by in the output.
func readInput(name string, stdin io.Reader) ([]byte, string, error) {
	if name == "-" {
		data, err := io.ReadAll(stdin)
		return data, stdinName, err
	}
	data, err := os.ReadFile(name)
	return data, name, err
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
		switch {
		case kind == "":
			return nil, "--as respond requires --kind, the kind of the case the body" +
				" answers: " + kindList()
		case !kind.IsKnown():
			return nil, fmt.Sprintf("unknown kind %q for --kind: use %s", kind, kindList())
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

// kindList returns the known kinds, for messages: "a or b".
func kindList() string {
	names := make([]string, 0, len(cases.Kinds()))
	for _, k := range cases.Kinds() {
		names = append(names, string(k))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
