// Partner shows a partner's integration with the case API, and how to test
// it: partner.go takes the platform's signed webhooks, fetches each case
// that needs the partner's customer, renders a form from the requested
// fields and sends the customer's answers, checked first with the same
// rules the platform applies. main_test.go drives it end to end against
// casetest.NewServer, a fake of the API built from the real handler.
//
// Run the tests with:
//
//	go test ./examples/partner
//
// Run it against the example server (go run ./examples/server -webhook
// http://localhost:9090/webhooks -webhook-secret whsec_demo) with:
//
//	go run ./examples/partner -api http://localhost:8080 -secret whsec_demo
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "localhost:9090", "address of the webhook endpoint")
	api := flag.String("api", "http://localhost:8080", "base URL of the case API")
	key := flag.String("key", "sk_test_partner", "API key")
	secret := flag.String("secret", "whsec_demo", "webhook signing secret")
	flag.Parse()

	p := &Partner{API: *api, Key: *key, Secret: *secret,
		Client: &http.Client{Timeout: 10 * time.Second}, Now: time.Now}
	mux := http.NewServeMux()
	mux.Handle("POST /webhooks", p)
	fmt.Printf("partner: webhooks on http://%s/webhooks, API at %s\n", *addr, *api)
	if err := http.ListenAndServe(*addr, mux); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
