package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casehttp/storetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStore_Contract runs the store contract suite, each test on a fresh
// schema.
func TestStore_Contract(t *testing.T) {
	serverDSN(t)
	storetest.Run(t, func(t *testing.T) casehttp.Store {
		_, db := newDB(t)
		return postgres.New(db, postgres.Options{})
	})
}

// TestStore_IdempotencyRecordsExpire ages two records past the TTL: a
// new request with one key reserves it afresh, and DeleteExpired removes
// the other, leaving the live records.
func TestStore_IdempotencyRecordsExpire(t *testing.T) {
	_, db := newDB(t)
	s := postgres.New(db, postgres.Options{IdempotencyTTL: time.Hour})
	ctx := context.Background()
	for _, key := range []string{"old-1", "old-2", "live"} {
		rec, err := s.Reserve(ctx, key, "fp-"+key)
		require.NoError(t, err)
		require.Nil(t, rec)
	}
	require.NoError(t, s.Complete(ctx, "old-1", &casehttp.Answer{Status: 200}))
	_, err := db.Exec(`UPDATE idempotency SET reserved_at = now() - interval '61 minutes'
		WHERE key LIKE 'old-%'`)
	require.NoError(t, err)

	rec, err := s.Reserve(ctx, "old-1", "fp-new")
	require.NoError(t, err)
	assert.Nil(t, rec, "an expired record counts as absent")
	rec, err = s.Reserve(ctx, "old-1", "fp-other")
	require.NoError(t, err)
	assert.Equal(t, &casehttp.IdempotencyRecord{Fingerprint: "fp-new"}, rec)

	n, err := s.DeleteExpired(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	var keys []string
	rows, err := db.Query(`SELECT key FROM idempotency ORDER BY key`)
	require.NoError(t, err)
	defer rows.Close()
	for rows.Next() {
		var k string
		require.NoError(t, rows.Scan(&k))
		keys = append(keys, k)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{"live", "old-1"}, keys)
}
