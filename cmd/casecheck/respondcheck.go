package main

import "github.com/casekit/cases"

func runRespondCheck(args []string, s streams) int {
	c := newCommand("respond-check", "respond-check [--json] CASE.json RESPONSE.json",
		`Checks a partner's response against the request of the case it answers,
as the respond operation does: every required field answered, no field that
was not asked for, each answer valid for its field. The case's status is
not checked. The case is read leniently, as a partner receives it; the
response strictly. Either file may be "-" for standard input, not both.

A case that cannot be checked against is refused, with its problems
reported against CASE.json and exit status 1: a case that is not JSON (""
invalid_json), one with no kind (/kind required) or with a kind this
version does not know (/kind unknown_value), one with no request
(/request required). The response is then not checked.

Each problem prints as one line, "FILE: POINTER: CODE: MESSAGE", as
validate prints it. Exit status: 0 valid, 1 invalid, 2 usage error or
unreadable file.

`)
	asJSON := c.Bool("json", false, "print a JSON array of results with problem details")
	files, code := c.parse(args, s)
	if code >= 0 {
		return code
	}
	if len(files) != 2 {
		return c.fail(s.stderr, "needs two files: CASE.json RESPONSE.json")
	}
	if countStdin(files) > 1 {
		return c.fail(s.stderr, "only one of the files can be standard input")
	}
	caseData, caseName, caseErr := readInput(files[0], s.stdin)
	respData, respName, respErr := readInput(files[1], s.stdin)
	if caseErr != nil || respErr != nil {
		var unread []document
		for _, d := range []document{
			{name: caseName, readErr: caseErr}, {name: respName, readErr: respErr},
		} {
			if d.readErr != nil {
				unread = append(unread, d)
			}
		}
		return report(unread, *asJSON, s)
	}
	cs, err := checkableCase(caseData)
	if err != nil {
		return report([]document{{name: caseName, err: err}}, *asJSON, s)
	}
	resp, err := cases.Decoder{}.Response(cs.Kind, respData)
	if err == nil {
		err = cs.CheckResponse(resp)
	}
	return report([]document{{name: respName, err: err}}, *asJSON, s)
}

// checkableCase decodes a case leniently and returns it when a response
// can be checked against it: it has a kind this version knows and a
// request. Otherwise it returns an *cases.Error that says why not.
func checkableCase(data []byte) (*cases.Case, error) {
	cs, err := cases.Decoder{Lenient: true}.Case(data)
	if err != nil {
		return nil, err
	}
	var items []cases.Item
	switch {
	case cs.Kind == "":
		items = append(items, cases.Item{Pointer: "/kind", Code: cases.CodeRequired,
			Message: "kind is required to check a response against the case"})
	case !cs.Kind.IsKnown():
		items = append(items, cases.Item{Pointer: "/kind", Code: cases.CodeUnknownValue,
			Message: "kind is not a known value, so a response to the case cannot be checked"})
	}
	if cs.Request == nil {
		items = append(items, cases.Item{Pointer: "/request", Code: cases.CodeRequired,
			Message: "request is required to check a response against the case"})
	}
	if len(items) > 0 {
		return nil, &cases.Error{Err: cases.ErrInvalid, Items: items}
	}
	return cs, nil
}
