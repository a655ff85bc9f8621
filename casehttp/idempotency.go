package casehttp

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"net/http"
)

// maxIdempotencyKey is the longest Idempotency-Key the handler accepts.
const maxIdempotencyKey = 255

// post serves a POST route whose body is JSON, with Idempotency-Key: the
// first answer to a key is stored (unless it is the server's own failure)
// and replayed to every later request with the same key, method, path,
// If-Match and body.
func (h *Handler) post(fn endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := h.readBody(r)
		if err != nil {
			writeAnswer(w, h.problem(r, err))
			return
		}
		key := r.Header.Get("Idempotency-Key")
		if key == "" {
			writeAnswer(w, fn(r, body))
			return
		}
		writeAnswer(w, h.idempotent(r, key, body, fn))
	}
}

// idempotent runs fn once for key, or replays its answer.
func (h *Handler) idempotent(r *http.Request, key string, body []byte, fn endpoint) *Answer {
	if !validKey(key) {
		return h.problem(r, ErrInvalidIdempotencyKey)
	}
	apiKey, _ := h.apiKey(r)
	scoped := scope(apiKey, key)
	fp := fingerprint(r, body)
	ctx := r.Context()
	rec, err := h.store.Reserve(ctx, scoped, fp)
	switch {
	case err != nil:
		return h.problem(r, err)
	case rec != nil && rec.Fingerprint != fp:
		return h.problem(r, ErrIdempotencyMismatch)
	case rec != nil && rec.Answer == nil:
		return h.problem(r, ErrIdempotencyInProgress)
	case rec != nil:
		return replay(rec.Answer)
	}
	a := fn(r, body)
	if a.Status >= http.StatusInternalServerError {
		err = h.store.Release(ctx, scoped)
	} else {
		err = h.store.Complete(ctx, scoped, a)
	}
	if err != nil {
		return h.problem(r, err)
	}
	return a
}

// replay returns a copy of a stored answer, marked as a replay.
func replay(a *Answer) *Answer {
	hdr := maps.Clone(a.Header)
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("Idempotent-Replayed", "true")
	return &Answer{Status: a.Status, Header: hdr, Body: a.Body}
}

func validKey(key string) bool {
	if len(key) > maxIdempotencyKey {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x20 || key[i] > 0x7e {
			return false
		}
	}
	return true
}

// scope returns the store's key for an Idempotency-Key sent with apiKey:
// keys of different callers never meet, and the API key itself is not
// stored.
func scope(apiKey, key string) string {
	sum := sha256.Sum256([]byte(apiKey))
	return hex.EncodeToString(sum[:12]) + ":" + key
}

// fingerprint identifies a request by its method, path, If-Match values
// and body: a retry must repeat all four to get the first answer again.
// Each part ends in a newline, which neither a method, an escaped path
// nor a header value can hold, so no two requests share their parts'
// concatenation.
func fingerprint(r *http.Request, body []byte) string {
	d := sha256.New()
	d.Write([]byte(r.Method + " " + r.URL.EscapedPath() + "\n"))
	for _, v := range r.Header.Values("If-Match") {
		d.Write([]byte("If-Match: " + v + "\n"))
	}
	d.Write([]byte("\n"))
	d.Write(body)
	return hex.EncodeToString(d.Sum(nil))
}
