package casehttp

import (
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/casekit/cases"
)

// The limits of a list page.
const (
	defaultLimit = 10
	maxLimit     = 100
)

// cursorPrefix starts the text of every cursor the handler issues.
const cursorPrefix = "c1:"

// listParams are the query parameters GET /v1/case accepts, sorted.
var listParams = []string{"cursor", "kind", "limit", "parent_id", "parent_type", "status"}

// list serves GET /v1/case.
func (h *Handler) list(r *http.Request, _ []byte) *Answer {
	q, err := parseList(r)
	if err != nil {
		return h.problem(r, err)
	}
	limit := q.Limit
	q.Limit++ // one more tells whether there is a next page
	recs, err := h.store.List(r.Context(), q)
	if errors.Is(err, ErrUnknownCursor) {
		err = invalid(cases.Item{Parameter: "cursor", Code: cases.CodeInvalidValue,
			Message: "cursor was not issued by this server"})
	}
	if err != nil {
		return h.problem(r, err)
	}
	more := len(recs) > limit
	if more {
		recs = recs[:limit]
	}
	body, err := appendList(make([]byte, 0, 1024*len(recs)+64), recs, more)
	if err != nil {
		return h.problem(r, err)
	}
	return &Answer{Status: http.StatusOK, Body: body, Header: http.Header{
		"Content-Type": jsonType,
	}}
}

// parseList reads the query of a list request, reporting every problem.
func parseList(r *http.Request) (ListQuery, error) {
	values := r.URL.Query()
	q := ListQuery{Limit: defaultLimit}
	var items []cases.Item
	bad := func(param string, code cases.Code, msg string) {
		items = append(items, cases.Item{Parameter: param, Code: code, Message: msg})
	}
	for name, vs := range values {
		switch {
		case !slices.Contains(listParams, name):
			bad(name, cases.CodeUnknownField, "parameter "+name+" is not known")
		case len(vs) > 1:
			bad(name, cases.CodeDuplicate, "parameter "+name+" must be given once")
		}
	}
	if v, ok := param(values, "limit"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			bad("limit", cases.CodeInvalidValue, "limit must be an integer from 1 to 100")
		}
		q.Limit = n
	}
	if v, ok := param(values, "cursor"); ok {
		id, valid := decodeCursor(v)
		if !valid {
			bad("cursor", cases.CodeInvalidValue, "cursor was not issued by this server")
		}
		q.After = id
	}
	q.ParentType = enumParam(values, "parent_type", cases.ParentType.IsKnown, bad)
	q.Status = enumParam(values, "status", cases.Status.IsKnown, bad)
	q.Kind = enumParam(values, "kind", cases.Kind.IsKnown, bad)
	if v, ok := param(values, "parent_id"); ok {
		q.ParentID = v
		if v == "" {
			bad("parent_id", cases.CodeInvalidFormat, "parent_id must not be empty")
		}
	}
	if len(items) == 0 {
		return q, nil
	}
	slices.SortFunc(items, func(a, b cases.Item) int {
		return strings.Compare(a.Parameter+" "+string(a.Code), b.Parameter+" "+string(b.Code))
	})
	return ListQuery{}, &cases.Error{Err: cases.ErrInvalid, Items: items}
}

// enumParam returns the value of an enumerated filter, reporting it to
// bad when it is given and not known.
func enumParam[T ~string](values map[string][]string, name string, isKnown func(T) bool,
	bad func(param string, code cases.Code, msg string)) T {
	v, ok := param(values, name)
	if ok && !isKnown(T(v)) {
		bad(name, cases.CodeUnknownValue, name+" is not a known value")
	}
	return T(v)
}

// param returns the first value of a query parameter, and whether it was
// given.
func param(values map[string][]string, name string) (string, bool) {
	vs, ok := values[name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[0], true
}

// encodeCursor returns the cursor of the page after the case with id.
func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

// decodeCursor returns the case ID a cursor names, and whether the cursor
// has the form of one the handler issues. Whether the case exists is the
// store's to say.
func decodeCursor(s string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	id, ok := strings.CutPrefix(string(b), cursorPrefix)
	return id, ok && id != ""
}

// appendList appends the list object of a page.
func appendList(b []byte, recs []Record, more bool) ([]byte, error) {
	b = append(b, `{"object":"list","data":[`...)
	for i, rec := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		c, err := rec.Case.MarshalJSON()
		if err != nil {
			return nil, err
		}
		b = append(b, c...)
	}
	b = append(b, `],"has_more":`...)
	b = strconv.AppendBool(b, more)
	b = append(b, `,"next_cursor":`...)
	if more {
		b = strconv.AppendQuote(b, encodeCursor(recs[len(recs)-1].Case.ID))
	} else {
		b = append(b, "null"...)
	}
	return append(b, "}\n"...), nil
}
