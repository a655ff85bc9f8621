package casehttp

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
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

// cursorVersion starts the text of every cursor the handler issues. A
// new format takes a new version, so that a cursor of an older one is
// refused instead of misread.
const cursorVersion = "c2:"

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
	next := ""
	if len(recs) > limit {
		recs = recs[:limit]
		next = encodeCursor(&q, recs[limit-1].Case.ID)
	}
	body, err := appendList(make([]byte, 0, 1024*len(recs)+64), recs, next)
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
	q.ParentType = enumParam(values, "parent_type", cases.ParentType.IsKnown, bad)
	q.Status = enumParam(values, "status", cases.Status.IsKnown, bad)
	q.Kind = enumParam(values, "kind", cases.Kind.IsKnown, bad)
	if v, ok := param(values, "parent_id"); ok {
		q.ParentID = v
		if v == "" {
			bad("parent_id", cases.CodeInvalidFormat, "parent_id must not be empty")
		}
	}
	if v, ok := param(values, "cursor"); ok {
		id, valid := decodeCursor(v, &q)
		if !valid {
			bad("cursor", cases.CodeInvalidValue,
				"cursor was not issued by this server for these filters")
		}
		q.After = id
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

// encodeCursor returns the cursor of the page after the case with id, in
// the list that q's filters select: the base64url form of the version,
// the ID, a colon and the hex of [cursorCheck].
func encodeCursor(q *ListQuery, id string) string {
	text := cursorVersion + id
	return base64.RawURLEncoding.EncodeToString([]byte(text + ":" + cursorCheck(q, text)))
}

// decodeCursor returns the case ID a cursor names, and whether the cursor
// is one the handler issues for the filters of q. Whether the case exists
// is the store's to say.
func decodeCursor(s string, q *ListQuery) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	cut := bytes.LastIndexByte(b, ':')
	if cut < 0 {
		return "", false
	}
	text, check := string(b[:cut]), string(b[cut+1:])
	id, ok := strings.CutPrefix(text, cursorVersion)
	return id, ok && id != "" && check == cursorCheck(q, text)
}

// cursorCheck returns the hex of the first 12 bytes of the SHA-256 of a
// cursor's text and the filters of q. It ties a cursor to its list and
// catches a cursor that was altered; it holds no secret, so that cursors
// stay valid when the handler restarts.
func cursorCheck(q *ListQuery, text string) string {
	filters := url.Values{}
	for _, f := range [...]struct{ name, value string }{
		{"parent_type", string(q.ParentType)}, {"parent_id", q.ParentID},
		{"status", string(q.Status)}, {"kind", string(q.Kind)},
	} {
		if f.value != "" {
			filters.Set(f.name, f.value)
		}
	}
	sum := sha256.Sum256([]byte(text + "\n" + filters.Encode()))
	return hex.EncodeToString(sum[:12])
}

// appendList appends the list object of a page; next is the cursor of
// the next page, "" on the last page.
func appendList(b []byte, recs []Record, next string) ([]byte, error) {
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
	b = strconv.AppendBool(b, next != "")
	b = append(b, `,"next_cursor":`...)
	if next != "" {
		b = strconv.AppendQuote(b, next)
	} else {
		b = append(b, "null"...)
	}
	return append(b, "}\n"...), nil
}
