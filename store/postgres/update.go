package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
)

// errVersionMoved reports an UPDATE that found the case at another
// version than the one its transaction locked. The row lock makes it
// impossible; the version check in the statement makes sure of it.
var errVersionMoved = errors.New("case changed during the update")

const updateCaseSQL = `UPDATE cases
	SET parent_type = $3, parent_id = $4, kind = $5, status = $6, doc = $7,
		doc_json = $8, version = version + 1
	WHERE id = $1 AND version = $2`

const lockCaseSQL = `SELECT ` + docSQL + `, version FROM cases WHERE id = $1 FOR UPDATE`

// Update runs fn on the current record of case id and stores what it
// returns, in one transaction: the row is locked with SELECT ... FOR
// UPDATE, so that updates of one case wait for each other while those of
// different cases run in parallel; fn runs; the new case is written with
// the next version (the UPDATE checks the version it read) and its
// events join the outbox; the transaction commits. An error of fn is
// returned as it is; a nil case stores nothing and returns the current
// record.
func (s *Store) Update(ctx context.Context, id string,
	fn casehttp.UpdateFunc) (casehttp.Record, []cases.Event, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return casehttp.Record{}, nil, fmt.Errorf("postgres: update case %s: %w", id, err)
	}
	defer func() { _ = tx.Rollback() }()

	var doc []byte
	var version int64
	err = tx.QueryRowContext(ctx, lockCaseSQL, id).Scan(&doc, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return casehttp.Record{}, nil, casehttp.ErrNotFound
	}
	if err != nil {
		return casehttp.Record{}, nil, fmt.Errorf("postgres: update case %s: %w", id, err)
	}
	cur, err := decodeRecord(doc, version)
	if err != nil {
		return casehttp.Record{}, nil, err
	}

	next, events, err := fn(cur)
	if err != nil {
		return casehttp.Record{}, nil, err
	}
	if next == nil {
		return cur, nil, nil
	}
	if err := write(ctx, tx, id, version, next, events); err != nil {
		return casehttp.Record{}, nil, fmt.Errorf("postgres: update case %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return casehttp.Record{}, nil, fmt.Errorf("postgres: update case %s: %w", id, err)
	}
	return casehttp.Record{Case: next, Version: version + 1}, events, nil
}

// write stores next over version of case id, and its events.
func write(ctx context.Context, tx *sql.Tx, id string, version int64, next *cases.Case,
	events []cases.Event) error {
	doc, docJSON, err := docColumns(next)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, updateCaseSQL, id, version, string(next.ParentType),
		next.ParentID, string(next.Kind), string(next.Status), doc, docJSON)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errVersionMoved
	}
	return insertEvents(ctx, tx, id, events)
}
