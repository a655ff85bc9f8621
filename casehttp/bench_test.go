package casehttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
)

// benchAnswer answers the request of testdata/open_typical.json.
const benchAnswer = `{"fields":{"corrected_legal_name":"Acme Holdings LLC",
	"registered_address":{"street_line_1":"8 The Green","city":"Dover","region":"DE",
	"postal_code":"19901","country":"US"},"contact_email":"ops@example.com"}}`

const benchResolve = `{"status":"resolved"}`

// plainOpen mirrors the open body with concrete types, so that
// encoding/json can decode it: what a bare handler would do.
type plainOpen struct {
	ParentType string  `json:"parent_type"`
	ParentID   string  `json:"parent_id"`
	Kind       string  `json:"kind"`
	Status     string  `json:"status"`
	Summary    string  `json:"summary"`
	Details    *string `json:"details"`
	Request    struct {
		Fields []cases.FieldSpec `json:"fields"`
	} `json:"request"`
	DueAt    *time.Time        `json:"due_at"`
	Metadata map[string]string `json:"metadata"`
}

// BenchmarkFlow measures open, respond and resolve of one case: through
// the handler in process, through the cases package alone, and, as the
// yardstick, a bare net/http handler that decodes the same open body with
// encoding/json and writes it back, three times (one per request).
func BenchmarkFlow(b *testing.B) {
	open := []byte(readTestdata(b, "open_typical.json"))
	b.Run("handler", func(b *testing.B) {
		benchHandler(b, casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{}), open)
	})
	// The memory store keeps every case and event, which the garbage
	// collector scans again and again; a store that forgets closed cases
	// shows the handler's own cost.
	b.Run("handler_forgetful_store", func(b *testing.B) {
		benchHandler(b, casehttp.NewHandler(&forgetfulStore{}, casehttp.Options{}), open)
	})
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchLibrary(b, open)
		}
	})
	// The request and recorder of httptest alone, which every request of
	// the handler and the bare handler pays.
	b.Run("harness", func(b *testing.B) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			_, _ = w.Write([]byte("{}"))
		})
		b.ReportAllocs()
		for b.Loop() {
			for range 3 {
				benchServe(b, h, "POST", "/v1/case", open)
			}
		}
	})
	b.Run("bare", func(b *testing.B) {
		h := http.HandlerFunc(bareHandler)
		b.ReportAllocs()
		for b.Loop() {
			for range 3 {
				benchServe(b, h, "POST", "/v1/case", open)
			}
		}
	})
}

func benchHandler(b *testing.B, h http.Handler, open []byte) {
	b.ReportAllocs()
	for b.Loop() {
		rec := benchServe(b, h, "POST", "/v1/case", open)
		// The body starts {"id":"<36 characters>".
		id := string(rec.Body.Bytes()[7:43])
		benchServe(b, h, "POST", "/v1/case/"+id+"/response", []byte(benchAnswer))
		benchServe(b, h, "PATCH", "/v1/case/"+id, []byte(benchResolve))
	}
}

func benchServe(b *testing.B, h http.Handler, method, path string,
	body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
	}
	return rec
}

// benchLibrary makes the calls of the cases package that the handler
// makes for the three requests: decode, operate, encode.
func benchLibrary(b *testing.B, open []byte) {
	env := cases.Env{}
	o, err := cases.Decoder{}.Open(open)
	if err != nil {
		b.Fatal(err)
	}
	c, _, err := cases.Open(o, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
	p, err := cases.Decoder{}.Response(c.Kind, []byte(benchAnswer))
	if err != nil {
		b.Fatal(err)
	}
	c, _, err = cases.Respond(c, p, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
	u, err := cases.Decoder{}.Update([]byte(benchResolve))
	if err != nil {
		b.Fatal(err)
	}
	c, _, err = cases.Update(c, u, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
}

func benchEncode(b *testing.B, c *cases.Case) {
	if _, err := c.MarshalJSON(); err != nil {
		b.Fatal(err)
	}
}

// bareHandler decodes an open body and writes it back.
func bareHandler(w http.ResponseWriter, r *http.Request) {
	var o plainOpen
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(&o)
}

// forgetfulStore is a store for benchmarks that holds open cases only and
// keeps no events and no idempotency records.
type forgetfulStore struct {
	mu    sync.Mutex
	cases map[string]casehttp.Record
}

func (s *forgetfulStore) Create(_ context.Context, c *cases.Case,
	_ []cases.Event) (casehttp.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cases == nil {
		s.cases = map[string]casehttp.Record{}
	}
	rec := casehttp.Record{Case: c, Version: 1}
	s.cases[c.ID] = rec
	return rec, nil
}

func (s *forgetfulStore) Get(_ context.Context, id string) (casehttp.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.cases[id]
	if !ok {
		return rec, casehttp.ErrNotFound
	}
	return rec, nil
}

func (s *forgetfulStore) List(context.Context, casehttp.ListQuery) ([]casehttp.Record, error) {
	return nil, nil
}

func (s *forgetfulStore) Update(_ context.Context, id string,
	fn casehttp.UpdateFunc) (casehttp.Record, []cases.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.cases[id]
	if !ok {
		return cur, nil, casehttp.ErrNotFound
	}
	c, events, err := fn(cur)
	if err != nil || c == nil {
		return cur, nil, err
	}
	rec := casehttp.Record{Case: c, Version: cur.Version + 1}
	if c.Status.IsTerminal() {
		delete(s.cases, id)
	} else {
		s.cases[id] = rec
	}
	return rec, events, nil
}

func (s *forgetfulStore) Reserve(context.Context, string,
	string) (*casehttp.IdempotencyRecord, error) {
	return nil, nil
}

func (s *forgetfulStore) Complete(context.Context, string, *casehttp.Answer) error { return nil }

func (s *forgetfulStore) Release(context.Context, string) error { return nil }

func (s *forgetfulStore) Events(context.Context, int64, int) ([]casehttp.OutboxEvent, error) {
	return nil, nil
}
