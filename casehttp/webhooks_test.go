package casehttp_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// receiver records what a webhook endpoint gets and fails its first
// failures requests.
type receiver struct {
	mu       sync.Mutex
	failures int
	bodies   [][]byte
	headers  []http.Header
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.bodies = append(rc.bodies, body)
	rc.headers = append(rc.headers, r.Header.Clone())
	if len(rc.bodies) <= rc.failures {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func TestWebhooks_SignatureFollowsTheScheme(t *testing.T) {
	s := casetest.NewServer(t)
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	secret := s.RegisterWebhook(hook.URL)

	c := s.OpenMissingInformation()
	require.Len(t, s.Deliveries(), 1)

	require.Len(t, rc.bodies, 1)
	body, h := rc.bodies[0], rc.headers[0]
	ts := strconv.FormatInt(s.Env.Now().Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts + "." + string(body)))
	want := "t=" + ts + ",v1=" + hex.EncodeToString(m.Sum(nil))
	assert.Equal(t, want, h.Get(casehttp.SignatureHeader))
	assert.Equal(t, "application/json", h.Get("Content-Type"))
	assert.NoError(t, casehttp.VerifySignature(secret, h.Get(casehttp.SignatureHeader), body,
		s.Env.Now(), 5*time.Minute))

	ev, err := cases.Decoder{}.Event(body)
	require.NoError(t, err)
	assert.Equal(t, cases.EventCaseOpened, ev.Type)
	assert.Equal(t, c.ID, ev.Data.ID)
	assert.Equal(t, ev.ID, h.Get("Case-Event-Id"))
}

func TestWebhooks_RetriesUntilSuccess(t *testing.T) {
	s := casetest.NewServer(t)
	rc := &receiver{failures: 2}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	s.RegisterWebhook(hook.URL)

	s.OpenMissingInformation()
	deliveries := s.Deliveries()

	require.Len(t, rc.bodies, 3)
	assert.Equal(t, rc.bodies[0], rc.bodies[1])
	assert.Equal(t, rc.bodies[0], rc.bodies[2])
	for i, h := range rc.headers {
		assert.Equal(t, strconv.Itoa(i+1), h.Get("Case-Delivery-Attempt"))
	}
	ev := s.Events()[0]
	require.Len(t, deliveries, 3)
	for i, d := range deliveries {
		assert.Equal(t, ev.ID, d.EventID)
		assert.Equal(t, cases.EventCaseOpened, d.EventType)
		assert.Equal(t, hook.URL, d.URL)
		assert.Equal(t, i+1, d.Attempt)
	}
	assert.Equal(t, []int{503, 503, 200}, []int{
		deliveries[0].StatusCode, deliveries[1].StatusCode, deliveries[2].StatusCode})
	assert.Equal(t, []bool{false, false, true}, []bool{
		deliveries[0].OK(), deliveries[1].OK(), deliveries[2].OK()})
	assert.Equal(t, "endpoint answered 503", deliveries[0].Err)
}

func TestWebhooks_GivesUpAfterTheLastAttempt(t *testing.T) {
	s := casetest.NewServer(t)
	rc := &receiver{failures: 100}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	s.RegisterWebhook(hook.URL)

	c := s.OpenMissingInformation()
	s.Resolve(c.ID, cases.ReasonNoResponseNeeded)
	deliveries := s.Deliveries()

	require.Len(t, deliveries, 6)
	events := s.Events()
	for i, d := range deliveries {
		assert.Equal(t, events[i/3].ID, d.EventID, "attempts stay in event order")
		assert.Equal(t, i%3+1, d.Attempt)
		assert.False(t, d.OK())
	}
}

func TestWebhooks_InternalCasesSendNothing(t *testing.T) {
	s := casetest.NewServer(t)
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	s.RegisterWebhook(hook.URL)

	o := casetest.MissingInformationOpen(s.Env.Now())
	o.Status = cases.StatusUnderReview
	c := s.Open(o)
	assert.Empty(t, s.Deliveries())
	s.RequestResponse(c.ID)
	require.Len(t, s.Deliveries(), 1)
	assert.Equal(t, cases.EventCaseOpened, s.Deliveries()[0].EventType)
}

// TestWebhooks_DeliverInCommitOrder has 32 clients change one case at
// once: the endpoint gets the events in the order the store committed
// them, which is the outbox's, so each event holds one more metadata pair
// than the one before.
func TestWebhooks_DeliverInCommitOrder(t *testing.T) {
	s := casetest.NewServer(t)
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	s.RegisterWebhook(hook.URL)
	id := s.OpenMissingInformation().ID

	const clients = 32
	var wg sync.WaitGroup
	codes := make([]int, clients)
	for i := range clients {
		wg.Go(func() {
			body := fmt.Sprintf(`{"metadata":{"client_%d":"x"}}`, i)
			req := s.NewRequest("PATCH", "/v1/case/"+id, []byte(body))
			res, err := s.Client().Do(req)
			if err == nil {
				codes[i] = res.StatusCode
				res.Body.Close()
			}
		})
	}
	wg.Wait()
	s.Deliveries()

	events := s.Events()
	require.Len(t, events, 1+clients)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	require.Len(t, rc.bodies, len(events))
	for i, body := range rc.bodies {
		ev, err := cases.Decoder{}.Event(body)
		require.NoError(t, err)
		assert.Equal(t, events[i].ID, ev.ID, "delivery %d", i)
		assert.Len(t, ev.Data.Metadata, 1+i, "delivery %d", i) // external_id and i clients
	}
	for i, code := range codes {
		assert.Equal(t, 200, code, "client %d", i)
	}
}

// TestWebhooks_BackoffDoubles delivers to an endpoint that always fails:
// the waits double from Backoff up to MaxBackoff, and none follows the
// last attempt.
func TestWebhooks_BackoffDoubles(t *testing.T) {
	rc := &receiver{failures: 100}
	w, store := startWebhooks(t, rc, casehttp.WebhookOptions{Attempts: 6,
		Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond})
	createCase(t, store, casetest.NewEnv())

	w.Notify(nil)
	w.Wait()
	var waits []time.Duration
	for _, d := range w.Deliveries() {
		waits = append(waits, d.RetryIn)
	}
	ms := time.Millisecond
	assert.Equal(t, []time.Duration{ms, 2 * ms, 4 * ms, 5 * ms, 5 * ms, 0}, waits)
	assert.Len(t, rc.bodies, 6)
}

// startWebhooks returns Webhooks with the options o on a new memory store,
// with one endpoint that h serves; both stop when the test ends.
func startWebhooks(t *testing.T, h http.Handler,
	o casehttp.WebhookOptions) (*casehttp.Webhooks, *casehttp.MemoryStore) {
	hook := httptest.NewServer(h)
	t.Cleanup(hook.Close)
	store := casehttp.NewMemoryStore()
	w := casehttp.NewWebhooks(store, o)
	t.Cleanup(w.Close)
	w.Register(hook.URL, "whsec_1")
	return w, store
}

// createCase stores a new case with its event in s, at env's time and
// with its next ID.
func createCase(t *testing.T, s casehttp.Store, env *casetest.Env) *cases.Case {
	t.Helper()
	c, events, err := cases.Open(casetest.RATerminationOpen(), env.Cases())
	require.NoError(t, err)
	_, err = s.Create(t.Context(), c, events)
	require.NoError(t, err)
	return c
}

// flakyOutbox is a store whose Events fails while down is set.
type flakyOutbox struct {
	*casehttp.MemoryStore
	down bool
}

func (o *flakyOutbox) Events(ctx context.Context, after int64,
	limit int) ([]casehttp.OutboxEvent, error) {
	if o.down {
		return nil, errors.New("outbox unavailable")
	}
	return o.MemoryStore.Events(ctx, after, limit)
}

// TestWebhooks_ReadTheOutbox notifies with events that are not the
// outbox's, before an endpoint is registered, and while the outbox fails:
// the endpoint gets exactly the outbox's events that were stored after
// the last read before it registered.
func TestWebhooks_ReadTheOutbox(t *testing.T) {
	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	out := &flakyOutbox{MemoryStore: casehttp.NewMemoryStore()}
	w := casehttp.NewWebhooks(out, casehttp.WebhookOptions{})
	defer w.Close()

	env := casetest.NewEnv()
	createCase(t, out, env)
	w.Notify(nil) // read with no endpoint: nobody gets it
	w.Register(hook.URL, "whsec_1")
	second := createCase(t, out, env)
	out.down = true
	w.Notify(nil)
	w.Wait()
	assert.Empty(t, w.Deliveries(), "nothing read while the outbox fails")

	out.down = false
	_, stray, err := cases.Open(casetest.RATerminationOpen(), casetest.NewEnv().Cases())
	require.NoError(t, err)
	w.Notify(stray)
	w.Wait()
	deliveries := w.Deliveries()
	require.Len(t, deliveries, 1)
	all, err := out.Events(t.Context(), 0, 10)
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, all[1].Event.ID, deliveries[0].EventID)
	assert.Equal(t, second.ID, all[1].Event.Data.ID)
}

