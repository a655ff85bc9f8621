package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casekit/cases"
)

// document is one input and what checking it found.
type document struct {
	// name is the file's name in the output.
	name string
	// readErr is why the file could not be read; nil when it was.
	readErr error
	// err is what checking the document found: an *cases.Error, or nil
	// when it is valid.
	err error
}

// result is one document's outcome in --json output.
type result struct {
	File    string         `json:"file"`
	Valid   bool           `json:"valid"`
	Problem *cases.Problem `json:"problem"`
	// Error says why the file could not be read.
	Error string `json:"error,omitempty"`
}

// report prints what checking docs found and returns the exit status: 1
// when a document is invalid, 2 when a file could not be read.
func report(docs []document, asJSON bool, s streams) int {
	status := exitValid
	results := make([]result, 0, len(docs))
	for _, d := range docs {
		r := result{File: d.name, Valid: d.readErr == nil && d.err == nil}
		var e *cases.Error
		switch {
		case d.readErr != nil:
			status = exitUsage
			r.Error = d.readErr.Error()
			fmt.Fprintf(s.stderr, "casecheck: %v\n", d.readErr)
		case d.err == nil:
		case errors.As(d.err, &e):
			status = max(status, exitInvalid)
			p := cases.ProblemFor(e)
			r.Problem = &p
			if !asJSON {
				writeItems(s.stdout, d.name, e.Items)
			}
		default:
			// The checks return only *cases.Error; anything else is a
			// fault of this program, not of the document.
			status = exitUsage
			r.Error = d.err.Error()
			fmt.Fprintf(s.stderr, "casecheck: %s: %v\n", d.name, d.err)
		}
		results = append(results, r)
	}
	if !asJSON {
		return status
	}
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintf(s.stderr, "casecheck: %v\n", err)
		return exitUsage
	}
	return status
}

// writeItems prints each item as one line: "FILE: POINTER: CODE: MESSAGE".
func writeItems(w io.Writer, file string, items []cases.Item) {
	for _, it := range items {
		fmt.Fprintf(w, "%s: %s: %s: %s\n", field(file), field(it.Pointer), it.Code,
			oneLine(it.Message))
	}
}

// field returns s as a field of an output line: as it is, or Go-quoted
// when it is empty, starts with a double quote, or holds ": " or a
// character that would break the line or hide in it (a control
// character, a line or paragraph separator, invalid UTF-8). A reader
// splits a line at the first ": " after each field, reading a field that
// starts with a double quote as a quoted string.
func field(s string) string {
	if s == "" || strings.HasPrefix(s, `"`) || strings.Contains(s, ": ") ||
		strings.IndexFunc(s, breaksLine) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

func breaksLine(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// oneLine returns the message m with every character that would break
// the line replaced by a space; the library's messages hold none.
func oneLine(m string) string {
	return strings.Map(func(r rune) rune {
		if breaksLine(r) {
			return ' '
		}
		return r
	}, m)
}
