// Command casecheck checks case API documents against the rules of the
// cases library, prints their JSON Schemas and draws the case lifecycle.
//
// Usage:
//
//	casecheck validate --as open|update|respond|case|event
//	    [--kind K] [--strict] [--json] [FILE...]
//	casecheck respond-check [--json] CASE.json RESPONSE.json
//	casecheck schema NAME
//	casecheck graph [--format mermaid|dot|markdown]
//	casecheck help [COMMAND]
//
// Install it with:
//
//	go install github.com/casekit/cases/cmd/casecheck@latest
//
// A FILE of "-", or no FILE at all, is standard input, which can be named
// once. Flags may come before or after the files; after "--" every
// argument is a file. --as respond requires --kind, the kind of the case
// the body answers.
//
// Each problem is one line of four fields separated by ": ":
//
//	FILE: POINTER: CODE: MESSAGE
//
// POINTER is the JSON Pointer of the offending value. The whole document's
// pointer, the empty string, prints as "", and a pointer or a file name
// that starts with a double quote or holds a control character or ": "
// prints as a Go-quoted string; a field that starts with a double quote is
// always quoted, so a line splits at the first ": " after each field.
// --json prints a JSON array of results with problem details instead; a
// file that cannot be read has "valid": false, "problem": null and its
// reason in "error".
//
// The exit status is 0 when every document is valid, 1 when one is not,
// and 2 for a usage error or a file that cannot be read. Every command
// takes --help; "casecheck help COMMAND" prints the same text.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