// deadlineTransport records whether each request it sends has a deadline,
// and when.
type deadlineTransport struct {
	next      http.RoundTripper
	mu        sync.Mutex
	deadlines []time.Time // the zero time: no deadline
}

func (d *deadlineTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	deadline, _ := req.Context().Deadline()
	d.mu.Lock()
	d.deadlines = append(d.deadlines, deadline)
	d.mu.Unlock()
	return d.next.RoundTrip(req)
}

// TestWebhooks_DefaultClientTimesOut delivers with the default client,
// whose requests go through http.DefaultTransport: each has a deadline 10
// seconds after it was sent.
func TestWebhooks_DefaultClientTimesOut(t *testing.T) {
	rt := &deadlineTransport{next: http.DefaultTransport}
	http.DefaultTransport = rt
	t.Cleanup(func() { http.DefaultTransport = rt.next })
	rc := &receiver{}
	w, store := startWebhooks(t, rc, casehttp.WebhookOptions{})
	createCase(t, store, casetest.NewEnv())

	before := time.Now()
	w.Notify(nil)
	w.Wait()
	after := time.Now()
	require.Len(t, w.Deliveries(), 1)
	assert.True(t, w.Deliveries()[0].OK())
	rt.mu.Lock()
	defer rt.mu.Unlock()
	require.Len(t, rt.deadlines, 1)
	deadline := rt.deadlines[0]
	assert.False(t, deadline.Before(before.Add(10*time.Second)), "deadline %v", deadline)
	assert.False(t, deadline.After(after.Add(10*time.Second)), "deadline %v", deadline)
}

