package casehttp_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
)

// A service mounts the handler on its own mux, over its store, and has
// its webhooks deliver the events that the store keeps.
func ExampleNewHandler() {
	env := casetest.NewEnv() // a fixed clock and counting IDs, for stable output
	store := casehttp.NewMemoryStore()
	hooks := casehttp.NewWebhooks(store, casehttp.WebhookOptions{})
	defer hooks.Close()
	h := casehttp.NewHandler(store, casehttp.Options{
		Now: env.Now, NewID: env.NewID, Notifier: hooks,
	})
	mux := http.NewServeMux()
	mux.Handle("/v1/", h)

	body := `{"parent_type":"filing","parent_id":"fil_1","kind":"ra_termination",
		"status":"needs_response","summary":"Service ends.",
		"request":{"reason":"switching_providers"}}`
	req := httptest.NewRequest("POST", "/v1/case", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer sk_test_123")
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	var p cases.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		panic(err)
	}
	fmt.Println(p.Type)
	for _, it := range p.Errors {
		fmt.Println(*it.Pointer, it.Code)
	}
	// Output:
	// 400 application/problem+json
	// https://pkg.go.dev/github.com/casekit/cases#ErrInvalid
	// /parent_type invalid_value
}

// A partner checks the signature of every webhook before it trusts the
// body.
func ExampleVerifySignature() {
	secret := "whsec_test_1"
	sent := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"id":"evt_1","object":"event"}`)
	header := casehttp.Sign(secret, sent, body)
	fmt.Println(header)

	now := sent.Add(30 * time.Second)
	fmt.Println(casehttp.VerifySignature(secret, header, body, now, 5*time.Minute))
	err := casehttp.VerifySignature(secret, header, []byte(`{}`), now, 5*time.Minute)
	fmt.Println(err != nil)
	// Output:
	// t=1772442000,v1=aa8c1aa4977c666b5ae1577bee8a79a41ca994bc5a91d7f9cd4c1d60634abd27
	// <nil>
	// true
}
