package casehttp

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/casekit/cases"
)

// open serves POST /v1/case.
func (h *Handler) open(r *http.Request, body []byte) *Answer {
	o, err := h.dec.Open(body)
	if err != nil {
		return h.problem(r, err)
	}
	c, events, err := cases.Open(o, h.env())
	if err != nil {
		return h.problem(r, err)
	}
	rec, err := h.store.Create(r.Context(), c, events)
	if err != nil {
		return h.problem(r, err)
	}
	h.notify(events)
	return h.caseAnswer(r, rec)
}

// retrieve serves GET /v1/case/{id}.
func (h *Handler) retrieve(r *http.Request, _ []byte) *Answer {
	rec, err := h.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return h.problem(r, err)
	}
	return h.caseAnswer(r, rec)
}

// update serves PATCH /v1/case/{id}.
func (h *Handler) update(r *http.Request, body []byte) *Answer {
	u, err := h.dec.Update(body)
	if err != nil {
		return h.problem(r, err)
	}
	return h.change(r, func(c *cases.Case, env cases.Env) (*cases.Case, []cases.Event, error) {
		return cases.Update(c, u, env)
	})
}

// respond serves POST /v1/case/{id}/response. The body is decoded by the
// rules of the case's kind, which never changes, so it is read first.
func (h *Handler) respond(r *http.Request, body []byte) *Answer {
	rec, err := h.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return h.problem(r, err)
	}
	p, err := h.dec.Response(rec.Case.Kind, body)
	if err != nil {
		return h.problem(r, err)
	}
	return h.change(r, func(c *cases.Case, env cases.Env) (*cases.Case, []cases.Event, error) {
		return cases.Respond(c, p, env)
	})
}

// operation is a change that the cases package makes to a case.
type operation func(c *cases.Case, env cases.Env) (*cases.Case, []cases.Event, error)

// change applies op to the case of the request's path atomically, after
// checking its If-Match header against the case's current version.
func (h *Handler) change(r *http.Request, op operation) *Answer {
	match := r.Header.Values("If-Match")
	rec, events, err := h.store.Update(r.Context(), r.PathValue("id"),
		func(cur Record) (*cases.Case, []cases.Event, error) {
			if len(match) > 0 && !matchesETag(match, cur.Version) {
				return nil, nil, ErrPreconditionFailed
			}
			n, events, err := op(cur.Case, h.env())
			if err != nil || !changed(cur.Case, n, events) {
				return nil, nil, err
			}
			return n, events, nil
		})
	if err != nil {
		return h.problem(r, err)
	}
	h.notify(events)
	return h.caseAnswer(r, rec)
}

// etag returns the entity tag of a case's version.
func etag(version int64) string {
	return `"` + strconv.FormatInt(version, 10) + `"`
}

// matchesETag reports whether the values of an If-Match header name the
// version: "*", or one of a list of strong tags.
func matchesETag(values []string, version int64) bool {
	want := etag(version)
	for _, v := range values {
		for tag := range strings.SplitSeq(v, ",") {
			tag = strings.TrimSpace(tag)
			if tag == "*" || tag == want {
				return true
			}
		}
	}
	return false
}
