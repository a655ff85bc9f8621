package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/casekit/cases/casehttp"
)

// reserveSQL reserves a key that has no record, or whose record expired.
const reserveSQL = `INSERT INTO idempotency (key, fingerprint) VALUES ($1, $2)
	ON CONFLICT (key) DO UPDATE
		SET fingerprint = EXCLUDED.fingerprint, reserved_at = now(),
			status = NULL, header = NULL, body = NULL
		WHERE idempotency.reserved_at < now() - make_interval(secs => $3)`

const recordSQL = `SELECT fingerprint, status, header, body FROM idempotency
	WHERE key = $1 AND reserved_at >= now() - make_interval(secs => $2)`

// maxReserveTries bounds the rounds of Reserve, each of which finds the
// key taken and then gone (released or expired in between).
const maxReserveTries = 8

// Reserve records key as in progress and returns nil, or returns the
// record the key already has. A record older than the store's
// IdempotencyTTL counts as absent and is replaced. Of several calls with
// one key, on any number of processes, exactly one reserves it.
func (s *Store) Reserve(ctx context.Context, key,
	fingerprint string) (*casehttp.IdempotencyRecord, error) {
	ttl := s.ttl.Seconds()
	for range maxReserveTries {
		res, err := s.db.ExecContext(ctx, reserveSQL, key, fingerprint, ttl)
		if err != nil {
			return nil, fmt.Errorf("postgres: reserve idempotency key: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("postgres: reserve idempotency key: %w", err)
		}
		if n == 1 {
			return nil, nil
		}
		rec, err := s.record(ctx, key, ttl)
		if err != nil || rec != nil {
			return rec, err
		}
	}
	return nil, fmt.Errorf("postgres: reserve idempotency key: record kept changing in %d tries",
		maxReserveTries)
}

// record returns the live record of key, or nil when there is none.
func (s *Store) record(ctx context.Context, key string,
	ttl float64) (*casehttp.IdempotencyRecord, error) {
	var rec casehttp.IdempotencyRecord
	var status sql.NullInt32
	var header, body []byte
	err := s.db.QueryRowContext(ctx, recordSQL, key, ttl).
		Scan(&rec.Fingerprint, &status, &header, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: read idempotency record: %w", err)
	}
	if !status.Valid {
		return &rec, nil
	}
	a := &casehttp.Answer{Status: int(status.Int32), Body: body}
	if err := json.Unmarshal(header, &a.Header); err != nil {
		return nil, fmt.Errorf("postgres: decode idempotency record: %w", err)
	}
	rec.Answer = a
	return &rec, nil
}

// Complete stores the answer of the request that reserved key: its
// status, every header value in order, and the body's bytes. A header
// name or value that is not valid UTF-8 cannot be kept exactly and is
// refused.
func (s *Store) Complete(ctx context.Context, key string, answer *casehttp.Answer) error {
	if err := checkHeader(answer.Header); err != nil {
		return fmt.Errorf("postgres: complete idempotency key: %w", err)
	}
	header, err := json.Marshal(answer.Header)
	if err != nil {
		return fmt.Errorf("postgres: complete idempotency key: %w", err)
	}
	_, err = s.db.ExecContext(ctx,
		`UPDATE idempotency SET status = $2, header = $3, body = $4 WHERE key = $1`,
		key, answer.Status, header, answer.Body)
	if err != nil {
		return fmt.Errorf("postgres: complete idempotency key: %w", err)
	}
	return nil
}

// checkHeader refuses a header that JSON would change.
func checkHeader(h http.Header) error {
	for k, vs := range h {
		if !utf8.ValidString(k) {
			return fmt.Errorf("header name %q is not valid UTF-8", k)
		}
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return fmt.Errorf("value of header %s is not valid UTF-8", k)
			}
		}
	}
	return nil
}

// Release forgets the record of key.
func (s *Store) Release(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM idempotency WHERE key = $1`, key); err != nil {
		return fmt.Errorf("postgres: release idempotency key: %w", err)
	}
	return nil
}

// DeleteExpired deletes the idempotency records older than the store's
// IdempotencyTTL, which Reserve already treats as absent, and returns how
// many it deleted. Nothing else deletes them: a service calls it now and
// then (hourly, say, from any one replica or from all) to keep the table
// small. Calls from several replicas at once are safe.
func (s *Store) DeleteExpired(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx,
		`DELETE FROM idempotency WHERE reserved_at < now() - make_interval(secs => $1)`,
		s.ttl.Seconds())
	if err != nil {
		return 0, fmt.Errorf("postgres: delete expired idempotency records: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("postgres: delete expired idempotency records: %w", err)
	}
	return n, nil
}
