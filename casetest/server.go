package casetest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/stretchr/testify/require"
)

// APIKey is the key that a [Server] accepts, along with any other key of
// the form sk_test_... or sk_live_....
const APIKey = "sk_test_casetest"

// Server is a fake of the platform's case API for tests: the real
// [casehttp.Handler] on a [casehttp.MemoryStore], behind an
// [httptest.Server], with a fixed [Env] and [casehttp.Webhooks] that sign
// and retry like the platform's. Its methods make the platform's side of
// a case's life (open, ask for a response, resolve, supersede) through
// the API itself, so that each sends its webhooks, and fail the test when
// the API refuses them.
type Server struct {
	*httptest.Server

	// Env gives the handler's time and IDs; step Env.Clock to let time
	// pass.
	Env *Env

	// Store holds the server's cases, events and idempotency records.
	Store *casehttp.MemoryStore

	// Webhooks delivers the events to the URLs given to RegisterWebhook.
	Webhooks *casehttp.Webhooks

	t       TB
	secrets atomic.Int64
}

// TB is the part of [testing.TB] that a [Server] uses.
type TB interface {
	require.TestingT
	Helper()
	Cleanup(func())
}

// NewServer starts a Server and stops it when the test ends. Webhooks are
// attempted up to 3 times, 1 and then 2 milliseconds apart.
func NewServer(t TB) *Server {
	t.Helper()
	env := NewEnv()
	s := &Server{Env: env, Store: casehttp.NewMemoryStore(), t: t}
	s.Webhooks = casehttp.NewWebhooks(s.Store, casehttp.WebhookOptions{
		Attempts: 3, Backoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond,
		Now: env.Now,
	})
	h := casehttp.NewHandler(s.Store, casehttp.Options{
		Now: env.Now, NewID: env.NewID, Notifier: s.Webhooks,
	})
	s.Server = httptest.NewServer(h)
	t.Cleanup(func() {
		s.Webhooks.Close()
		s.Server.Close()
	})
	return s
}

// RegisterWebhook makes the server send every later event to url, and
// returns the secret that signs them.
func (s *Server) RegisterWebhook(url string) string {
	secret := "whsec_test_" + strconv.FormatInt(s.secrets.Add(1), 10)
	s.Webhooks.Register(url, secret)
	return secret
}

// NewRequest returns a request to the server's API with its API key and,
// when body is not nil, a JSON Content-Type.
func (s *Server) NewRequest(method, path string, body []byte) *http.Request {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	require.NoError(s.t, err)
	req.Header.Set("Authorization", "Bearer "+APIKey)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// Do sends req with the server's client.
func (s *Server) Do(req *http.Request) *http.Response {
	res, err := s.Client().Do(req)
	require.NoError(s.t, err)
	return res
}

// Open opens a case as the platform does.
func (s *Server) Open(o *cases.OpenRequest) *cases.Case {
	body, err := o.MarshalJSON()
	require.NoError(s.t, err)
	return s.send(http.MethodPost, "/v1/case", body)
}

// OpenMissingInformation opens the case of [MissingInformationOpen].
func (s *Server) OpenMissingInformation() *cases.Case {
	return s.Open(MissingInformationOpen(s.Env.Now()))
}

// Case returns the case with id as the API sends it.
func (s *Server) Case(id string) *cases.Case {
	return s.send(http.MethodGet, "/v1/case/"+id, nil)
}

// Update applies u to case id as the platform does.
func (s *Server) Update(id string, u *cases.UpdateRequest) *cases.Case {
	body, err := u.MarshalJSON()
	require.NoError(s.t, err)
	return s.send(http.MethodPatch, "/v1/case/"+id, body)
}

// RequestResponse moves case id to needs_response: it shows an internal
// case to the partner, or asks again after a response.
func (s *Server) RequestResponse(id string) *cases.Case {
	status := cases.StatusNeedsResponse
	return s.Update(id, &cases.UpdateRequest{Status: &status})
}

// Resolve resolves case id with reason; "" takes the default,
// response_received when the case holds a response.
func (s *Server) Resolve(id string, reason cases.ResolutionReason) *cases.Case {
	status := cases.StatusResolved
	u := &cases.UpdateRequest{Status: &status}
	if reason != "" {
		u.ResolutionReason = &reason
	}
	return s.Update(id, u)
}

// Supersede supersedes case id with reason, one of the parent reasons.
func (s *Server) Supersede(id string, reason cases.ResolutionReason) *cases.Case {
	status := cases.StatusSuperseded
	return s.Update(id, &cases.UpdateRequest{Status: &status, ResolutionReason: &reason})
}

// Events waits for the webhooks in flight and returns every event the
// server produced, oldest first.
func (s *Server) Events() []cases.Event {
	s.Webhooks.Wait()
	out, err := s.Store.Events(context.Background(), 0, math.MaxInt)
	require.NoError(s.t, err)
	events := make([]cases.Event, len(out))
	for i, e := range out {
		events[i] = e.Event
	}
	return events
}

// Deliveries waits for the webhooks in flight and returns every attempt to
// deliver them.
func (s *Server) Deliveries() []casehttp.Delivery {
	s.Webhooks.Wait()
	return s.Webhooks.Deliveries()
}

// send makes one request of the platform and decodes the case it answers.
func (s *Server) send(method, path string, body []byte) *cases.Case {
	res := s.Do(s.NewRequest(method, path, body))
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	require.NoError(s.t, err)
	require.Equal(s.t, http.StatusOK, res.StatusCode, "%s %s: %s", method, path, data)
	var c cases.Case
	require.NoError(s.t, json.Unmarshal(data, &c))
	return &c
}
