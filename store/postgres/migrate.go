package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// migrationFiles holds the schema's migrations, named
// <version>_<name>.sql, applied in the order of their versions.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one file of migrationFiles.
type migration struct {
	version int
	name    string
	sql     string
}

// lockSQL takes the lock that serializes migrations of one schema, held
// until the migration's transaction ends.
const lockSQL = `SELECT pg_advisory_xact_lock(
	hashtext('github.com/casekit/cases/store/postgres:' || coalesce(current_schema(), '')))`

const versionsTableSQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now())`

// Migrate brings the schema of db up to date: it creates the tables of
// the store in the first schema of the connection's search_path and
// records each applied migration in its table schema_migrations.
//
// It runs in one transaction, under an advisory lock on the schema, so
// that replicas that start together may all call it: one applies what is
// missing, the others wait and then find nothing to do. Running it again
// changes nothing. A migration fails as a whole, leaving the schema as it
// was.
func Migrate(ctx context.Context, db *sql.DB) error {
	all, err := migrations()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer func() { _ = tx.Rollback() }()

	if _, err := tx.ExecContext(ctx, lockSQL); err != nil {
		return fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, versionsTableSQL); err != nil {
		return fmt.Errorf("postgres: migrate: create schema_migrations: %w", err)
	}
	applied, err := appliedVersions(ctx, tx)
	if err != nil {
		return err
	}
	for _, m := range all {
		if applied[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("postgres: migrate: %04d_%s: %w", m.version, m.name, err)
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name)
		if err != nil {
			return fmt.Errorf("postgres: migrate: record %04d: %w", m.version, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: migrate: commit: %w", err)
	}
	return nil
}

// appliedVersions returns the versions that schema_migrations records.
func appliedVersions(ctx context.Context, tx *sql.Tx) (map[int]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("postgres: migrate: read versions: %w", err)
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("postgres: migrate: read versions: %w", err)
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: migrate: read versions: %w", err)
	}
	return applied, nil
}

// migrations returns the embedded migrations in the order of their
// versions.
func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, fmt.Errorf("postgres: migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		base := strings.TrimSuffix(e.Name(), ".sql")
		num, name, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("postgres: migration %s: name must be <version>_<name>.sql",
				e.Name())
		}
		text, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("postgres: migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: name, sql: string(text)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	return out, nil
}
