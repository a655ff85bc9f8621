package casehttp_test

import (
	"strings"
	"testing"
	"time"

	"github.com/casekit/cases/casehttp"
	"github.com/stretchr/testify/assert"
)

// TestVerifySignature checks headers signed at 09:00:00 against secrets,
// bodies and times: a refusal wraps ErrSignature and says why. A timestamp
// exactly the tolerance away is accepted, and a tolerance that is not
// positive accepts any timestamp.
func TestVerifySignature(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	body := []byte(`{"id":"evt"}`)
	good := casehttp.Sign("whsec_1", at, body)
	const tolerance = 5 * time.Minute
	const (
		badForm = "header must be t=<unix>,v1=<hex>"
		badTime = "timestamp is outside the tolerance"
		badMAC  = "no signature matches the body"
	)
	tests := []struct {
		name      string
		secret    string
		header    string
		body      string
		now       time.Time
		tolerance time.Duration
		reason    string // "": accepted
	}{
		{name: "valid", secret: "whsec_1", header: good, body: string(body), now: at,
			tolerance: tolerance},
		{name: "valid among several", secret: "whsec_1",
			header: good + ",v1=" + strings.Repeat("0", 64), body: string(body), now: at,
			tolerance: tolerance},
		{name: "other secret", secret: "whsec_2", header: good, body: string(body), now: at,
			tolerance: tolerance, reason: badMAC},
		{name: "changed body", secret: "whsec_1", header: good, body: `{"id":"evu"}`, now: at,
			tolerance: tolerance, reason: badMAC},
		{name: "exactly the tolerance old", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(tolerance), tolerance: tolerance},
		{name: "a second more than the tolerance old", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(tolerance + time.Second), tolerance: tolerance,
			reason: badTime},
		{name: "exactly the tolerance ahead", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(-tolerance), tolerance: tolerance},
		{name: "a second more than the tolerance ahead", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(-tolerance - time.Second), tolerance: tolerance,
			reason: badTime},
		{name: "a day old with no tolerance", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(24 * time.Hour)},
		{name: "a day ahead with a negative tolerance", secret: "whsec_1", header: good,
			body: string(body), now: at.Add(-24 * time.Hour), tolerance: -time.Second},
		{name: "no timestamp", secret: "whsec_1", header: good[strings.Index(good, ",")+1:],
			body: string(body), now: at, tolerance: tolerance, reason: badForm},
		{name: "empty", secret: "whsec_1", header: "", body: string(body), now: at,
			tolerance: tolerance, reason: badForm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := casehttp.VerifySignature(tt.secret, tt.header, []byte(tt.body), tt.now,
				tt.tolerance)
			if tt.reason == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, casehttp.ErrSignature)
			assert.EqualError(t, err, casehttp.ErrSignature.Error()+"\n"+tt.reason)
		})
	}
}
