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
	"strings"
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

func TestVerifySignature(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"id":"evt"}`)
	good := casehttp.Sign("whsec_1", now, body)
	tests := []struct {
		name   string
		secret string
		header string
		body   string
		now    time.Time
		ok     bool
	}{
		{name: "valid", secret: "whsec_1", header: good, body: string(body), now: now, ok: true},
		{name: "valid among several", secret: "whsec_1",
			header: good + ",v1=" + strings.Repeat("0", 64), body: string(body), now: now,
			ok: true},
		{name: "other secret", secret: "whsec_2", header: good, body: string(body), now: now},
		{name: "changed body", secret: "whsec_1", header: good, body: `{"id":"evu"}`, now: now},
		{name: "too old", secret: "whsec_1", header: good, body: string(body),
			now: now.Add(6 * time.Minute)},
		{name: "no timestamp", secret: "whsec_1", header: good[strings.Index(good, ",")+1:],
			body: string(body), now: now},
		{name: "empty", secret: "whsec_1", header: "", body: string(body), now: now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := casehttp.VerifySignature(tt.secret, tt.header, []byte(tt.body), tt.now,
				5*time.Minute)
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, casehttp.ErrSignature)
		})
	}
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
	hook := httptest.NewServer(rc)
	defer hook.Close()
	store := casehttp.NewMemoryStore()
	w := casehttp.NewWebhooks(store, casehttp.WebhookOptions{Attempts: 6,
		Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond})
	defer w.Close()
	w.Register(hook.URL, "whsec_1")
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
