package postgres_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
)

// BenchmarkFlow measures open, respond and resolve of one case through
// the handler, by 1, 8 and 32 clients at once, on the memory store and on
// this store. One op is one case's three requests. The custom metrics
// are requests per second (req/s) and the 99th percentile of the latency
// of one request in milliseconds (p99-ms); each PostgreSQL line also
// gives its ratio to the memory line of the same clients, run just
// before: mem-ratio-req/s is its req/s divided by the memory store's
// (0.05 means a twentieth of the throughput) and mem-ratio-p99 its p99
// divided by the memory store's. The ratios are left out when the
// memory benchmark did not run (a -bench pattern that skips it).
func BenchmarkFlow(b *testing.B) {
	for _, clients := range []int{1, 8, 32} {
		var memory flowResult
		b.Run(fmt.Sprintf("store=memory/clients=%d", clients), func(b *testing.B) {
			memory = benchFlow(b, casehttp.NewMemoryStore(), clients)
		})
		b.Run(fmt.Sprintf("store=postgres/clients=%d", clients), func(b *testing.B) {
			s := newSchema(b)
			db := s.open(b, clients)
			if err := postgres.Migrate(b.Context(), db); err != nil {
				b.Fatal(err)
			}
			r := benchFlow(b, postgres.New(db, postgres.Options{}), clients)
			if memory.rate > 0 && memory.p99 > 0 {
				b.ReportMetric(r.rate/memory.rate, "mem-ratio-req/s")
				b.ReportMetric(float64(r.p99)/float64(memory.p99), "mem-ratio-p99")
			}
		})
	}
}

// flowResult is what one run of benchFlow measured.
type flowResult struct {
	rate float64       // requests per second
	p99  time.Duration // 99th percentile of the latency of one request
}

// benchFlow runs b.N flows on a handler over store, shared by clients
// goroutines, reports its metrics and returns them.
func benchFlow(b *testing.B, store casehttp.Store, clients int) flowResult {
	h := casehttp.NewHandler(store, casehttp.Options{})
	open, err := casetest.MissingInformationOpen(time.Now()).MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	var next atomic.Int64
	latencies := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for w := range clients {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				latencies[w] = flow(b, h, open, latencies[w])
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	all := slices.Concat(latencies...)
	slices.Sort(all)
	r := flowResult{rate: float64(len(all)) / elapsed.Seconds(), p99: all[(len(all)*99)/100]}
	b.ReportMetric(r.rate, "req/s")
	b.ReportMetric(float64(r.p99.Microseconds())/1000, "p99-ms")
	return r
}

// flow opens, answers and resolves one case, and appends the latency of
// each request to lat.
func flow(b *testing.B, h http.Handler, open []byte, lat []time.Duration) []time.Duration {
	body, d := timed(b, h, "POST", "/v1/case", open)
	lat = append(lat, d)
	// The body starts {"id":"<36 characters>".
	id := string(body[7:43])
	_, d = timed(b, h, "POST", "/v1/case/"+id+"/response", []byte(answerBody))
	lat = append(lat, d)
	_, d = timed(b, h, "PATCH", "/v1/case/"+id, []byte(`{"status":"resolved"}`))
	return append(lat, d)
}

// timed serves one request and returns the answer's body and how long it
// took.
func timed(b *testing.B, h http.Handler, method, path string,
	body []byte) ([]byte, time.Duration) {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(rec, req)
	d := time.Since(start)
	if rec.Code != http.StatusOK {
		b.Errorf("%s %s: %d %s", method, path, rec.Code, rec.Body)
	}
	return rec.Body.Bytes(), d
}
