package casetest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/stretchr/testify/assert"
)

// At returns the item that a problem at a JSON Pointer with a code is
// expected to produce, for the assertions below.
func At(pointer string, code cases.Code) cases.Item {
	return cases.Item{Pointer: pointer, Code: code}
}

// AtParameter returns the item of a problem with a query parameter.
func AtParameter(name string, code cases.Code) cases.Item {
	return cases.Item{Parameter: name, Code: code}
}

// InRequest returns the item of a problem with the request itself (its
// method, path or a header) rather than its body, as the problems of
// casehttp's own errors have: an item with a code and no pointer.
// [AssertProblem] tells it from At("", code), an item about the whole
// body, by the problem's type.
func InRequest(code cases.Code) cases.Item {
	return cases.Item{Code: code}
}

// ProblemType returns the problem type URI of a sentinel error of the
// cases package (ErrInvalid and the rest) or of casehttp (ErrNotFound and
// the rest).
func ProblemType(sentinel error) string {
	return casehttp.ProblemFor(&cases.Error{Err: sentinel, Items: []cases.Item{{}}}).Type
}

// AssertError asserts that err is a [*cases.Error] of the family of
// sentinel whose items are exactly want, in order. Items compare by
// pointer, parameter and code, and by message only where want has one.
func AssertError(t assert.TestingT, err error, sentinel error, want ...cases.Item) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	var e *cases.Error
	if !assert.ErrorAs(t, err, &e) {
		return false
	}
	ok := assert.ErrorIs(t, err, sentinel)
	return assertItems(t, e.Items, want) && ok
}

// AssertProblem asserts that res is an application/problem+json answer
// with the given status and type, a title and a detail, whose errors are
// exactly want (see [AssertError] for how they compare), each with a
// detail. It also asserts where each item points: an item of a problem
// of casehttp's own errors (its type starts with [casehttp.TypeBase]) or
// of a 500 (about:blank) has neither pointer nor parameter, see
// [InRequest]; any other item has exactly one of them. It reads and
// closes the body.
func AssertProblem(t assert.TestingT, res *http.Response, status int, typ string,
	want ...cases.Item) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if !assert.NoError(t, err) {
		return false
	}
	ok := assert.Equal(t, status, res.StatusCode, "status; body: %s", body)
	ok = assert.Equal(t, "application/problem+json", res.Header.Get("Content-Type")) && ok
	var p cases.Problem
	if !assert.NoError(t, json.Unmarshal(body, &p), "body: %s", body) {
		return false
	}
	ok = assert.Equal(t, typ, p.Type) && ok
	ok = assert.Equal(t, status, p.Status, "status in the body") && ok
	ok = assert.NotEmpty(t, p.Title, "title; body: %s", body) && ok
	ok = assert.NotEmpty(t, p.Detail, "detail; body: %s", body) && ok
	got, itemsOK := problemItems(t, &p, body)
	return assertItems(t, got, want) && itemsOK && ok
}

// problemItems returns the items of p, and asserts that each has a
// detail and points where AssertProblem says.
func problemItems(t assert.TestingT, p *cases.Problem, body []byte) ([]cases.Item, bool) {
	inRequest := strings.HasPrefix(p.Type, casehttp.TypeBase) || p.Type == "about:blank"
	ok := true
	got := make([]cases.Item, len(p.Errors))
	for i, pi := range p.Errors {
		got[i] = cases.Item{Parameter: pi.Parameter, Code: pi.Code, Message: pi.Detail}
		if pi.Pointer != nil {
			got[i].Pointer = *pi.Pointer
		}
		ok = assert.NotEmpty(t, pi.Detail, "detail of item %d; body: %s", i, body) && ok
		if inRequest {
			ok = assert.True(t, pi.Pointer == nil && pi.Parameter == "",
				"item %d of a request problem has a pointer or parameter; body: %s", i, body) && ok
		} else {
			ok = assert.True(t, (pi.Pointer != nil) != (pi.Parameter != ""),
				"item %d needs one of pointer and parameter; body: %s", i, body) && ok
		}
	}
	return got, ok
}

// assertItems compares items as AssertError describes.
func assertItems(t assert.TestingT, got, want []cases.Item) bool {
	g := make([]cases.Item, len(got))
	for i, it := range got {
		g[i] = it
		if i >= len(want) || want[i].Message == "" {
			g[i].Message = ""
		}
	}
	if want == nil {
		want = []cases.Item{}
	}
	return assert.Equal(t, want, g)
}
