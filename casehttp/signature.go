package casehttp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// SignatureHeader is the header that carries the signature of a webhook.
const SignatureHeader = "Case-Signature"

// ErrSignature reports a webhook whose signature header is missing,
// malformed, too old or not made with the endpoint's secret.
var ErrSignature = errors.New("casehttp: invalid webhook signature")

// Sign returns the value of the [SignatureHeader] for a webhook body sent
// at time t: "t=<unix seconds>,v1=<hex>", where hex is the HMAC-SHA256,
// keyed with secret, of the timestamp, a full stop and the body.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// VerifySignature checks the value of a [SignatureHeader] against the body
// it came with and the endpoint's secret. With a positive tolerance it
// also refuses a timestamp further than tolerance from now, which stops
// replays of old webhooks. Any v1 entry that matches is enough, so that a
// sender may sign with an old and a new secret while it rolls them. A
// failure is an error wrapping [ErrSignature].
func VerifySignature(secret, header string, body []byte, now time.Time,
	tolerance time.Duration) error {
	var ts string
	var sigs []string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return errors.Join(ErrSignature, errors.New("header must be t=<unix>,v1=<hex>"))
	}
	if tolerance > 0 {
		if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
			return errors.Join(ErrSignature, errors.New("timestamp is outside the tolerance"))
		}
	}
	want := []byte(mac(secret, ts, body))
	for _, s := range sigs {
		if hmac.Equal([]byte(s), want) {
			return nil
		}
	}
	return errors.Join(ErrSignature, errors.New("no signature matches the body"))
}
