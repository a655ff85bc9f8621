package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/store/postgres"
)

// webhookSender posts each event the dispatcher hands it to one URL, as
// [casehttp.Webhooks] does: the JSON of the envelope, signed with
// [casehttp.Sign], with the headers Case-Event-Id and
// Case-Delivery-Attempt. It makes one attempt per call; the dispatcher
// retries with backoff.
type webhookSender struct {
	url, secret string
	client      *http.Client
	now         func() time.Time
}

// Send posts d's event and succeeds on a 2xx answer.
func (s *webhookSender) Send(ctx context.Context, d postgres.Delivery) error {
	body, err := d.Event.MarshalJSON()
	if err != nil {
		return fmt.Errorf("encode event %s: %w", d.Event.ID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "casehttp-webhooks")
	req.Header.Set(casehttp.SignatureHeader, casehttp.Sign(s.secret, s.now(), body))
	req.Header.Set("Case-Event-Id", d.Event.ID)
	req.Header.Set("Case-Delivery-Attempt", strconv.Itoa(d.Attempt))
	res, err := s.client.Do(req)
	if err != nil {
		return err
	}
	// Reading the body lets the client reuse the connection.
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	_ = res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return fmt.Errorf("%s answered %d", s.url, res.StatusCode)
	}
	return nil
}
