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
//
// Install it with:
//
//	go install github.com/casekit/cases/cmd/casecheck@latest
//
// A FILE of "-", or no FILE at all, is standard input. Each problem is one
// line, "FILE: /pointer: code: message"; --json prints problem details
// instead. The exit status is 0 when every document is valid, 1 when one
// is not, and 2 for a usage or I/O error. Every command takes --help.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
