package postgres_test

import (
	"context"
	"sync"
	"testing"

	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMigrate_ConcurrentAndRepeated migrates one empty schema from four
// pools at once, as replicas that start together do, and then once more:
// every call succeeds and each migration is applied once.
func TestMigrate_ConcurrentAndRepeated(t *testing.T) {
	s := newSchema(t)
	ctx := context.Background()
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range errs {
		db := s.open(t, 1)
		wg.Go(func() { errs[i] = postgres.Migrate(ctx, db) })
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "call %d", i)
	}

	db := s.open(t, 1)
	require.NoError(t, postgres.Migrate(ctx, db))
	rows, err := db.Query(`SELECT version, name FROM schema_migrations ORDER BY version`)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var v int
		var name string
		require.NoError(t, rows.Scan(&v, &name))
		got = append(got, name)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{"init"}, got)

	var tables []string
	rows2, err := db.Query(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = $1 ORDER BY table_name`, s.name)
	require.NoError(t, err)
	defer rows2.Close()
	for rows2.Next() {
		var name string
		require.NoError(t, rows2.Scan(&name))
		tables = append(tables, name)
	}
	require.NoError(t, rows2.Err())
	assert.Equal(t, []string{"cases", "idempotency", "outbox", "schema_migrations"}, tables)
}
