// Server serves the case API: every endpoint of casehttp, with signed
// webhooks to one optional URL. Any key of the form sk_test_... or
// sk_live_... is accepted.
//
// By default it keeps the cases in memory: every case, event and
// idempotency record stays until the server stops, and none survives it.
// With -store postgres it keeps them in the PostgreSQL database that -dsn
// names: it migrates the schema at start, deletes the expired idempotency
// records at start and then every hour, and a dispatcher delivers the
// events from the database's outbox, at least once each, also those of
// changes made before a restart. Several servers may share one database
// (start each on its own -addr); they are replicas of one service.
//
// This folder is a module of its own, so that the main module does not
// depend on the PostgreSQL driver; the repository's go.work lets it run
// from the repository root:
//
//	go run ./examples/server [-addr localhost:8080] [-webhook URL -webhook-secret S] \
//		[-store memory|postgres -dsn postgres://user@host:5432/db?sslmode=disable]
//
// and try it, from the repository root too, with:
//
//	curl -s -H 'Authorization: Bearer sk_test_demo' \
//		-H 'Content-Type: application/json' \
//		-d @testdata/open_typical.json localhost:8080/v1/case
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/store/postgres"
)

// webhookTimeout bounds one delivery of an event to the webhook endpoint.
const webhookTimeout = 10 * time.Second

// config holds the command line.
type config struct {
	addr, webhook, secret string
	store, dsn            string
}

// parseFlags reads the command line.
func parseFlags(args []string, errOut io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.StringVar(&c.addr, "addr", "localhost:8080", "address to listen on")
	fs.StringVar(&c.webhook, "webhook", "", "URL that receives every event")
	fs.StringVar(&c.secret, "webhook-secret", "whsec_demo", "secret that signs the webhooks")
	fs.StringVar(&c.store, "store", "memory", "where cases are kept: memory or postgres")
	fs.StringVar(&c.dsn, "dsn", "", "PostgreSQL DSN, for -store postgres")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	switch {
	case fs.NArg() > 0:
		return config{}, fmt.Errorf("unexpected arguments: %q", fs.Args())
	case c.store != "memory" && c.store != "postgres":
		return config{}, fmt.Errorf("-store must be memory or postgres, not %q", c.store)
	case c.store == "postgres" && c.dsn == "":
		return config{}, errors.New("-store postgres needs -dsn")
	case c.store == "memory" && c.dsn != "":
		return config{}, errors.New("-dsn needs -store postgres")
	}
	return c, nil
}

func main() {
	c, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run serves the API until ctx is done.
func run(ctx context.Context, c config) error {
	opts := casehttp.Options{
		OnError: func(r *http.Request, err error) {
			fmt.Fprintf(os.Stderr, "%s %s: %v\n", r.Method, r.URL.Path, err)
		},
	}
	store, stopStore, err := openStore(ctx, c, &opts)
	if err != nil {
		return err
	}
	defer stopStore()

	srv := &http.Server{Addr: c.addr, Handler: casehttp.NewHandler(store, opts),
		ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	fmt.Printf("serving the case API on http://%s/v1/case, cases kept in %s\n",
		c.addr, c.store)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// openStore returns the store that c selects, sets the notifier of opts
// that delivers its events, and returns a function that stops them.
func openStore(ctx context.Context, c config,
	opts *casehttp.Options) (casehttp.Store, func(), error) {
	if c.store == "memory" {
		store := casehttp.NewMemoryStore()
		hooks := casehttp.NewWebhooks(store, casehttp.WebhookOptions{})
		if c.webhook != "" {
			hooks.Register(c.webhook, c.secret)
		}
		opts.Notifier = hooks
		return store, hooks.Close, nil
	}

	db, err := postgres.OpenDB(c.dsn)
	if err != nil {
		return nil, nil, err
	}
	if err := postgres.Migrate(ctx, db); err != nil {
		_ = db.Close()
		return nil, nil, err
	}
	store := postgres.New(db, postgres.Options{})
	bg, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	ticker := time.NewTicker(sweepInterval)
	wg.Go(func() {
		sweep(bg, store, ticker.C, func(err error) {
			fmt.Fprintln(os.Stderr, "idempotency records:", err)
		})
	})
	// Without an endpoint the events stay in the outbox, pending, for a
	// server started later with -webhook.
	if c.webhook != "" {
		sender := &webhookSender{url: c.webhook, secret: c.secret,
			client: &http.Client{Timeout: webhookTimeout}, now: time.Now}
		d := postgres.NewDispatcher(db, sender, postgres.DispatcherOptions{
			// A replica that hangs mid-delivery releases its events
			// to the others once one send could have timed out.
			SendTimeout: webhookTimeout,
			OnError:     func(err error) { fmt.Fprintln(os.Stderr, "webhooks:", err) },
		})
		opts.Notifier = d
		wg.Go(func() { _ = d.Run(bg) })
	}
	return store, func() {
		cancel()
		wg.Wait()
		ticker.Stop()
		_ = db.Close()
	}, nil
}
