// Package postgres keeps the cases of a [casehttp.Handler] in PostgreSQL,
// so that several processes (replicas) can serve one API: a [Store] for
// the cases, the outbox of their events and the idempotency records, the
// schema's [Migrate], and a [Dispatcher] that delivers the outbox.
//
//	db, err := postgres.OpenDB("postgres://app@db:5432/cases?sslmode=disable")
//	...
//	if err := postgres.Migrate(ctx, db); err != nil { ... }
//	store := postgres.New(db, postgres.Options{})
//	dispatch := postgres.NewDispatcher(db, sender, postgres.DispatcherOptions{})
//	go dispatch.Run(ctx)
//	h := casehttp.NewHandler(store, casehttp.Options{Notifier: dispatch})
//
// The package uses database/sql with the pgx driver (its stdlib package,
// registered as "pgx"); any *sql.DB on that driver will do. It does not
// log and does not read the environment.
//
// # Schema
//
// [Migrate] creates, in the first schema of the search_path, the table
// cases (each case as the cases package encodes it, in a json column,
// with the columns that lists filter on), outbox and idempotency, and
// schema_migrations, which records the applied migrations. The migrations
// are embedded in the package.
//
// # Guarantees
//
//   - Every change to a case is one transaction that locks the case's
//     row, so that concurrent changes, from any replica, apply one after
//     the other and none is lost. The change's events are written to the
//     outbox in the same transaction: a committed change always has its
//     events, and a failed one has none.
//   - Lists run newest first by the order in which cases were created,
//     kept in an identity column (seq), not by created_at, which can tie.
//     A cursor names the last case of a page and a page holds the cases
//     numbered below it, so that, as with the memory store, every case
//     that existed at the first page is seen exactly once, whichever
//     replica serves each page. (A number is taken when a case is
//     inserted, and two creations may commit in the other order: a case
//     created during the walk may show up on a later page, never twice.)
//   - An Idempotency-Key reserved on one replica is seen by all: a retry
//     sent to another replica gets the first answer again, byte for byte.
//   - The [Dispatcher] delivers every event at least once, each case's
//     events in order, and never under two IDs; see its documentation.
//
// # Tests
//
// The tests need a PostgreSQL server and skip without one. They read its
// address from CASES_TEST_POSTGRES_DSN, and each test works in a schema of
// its own that it drops at the end:
//
//	CASES_TEST_POSTGRES_DSN='postgres://postgres@127.0.0.1:5432/test?sslmode=disable' \
//		go test -race ./...
package postgres
