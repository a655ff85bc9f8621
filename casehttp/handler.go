package casehttp

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/casekit/cases"
	"github.com/google/uuid"
)

// Options configures a [Handler]. The zero value is ready to use.
type Options struct {
	// Now returns the time of each operation. Nil means the current time.
	Now func() time.Time

	// NewID returns the IDs of new cases and events. Nil means UUIDv7.
	NewID func() (uuid.UUID, error)

	// MaxBodyBytes is the size limit of a request body; zero means
	// [cases.DefaultMaxBytes]. A larger body is refused with 413.
	MaxBodyBytes int

	// Authorize reports whether an API key of the right form
	// (sk_test_... or sk_live_...) is valid. Nil accepts every such key.
	Authorize func(key string) bool

	// Notifier is told of every change with events once the store holds
	// it; nil tells no one (the events stay in the store's outbox).
	Notifier Notifier

	// OnError, when set, is called with every error that made the handler
	// answer 500, such as a failure of the store. The answer itself never
	// reveals the error's text.
	OnError func(r *http.Request, err error)
}

// Notifier is told of the events that changes to cases produce. The
// handler calls Notify after each change that stored events, with those
// events, from the goroutine of the request. Requests run concurrently,
// so the calls for two changes of one case may come in either order: a
// notifier that must keep the order of the changes reads the events from
// the store's [Outbox], as [Webhooks] does, and takes Notify as the sign
// that there is more to read. Notify must not block on delivery.
type Notifier interface {
	Notify(events []cases.Event)
}

// Handler serves the case API of SPEC section 6 over a [Store]. It is
// safe for concurrent use.
type Handler struct {
	store Store
	opts  Options
	dec   cases.Decoder
	mux   *http.ServeMux
}

// NewHandler returns a handler that serves the cases of s.
func NewHandler(s Store, o Options) *Handler {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = cases.DefaultMaxBytes
	}
	h := &Handler{store: s, opts: o, dec: cases.Decoder{MaxBytes: o.MaxBodyBytes}}
	h.mux = http.NewServeMux()
	h.mux.HandleFunc("POST /v1/case", h.post(h.open))
	h.mux.HandleFunc("GET /v1/case", h.plain(h.list))
	h.mux.HandleFunc("GET /v1/case/{id}", h.plain(h.retrieve))
	h.mux.HandleFunc("PATCH /v1/case/{id}", h.withBody(h.update))
	h.mux.HandleFunc("POST /v1/case/{id}/response", h.post(h.respond))
	h.mux.HandleFunc("/", h.noRoute)
	return h
}

// ServeHTTP checks the request's API key and serves it.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.apiKey(r); !ok {
		writeAnswer(w, problemAnswer(ErrUnauthorized))
		return
	}
	h.mux.ServeHTTP(w, r)
}

// apiKey returns the request's bearer key, and whether it is valid.
func (h *Handler) apiKey(r *http.Request) (string, bool) {
	v := r.Header.Get("Authorization")
	scheme, key, ok := strings.Cut(v, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	rest, live := strings.CutPrefix(key, "sk_live_")
	if !live {
		var test bool
		if rest, test = strings.CutPrefix(key, "sk_test_"); !test {
			return "", false
		}
	}
	if rest == "" || strings.IndexFunc(rest, notKeyRune) >= 0 {
		return "", false
	}
	if h.opts.Authorize != nil && !h.opts.Authorize(key) {
		return "", false
	}
	return key, true
}

func notKeyRune(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_')
}

// endpoint serves one route: it gets the request and its body (nil for a
// route without one) and returns the answer.
type endpoint func(r *http.Request, body []byte) *Answer

// plain serves a route without a body.
func (h *Handler) plain(fn endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		writeAnswer(w, fn(r, nil))
	}
}

// withBody serves a route whose body is JSON.
func (h *Handler) withBody(fn endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := h.readBody(r)
		if err != nil {
			writeAnswer(w, h.problem(r, err))
			return
		}
		writeAnswer(w, fn(r, body))
	}
}

