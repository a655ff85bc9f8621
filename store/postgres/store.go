package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DefaultIdempotencyTTL is how long a [Store] keeps an idempotency record
// when [Options.IdempotencyTTL] is zero.
const DefaultIdempotencyTTL = 24 * time.Hour

// Options configures a [Store]. The zero value is ready to use.
type Options struct {
	// IdempotencyTTL is how long an idempotency record is kept after its
	// key was reserved: a later request with the key starts afresh. A
	// reservation whose answer never came (its process ended) is
	// released the same way. Zero means DefaultIdempotencyTTL.
	IdempotencyTTL time.Duration
}

// Store is a [casehttp.Store] on PostgreSQL, reached through database/sql
// with the pgx driver. Its tables must exist: call [Migrate] first.
//
// Each case is kept whole, as jsonb, or as json byte for byte when jsonb
// would change it (see the package documentation). Every change is one
// transaction: the case's row is locked (SELECT ... FOR UPDATE), the
// update function runs, the new case is written with a version check and
// its events join the outbox, and the transaction commits. Handlers on
// several processes, each with its own pool, may share one database: no
// change is lost, and an idempotency record written by one is replayed
// by the others. Store is safe for concurrent use.
type Store struct {
	db  *sql.DB
	ttl time.Duration
}

// New returns a store on db, whose schema [Migrate] has made.
func New(db *sql.DB, o Options) *Store {
	if o.IdempotencyTTL <= 0 {
		o.IdempotencyTTL = DefaultIdempotencyTTL
	}
	return &Store{db: db, ttl: o.IdempotencyTTL}
}

// OpenDB returns a pool of connections to the database that dsn names,
// in either form pgx reads: a URL
// ("postgres://user@host:5432/db?sslmode=disable") or key=value pairs.
// Any parameter pgx does not know, such as search_path, is set on every
// connection. It does not connect: the first query does.
func OpenDB(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return stdlib.OpenDB(*cfg), nil
}

// storedDecoder reads the documents the store wrote. Its limits are far
// above those of request bodies: a stored case holds a request and a
// response, each of which may come near the body limit, one level deeper.
var storedDecoder = cases.Decoder{
	Lenient:  true,
	MaxBytes: 1 << 30,
	MaxDepth: 4 * cases.DefaultMaxDepth,
}

const insertCaseSQL = `INSERT INTO cases
	(id, parent_type, parent_id, kind, status, created_at, version, doc, doc_json)
	VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
	ON CONFLICT (id) DO NOTHING`

// docSQL reads the encoding of a stored case from whichever of its
// columns holds it.
const docSQL = `coalesce(doc_json::text, doc::text)`

const getCaseSQL = `SELECT ` + docSQL + `, version FROM cases WHERE id = $1`

// Create stores a new case at version 1, with its events, in one
// transaction. A taken ID is [casehttp.ErrExists].
func (s *Store) Create(ctx context.Context, c *cases.Case,
	events []cases.Event) (casehttp.Record, error) {
	doc, docJSON, err := docColumns(c)
	if err != nil {
		return casehttp.Record{}, fmt.Errorf("postgres: create case %s: %w", c.ID, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, insertCaseSQL, c.ID, string(c.ParentType),
			c.ParentID, string(c.Kind), string(c.Status), c.CreatedAt, doc, docJSON)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return casehttp.ErrExists
		}
		return insertEvents(ctx, tx, c.ID, events)
	})
	if errors.Is(err, casehttp.ErrExists) {
		return casehttp.Record{}, casehttp.ErrExists
	}
	if err != nil {
		return casehttp.Record{}, fmt.Errorf("postgres: create case %s: %w", c.ID, err)
	}
	return casehttp.Record{Case: c, Version: 1}, nil
}

// Get returns the current record of case id, or [casehttp.ErrNotFound].
func (s *Store) Get(ctx context.Context, id string) (casehttp.Record, error) {
	var doc []byte
	var version int64
	err := s.db.QueryRowContext(ctx, getCaseSQL, id).Scan(&doc, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return casehttp.Record{}, casehttp.ErrNotFound
	}
	if err != nil {
		return casehttp.Record{}, fmt.Errorf("postgres: get case %s: %w", id, err)
	}
	return decodeRecord(doc, version)
}

// decodeRecord decodes a stored case.
func decodeRecord(doc []byte, version int64) (casehttp.Record, error) {
	c, err := storedDecoder.Case(doc)
	if err != nil {
		return casehttp.Record{}, fmt.Errorf("postgres: decode stored case: %w", err)
	}
	return casehttp.Record{Case: c, Version: version}, nil
}

// inTx runs fn in a transaction and commits it when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
