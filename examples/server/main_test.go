package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlags(t *testing.T) {
	defaults := config{addr: "localhost:8080", secret: "whsec_demo", store: "memory"}
	pg := defaults
	pg.store, pg.dsn = "postgres", "postgres://u@h/db"
	tests := []struct {
		name string
		args []string
		want config
		err  string
	}{
		{name: "defaults", want: defaults},
		{name: "postgres", args: []string{"-store", "postgres", "-dsn", "postgres://u@h/db"},
			want: pg},
		{name: "unknown store", args: []string{"-store", "mysql"},
			err: `-store must be memory or postgres, not "mysql"`},
		{name: "postgres without dsn", args: []string{"-store", "postgres"},
			err: "-store postgres needs -dsn"},
		{name: "dsn without postgres", args: []string{"-dsn", "postgres://u@h/db"},
			err: "-dsn needs -store postgres"},
		{name: "stray argument", args: []string{"memory"},
			err: `unexpected arguments: ["memory"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFlags(tt.args, io.Discard)
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestOpenStore_Memory(t *testing.T) {
	var opts casehttp.Options
	store, stop, err := openStore(context.Background(), config{store: "memory"}, &opts)
	require.NoError(t, err)
	defer stop()
	assert.IsType(t, &casehttp.MemoryStore{}, store)
	assert.IsType(t, &casehttp.Webhooks{}, opts.Notifier)
}

// TestWebhookSender posts an event as casehttp.Webhooks would: a receiver
// verifies its signature and reads its headers.
func TestWebhookSender(t *testing.T) {
	env := casetest.NewEnv()
	c, events, err := cases.Open(casetest.RATerminationOpen(), env.Cases())
	require.NoError(t, err)
	require.Len(t, events, 1)
	want, err := events[0].MarshalJSON()
	require.NoError(t, err)

	got := make(chan *http.Request, 1)
	bodies := make(chan []byte, 1)
	var status atomic.Int32
	status.Store(http.StatusNoContent)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- r
		bodies <- body
		w.WriteHeader(int(status.Load()))
	}))
	defer srv.Close()

	s := &webhookSender{url: srv.URL, secret: "whsec_x", client: srv.Client(), now: env.Now}
	d := postgres.Delivery{Seq: 7, Attempt: 2, Event: events[0]}
	require.NoError(t, s.Send(context.Background(), d))
	r, body := <-got, <-bodies
	assert.Equal(t, string(want), string(body))
	assert.NoError(t, casehttp.VerifySignature("whsec_x", r.Header.Get(casehttp.SignatureHeader),
		body, env.Now(), time.Minute))
	assert.Equal(t, events[0].ID, r.Header.Get("Case-Event-Id"))
	assert.Equal(t, "2", r.Header.Get("Case-Delivery-Attempt"))
	assert.Equal(t, c.ID, events[0].Data.ID)

	status.Store(http.StatusServiceUnavailable)
	err = s.Send(context.Background(), d)
	<-got
	<-bodies
	assert.EqualError(t, err, srv.URL+" answered 503")
}