// readBody checks the Content-Type and reads at most MaxBodyBytes.
func (h *Handler) readBody(r *http.Request) ([]byte, error) {
	if !isJSON(r.Header.Get("Content-Type")) {
		return nil, ErrUnsupportedMediaType
	}
	limit := h.opts.MaxBodyBytes
	if r.ContentLength > int64(limit) {
		return nil, tooLarge(limit)
	}
	size := 512
	if r.ContentLength > 0 {
		size = int(r.ContentLength) + 1
	}
	buf, err := readAll(io.LimitReader(r.Body, int64(limit)+1), size)
	if err != nil {
		return nil, invalid(cases.Item{Code: cases.CodeInvalidJSON,
			Message: "body could not be read"})
	}
	if len(buf) > limit {
		return nil, tooLarge(limit)
	}
	return buf, nil
}

// readAll reads r to its end into a buffer of the given first size, which
// fits a body of known length in one allocation.
func readAll(r io.Reader, size int) ([]byte, error) {
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(limit int) error {
	return invalid(cases.Item{Code: cases.CodeTooLarge,
		Message: "body must be at most " + strconv.Itoa(limit) + " bytes"})
}

// isJSON reports whether a Content-Type is application/json or
// application/*+json.
func isJSON(ct string) bool {
	if ct == "application/json" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	sub, ok := strings.CutPrefix(mt, "application/")
	return ok && (sub == "json" || strings.HasSuffix(sub, "+json"))
}

// env returns the Env of one operation.
func (h *Handler) env() cases.Env {
	e := cases.Env{NewID: h.opts.NewID}
	if h.opts.Now != nil {
		e.Now = h.opts.Now()
	}
	return e
}

// notify tells the Notifier of the events of a stored change.
func (h *Handler) notify(events []cases.Event) {
	if h.opts.Notifier != nil && len(events) > 0 {
		h.opts.Notifier.Notify(events)
	}
}

// problem returns the answer for err, and reports it to OnError when it
// is the server's own failure.
func (h *Handler) problem(r *http.Request, err error) *Answer {
	a := problemAnswer(err)
	if a.Status >= http.StatusInternalServerError && h.opts.OnError != nil {
		h.opts.OnError(r, err)
	}
	return a
}

// caseAnswer returns the answer that sends a stored case with its ETag.
func (h *Handler) caseAnswer(r *http.Request, rec Record) *Answer {
	body, err := rec.Case.MarshalJSON()
	if err != nil {
		return h.problem(r, err)
	}
	return &Answer{Status: http.StatusOK, Body: append(body, '\n'), Header: http.Header{
		"Content-Type": jsonType,
		"Etag":         {etag(rec.Version)},
	}}
}

// jsonType is the Content-Type of every answer with a case or a list. It
// is shared by every answer and never modified.
var jsonType = []string{"application/json"}

// writeAnswer sends a.
func writeAnswer(w http.ResponseWriter, a *Answer) {
	hdr := w.Header()
	for k, v := range a.Header {
		hdr[k] = v
	}
	w.WriteHeader(a.Status)
	_, _ = w.Write(a.Body)
}

// noRoute answers a request that no route matched: 405 with the allowed
// methods when the path is one of the API's, 404 otherwise.
func (h *Handler) noRoute(w http.ResponseWriter, r *http.Request) {
	allow := allowed(r.URL.Path)
	if allow == "" {
		writeAnswer(w, problemAnswer(ErrNoRoute))
		return
	}
	a := problemAnswer(ErrMethodNotAllowed)
	a.Header.Set("Allow", allow)
	writeAnswer(w, a)
}

// allowed returns the methods the API allows on path, or "".
func allowed(path string) string {
	rest, ok := strings.CutPrefix(path, "/v1/case")
	switch {
	case !ok:
		return ""
	case rest == "":
		return "GET, POST"
	}
	parts := strings.Split(rest, "/")
	switch {
	case len(parts) == 2 && parts[1] != "":
		return "GET, PATCH"
	case len(parts) == 3 && parts[1] != "" && parts[2] == "response":
		return "POST"
	}
	return ""
}

// changed reports whether after, which an operation returned with events
// for before, differs from it. An operation that changes nothing returns
// an equal case and no event.
func changed(before, after *cases.Case, events []cases.Event) bool {
	if len(events) > 0 || !after.UpdatedAt.Equal(before.UpdatedAt) {
		return true
	}
	// A change to an internal case fires no event, and with a fixed clock
	// it may keep updated_at: compare the whole case.
	a, errA := json.Marshal(before)
	b, errB := json.Marshal(after)
	return errA != nil || errB != nil || !bytes.Equal(a, b)
}
