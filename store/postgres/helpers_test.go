package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	"github.com/casekit/cases/store/postgres"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/require"
)

// dsnVar names the environment variable that holds the test server's DSN.
const dsnVar = "CASES_TEST_POSTGRES_DSN"

// serverDSN returns the DSN of the test server, or skips the test when
// none is configured.
func serverDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(dsnVar)
	if dsn == "" {
		t.Skip("set " + dsnVar + " to run the PostgreSQL tests, for example " + dsnVar +
			"='postgres://postgres@127.0.0.1:5432/test?sslmode=disable'")
	}
	return dsn
}

// testSchema is a schema of its own for one test, dropped when it ends.
type testSchema struct {
	name string
	cfg  *pgx.ConnConfig // connects with the schema as search_path
}

// newSchema creates a fresh schema on the test server, or skips the test
// when no server is configured. A server that is configured but cannot
// be reached fails the test.
func newSchema(t testing.TB) *testSchema {
	t.Helper()
	dsn := serverDSN(t)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatalf("%s: %v", dsnVar, err)
	}
	admin := stdlib.OpenDB(*cfg)
	t.Cleanup(func() { _ = admin.Close() })
	if err := admin.PingContext(context.Background()); err != nil {
		t.Fatalf("cannot reach the PostgreSQL server of %s: %v", dsnVar, err)
	}

	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "cases_test_" + hex.EncodeToString(b[:])
	_, err = admin.Exec("CREATE SCHEMA " + name)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec("DROP SCHEMA " + name + " CASCADE")
		if err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})

	cfg = cfg.Copy()
	cfg.RuntimeParams["search_path"] = name
	return &testSchema{name: name, cfg: cfg}
}

// open returns a new pool of at most maxConns connections to the schema,
// closed when the test ends (before the schema is dropped).
func (s *testSchema) open(t testing.TB, maxConns int) *sql.DB {
	t.Helper()
	db := stdlib.OpenDB(*s.cfg)
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// newDB returns a pool on a fresh, migrated schema.
func newDB(t testing.TB) (*testSchema, *sql.DB) {
	t.Helper()
	s := newSchema(t)
	db := s.open(t, 8)
	require.NoError(t, postgres.Migrate(context.Background(), db))
	return s, db
}
