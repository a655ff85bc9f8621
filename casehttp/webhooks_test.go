package casehttp_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
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
