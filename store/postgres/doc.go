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
// [Migrate] creates, in the first schema of the search_path, the tables
// cases, outbox and idempotency, and schema_migrations, which records the
// applied migrations. The migrations are embedded in the package; the
// database must use the UTF8 encoding.
//
// The cases table keeps each case whole, as the cases package encodes
// it, in the jsonb column doc, next to copies of the values that lists
// filter on (parent_type, parent_id, status, kind), created_at and id.
// jsonb keeps values, not text: it refuses U+0000 in a string, which a
// metadata value may hold, and rewrites a number such as 1e3 as 1000. A
// case that jsonb would refuse or change is kept in the json column
// doc_json instead, byte for byte, and doc is null. A stored case
// therefore always reads back exactly as it was written, and a retried
// response stays identical to the stored one. The ETag of a case is its
// version, a counter, and depends on neither column.
//
// Lists run newest first by seq, an identity column that numbers the
// cases as they are inserted, and not by created_at: created_at comes
// from the clock of the replica that opened the case, so it ties (a
// fixed clock, two cases in one microsecond) and, when the replicas'
// clocks differ, runs against the order of creation, which would let a
// cursor on it pass a case by. Each filter has an index ordered by seq
// after the filtered value, so that every list, whatever its filters, is
// a backward scan of one index that stops at the end of its page;
// created_at has an index of its own, for questions by time.
//
// Idempotency records expire after [Options.IdempotencyTTL]; call
// [Store.DeleteExpired] now and then (hourly, say) to remove them.
//
// # Guarantees
//
//   - Every change to a case is one transaction that locks the case's
//     row, so that concurrent changes, from any replica, apply one after
//     the other and none is lost. The change's events are written to the
//     outbox in the same transaction: a committed change always has its
//     events, and a failed one has none.
//   - A cursor names the last case of a page and a page holds the cases
//     numbered below it, so that, as with the memory store, every case
//     that existed at the first page is seen exactly once, whichever
//     replica serves each page. (A number is taken when a case is
//     inserted, and two creations may commit in the other order: a case
//     created during the walk may show up on a later page, never twice.)
//   - An Idempotency-Key reserved on one replica is seen by all: a retry
//     sent to another replica gets the first answer again, byte for byte.
//   - [Store.Events] pages the outbox by sequence number without passing
//     an event by: it waits for the changes that are writing events.
//   - The [Dispatcher] delivers every event at least once, each case's
//     events in order. Every attempt at an event carries the same event
//     ID and the same body, read from the one outbox row written with
//     the change, so a receiver can drop a repeat by its ID. The events
//     of a round whose process or database session dies go to the other
//     dispatchers; a hung dispatcher holds its events for at most
//     [DispatcherOptions.SendTimeout] and one second.
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