// TestWebhooks_DefaultBackoff delivers to an endpoint that fails, with no
// Backoff set: the first retry is to come DefaultBackoff later.
func TestWebhooks_DefaultBackoff(t *testing.T) {
	rc := &receiver{failures: 100}
	w, store := startWebhooks(t, rc, casehttp.WebhookOptions{Attempts: 2})
	createCase(t, store, casetest.NewEnv())

	w.Notify(nil)
	require.Eventually(t, func() bool { return len(w.Deliveries()) > 0 },
		10*time.Second, time.Millisecond)
	first := w.Deliveries()[0]
	assert.Equal(t, 1, first.Attempt)
	assert.Equal(t, "endpoint answered 503", first.Err)
	assert.Equal(t, casehttp.DefaultBackoff, first.RetryIn)
}

// TestWebhooks_ReadsEveryPage stores more events than Notify reads from
// the outbox at a time: one call of Notify delivers all of them, in order.
func TestWebhooks_ReadsEveryPage(t *testing.T) {
	rc := &receiver{}
	w, store := startWebhooks(t, rc, casehttp.WebhookOptions{})
	env := casetest.NewEnv()
	const n = 250
	for range n {
		createCase(t, store, env)
	}

	w.Notify(nil)
	w.Wait()
	all, err := store.Events(t.Context(), 0, n+1)
	require.NoError(t, err)
	require.Len(t, all, n)
	deliveries := w.Deliveries()
	require.Len(t, deliveries, n)
	for i, d := range deliveries {
		assert.Equal(t, all[i].Event.ID, d.EventID, "delivery %d", i)
	}
}

// TestWebhooks_SuccessIsA2xxStatus sends an event to endpoints that answer
// with statuses at the edges of 2xx: only 2xx counts as delivered.
func TestWebhooks_SuccessIsA2xxStatus(t *testing.T) {
	store := casehttp.NewMemoryStore()
	w := casehttp.NewWebhooks(store, casehttp.WebhookOptions{Attempts: 1})
	defer w.Close()
	tests := []struct {
		status int
		err    string
	}{
		{200, ""}, {204, ""}, {299, ""},
		{300, "endpoint answered 300"},
		{404, "endpoint answered 404"},
		{500, "endpoint answered 500"},
	}
	byURL := map[string]int{} // the index of each endpoint's row
	for i, tt := range tests {
		hook := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter,
			_ *http.Request) {
			rw.WriteHeader(tt.status)
		}))
		defer hook.Close()
		w.Register(hook.URL, "whsec_1")
		byURL[hook.URL] = i
	}
	createCase(t, store, casetest.NewEnv())

	w.Notify(nil)
	w.Wait()
	deliveries := w.Deliveries()
	require.Len(t, deliveries, len(tests))
	for _, d := range deliveries {
		tt := tests[byURL[d.URL]]
		assert.Equal(t, tt.status, d.StatusCode)
		assert.Equal(t, tt.err, d.Err, "status %d", tt.status)
		assert.Equal(t, tt.err == "", d.OK(), "status %d", tt.status)
		assert.Equal(t, time.Duration(0), d.RetryIn, "status %d", tt.status)
	}
}
