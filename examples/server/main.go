// Server serves the case API on the in-memory store: every endpoint of
// casehttp, with signed webhooks to one optional URL. It keeps nothing
// when it stops. Any key of the form sk_test_... or sk_live_... is
// accepted.
//
// Run it from the repository root with:
//
//	go run ./examples/server [-addr localhost:8080] [-webhook URL -webhook-secret S]
//
// and try it with:
//
//	curl -s -H 'Authorization: Bearer sk_test_demo' \
//		-H 'Content-Type: application/json' \
//		-d @testdata/open_typical.json localhost:8080/v1/case
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/casekit/cases/casehttp"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	webhook := flag.String("webhook", "", "URL that receives every event")
	secret := flag.String("webhook-secret", "whsec_demo", "secret that signs the webhooks")
	flag.Parse()

	hooks := casehttp.NewWebhooks(casehttp.WebhookOptions{})
	defer hooks.Close()
	if *webhook != "" {
		hooks.Register(*webhook, *secret)
	}
	h := casehttp.NewHandler(casehttp.NewMemoryStore(), casehttp.Options{
		Notifier: hooks,
		OnError: func(r *http.Request, err error) {
			fmt.Fprintf(os.Stderr, "%s %s: %v\n", r.Method, r.URL.Path, err)
		},
	})
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving the case API on http://%s/v1/case\n", *addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
