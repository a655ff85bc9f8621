package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
)

// Partner is a partner's integration with the case API: it takes the
// platform's webhooks, fetches each case that needs its customer, renders
// a form from the requested fields, and sends the customer's answers.
type Partner struct {
	// API is the base URL of the case API, such as https://api.example.com.
	API string
	// Key is the partner's secret API key.
	Key string
	// Secret is the webhook endpoint's signing secret.
	Secret string
	// Client sends the API requests.
	Client *http.Client
	// Now is the partner's clock, for the signature's age.
	Now func() time.Time

	mu    sync.Mutex
	forms map[string]string       // case ID -> rendered form
	seen  map[string]cases.Status // case ID -> status of the last event
}

// ServeHTTP takes one webhook: it verifies the signature, decodes the
// event leniently (the API may add values), and renders a form for a case
// that needs a response.
func (p *Partner) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get(casehttp.SignatureHeader)
	if err := casehttp.VerifySignature(p.Secret, sig, body, p.Now(), 5*time.Minute); err != nil {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	var ev cases.Event
	if err := json.Unmarshal(body, &ev); err != nil || ev.Data == nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if err := p.handle(r.Context(), &ev); err != nil {
		// A 5xx makes the platform retry the webhook later.
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handle records the case's status and renders the form of a case that
// needs a response, from the case as the API has it now: events may
// arrive late or twice.
func (p *Partner) handle(ctx context.Context, ev *cases.Event) error {
	c, _, err := p.fetch(ctx, ev.Data.ID)
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen == nil {
		p.seen, p.forms = map[string]cases.Status{}, map[string]string{}
	}
	p.seen[c.ID] = c.Status
	if c.Status == cases.StatusNeedsResponse {
		p.forms[c.ID] = RenderForm(c)
	} else {
		delete(p.forms, c.ID)
	}
	return nil
}

// Form returns the form rendered for a case, and whether there is one.
func (p *Partner) Form(id string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f, ok := p.forms[id]
	return f, ok
}

// Status returns the status the partner last saw for a case.
func (p *Partner) Status(id string) cases.Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen[id]
}

// RenderForm renders the requested fields of a case as a plain-text form,
// one line per field.
func RenderForm(c *cases.Case) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", c.Summary)
	req, ok := c.Request.(*cases.MissingInformationRequest)
	if !ok {
		fmt.Fprintf(&b, "- acknowledge (boolean, required)\n")
		return b.String()
	}
	for _, f := range req.Fields {
		need := "optional"
		if f.Required {
			need = "required"
		}
		fmt.Fprintf(&b, "- %s: %s (%s, %s)\n", f.Name, f.Description, f.Type, need)
	}
	return b.String()
}

// Answer sends the customer's answers to a case. It checks them against
// the request first, with the rules the platform uses, so that a mistake
// reaches the customer without a round trip; the platform's own refusal
// comes back as a [*cases.Error] too.
func (p *Partner) Answer(ctx context.Context, id string, answers map[string]any) error {
	c, etag, err := p.fetch(ctx, id)
	if err != nil {
		return err
	}
	var resp cases.Payload = &cases.MissingInformationResponse{Fields: answers}
	if c.Kind == cases.KindRATermination {
		resp = &cases.RATerminationResponse{Acknowledged: answers["acknowledge"] == true}
	}
	if err := c.CheckResponse(resp); err != nil {
		return err
	}
	body, err := resp.MarshalJSON()
	if err != nil {
		return err
	}
	req, err := p.request(ctx, http.MethodPost, "/v1/case/"+id+"/response", body)
	if err != nil {
		return err
	}
	// The same answer to the same version is one request, however often
	// it is retried.
	req.Header.Set("Idempotency-Key", "answer-"+id+"-"+strings.Trim(etag, `"`))
	req.Header.Set("If-Match", etag)
	_, _, err = p.do(req)
	return err
}

// fetch returns a case and its ETag.
func (p *Partner) fetch(ctx context.Context, id string) (*cases.Case, string, error) {
	req, err := p.request(ctx, http.MethodGet, "/v1/case/"+id, nil)
	if err != nil {
		return nil, "", err
	}
	return p.do(req)
}

func (p *Partner) request(ctx context.Context, method, path string,
	body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, p.API+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+p.Key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// do sends req and decodes the case it answers, or the problem.
func (p *Partner) do(req *http.Request) (*cases.Case, string, error) {
	res, err := p.Client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, "", err
	}
	if res.StatusCode != http.StatusOK {
		return nil, "", problemError(res.StatusCode, body)
	}
	var c cases.Case
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, "", err
	}
	return &c, res.Header.Get("ETag"), nil
}

// problemError turns problem details back into an error: a [*cases.Error]
// for a problem of the cases package, whose items say what to fix, so
// that callers read them as they read a local check's; an error that
// names the status and the code otherwise (a stale If-Match, an unknown
// case, a failure of the API).
func problemError(status int, body []byte) error {
	var p cases.Problem
	if err := json.Unmarshal(body, &p); err != nil || len(p.Errors) == 0 {
		return fmt.Errorf("case API answered %d", status)
	}
	if strings.HasPrefix(p.Type, casehttp.TypeBase) || !strings.Contains(p.Type, "#") {
		return fmt.Errorf("case API answered %d: %s (%s)", status, p.Title, p.Errors[0].Code)
	}
	items := make([]cases.Item, len(p.Errors))
	for i, it := range p.Errors {
		items[i] = cases.Item{Parameter: it.Parameter, Code: it.Code, Message: it.Detail}
		if it.Pointer != nil {
			items[i].Pointer = *it.Pointer
		}
	}
	return &cases.Error{Err: family(p.Type), Items: items}
}

// family returns the sentinel a problem type names.
func family(typ string) error {
	for name, err := range map[string]error{
		"#ErrTransition":          cases.ErrTransition,
		"#ErrClosed":              cases.ErrClosed,
		"#ErrNotAwaitingResponse": cases.ErrNotAwaitingResponse,
	} {
		if strings.HasSuffix(typ, name) {
			return err
		}
	}
	return cases.ErrInvalid
}
