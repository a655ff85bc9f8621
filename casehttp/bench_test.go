package casehttp_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
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

// BenchmarkFlow measures the handler's own cost: what serving the case
// API over HTTP adds to the cases package. One operation is one flow of
// three requests on a case: open it with the 1 KB body of
// testdata/open_typical.json, respond, resolve.
//
//   - handler: the flow through NewHandler on a MemoryStore, in process,
//     each request an httptest.NewRequest served into an
//     httptest.NewRecorder. The store holds at most flowsKept flows (a
//     fresh store replaces it every flowsKept flows), so that the time per
//     flow does not grow with the length of the run.
//   - library: the calls of the cases package that the handler makes for
//     the flow (decode, operate, encode, three times), without HTTP.
//   - harness: the request and recorder alone, which handler and bare
//     both pay.
//   - bare: the yardstick, a net/http handler that decodes the same open
//     body with encoding/json into a struct and encodes it back, served
//     three times with the same harness.
//
// All four run in a process that holds the cases and events of flowsKept
// flows, as a service's heap holds its working set: the garbage
// collector's cost per allocated byte then is what it is in such a
// process, the same for each, and not near zero for the ones whose own
// heap is small.
//
// The handler's own cost is handler − library − harness: the time per
// flow that is neither the cases package's nor the test's. Bare reports
// it as a percentage of bare's time in the metric own-%, computed from
// the fastest runs so far of each sub-benchmark, the least disturbed by
// other work on the machine: with -count n, the last line of bare has the
// figure of all n runs. Bare reports no own-% before the others ran. The
// target is own-% ≤ 30. Run it with
//
//	go test ./casehttp -run '^$' -bench 'BenchmarkFlow$' -benchtime 1s -count 5
//
// A MemoryStore that keeps every case of a long run, as the example
// server's does, makes the collector rescan an ever larger heap: run
// BenchmarkFlowGrowingStore to see that cost.
func BenchmarkFlow(b *testing.B) {
	open := []byte(readTestdata(b, "open_typical.json"))
	workingSet := make([][]cases.Event, flowsKept)
	for i := range workingSet {
		workingSet[i] = benchLibrary(b, open)
	}
	defer runtime.KeepAlive(workingSet)
	var perFlow flowTimes
	b.Run("handler", func(b *testing.B) {
		b.ReportAllocs()
		var h http.Handler
		n := 0
		for b.Loop() {
			if n%flowsKept == 0 {
				h = casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{})
			}
			n++
			benchFlow(b, h, open)
		}
		fastest(&perFlow.handler, b)
	})
	b.Run("library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchLibrary(b, open)
		}
		fastest(&perFlow.library, b)
	})
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
		fastest(&perFlow.harness, b)
	})
	b.Run("bare", func(b *testing.B) {
		h := http.HandlerFunc(bareHandler)
		b.ReportAllocs()
		for b.Loop() {
			for range 3 {
				benchServe(b, h, "POST", "/v1/case", open)
			}
		}
		fastest(&perFlow.bare, b)
		if perFlow.handler > 0 && perFlow.library > 0 && perFlow.harness > 0 {
			own := perFlow.handler - perFlow.library - perFlow.harness
			b.ReportMetric(100*own/perFlow.bare, "own-%")
		}
	})
}

// flowsKept is how many flows' cases and events the process holds in
// BenchmarkFlow: its working set, and the most the handler's store holds.
const flowsKept = 1000

// BenchmarkFlowGrowingStore is the handler of BenchmarkFlow on one
// MemoryStore for the whole run: the store keeps every case and event, so
// the time per flow grows with b.N as the collector rescans the heap.
func BenchmarkFlowGrowingStore(b *testing.B) {
	open := []byte(readTestdata(b, "open_typical.json"))
	h := casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{})
	b.ReportAllocs()
	for b.Loop() {
		benchFlow(b, h, open)
	}
}

// flowTimes holds the nanoseconds per flow of the fastest runs of the
// sub-benchmarks of BenchmarkFlow; zero until one ran.
type flowTimes struct {
	handler, library, harness, bare float64
}

// fastest sets *ns to the time per operation of the run of b that just
// ended when it is the fastest so far. A benchmark that uses b.Loop runs
// once per -count, so every run is a whole one.
func fastest(ns *float64, b *testing.B) {
	if t := nsPerOp(b); *ns == 0 || t < *ns {
		*ns = t
	}
}

// nsPerOp returns the time per operation of the run of b that just
// ended.
func nsPerOp(b *testing.B) float64 {
	return float64(b.Elapsed().Nanoseconds()) / float64(b.N)
}

// benchFlow opens, answers and resolves one case through h.
func benchFlow(b *testing.B, h http.Handler, open []byte) {
	rec := benchServe(b, h, "POST", "/v1/case", open)
	// The body starts {"id":"<36 characters>".
	id := string(rec.Body.Bytes()[7:43])
	benchServe(b, h, "POST", "/v1/case/"+id+"/response", []byte(benchAnswer))
	benchServe(b, h, "PATCH", "/v1/case/"+id, []byte(benchResolve))
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
// makes for one flow (decode, operate, encode, three times) and returns
// the events, which hold the cases.
func benchLibrary(b *testing.B, open []byte) []cases.Event {
	env := cases.Env{}
	o, err := cases.Decoder{}.Open(open)
	if err != nil {
		b.Fatal(err)
	}
	c, opened, err := cases.Open(o, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
	p, err := cases.Decoder{}.Response(c.Kind, []byte(benchAnswer))
	if err != nil {
		b.Fatal(err)
	}
	c, answered, err := cases.Respond(c, p, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
	u, err := cases.Decoder{}.Update([]byte(benchResolve))
	if err != nil {
		b.Fatal(err)
	}
	c, resolved, err := cases.Update(c, u, env)
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, c)
	return slices.Concat(opened, answered, resolved)
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
