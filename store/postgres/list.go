package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/casekit/cases/casehttp"
)

// List returns up to q.Limit matching records, newest first: in the
// reverse order of the seq column, which numbers cases as they are
// created. A cursor names a case, and the page holds the cases created
// before it, so cases created later never shift a page. Whatever its
// filters, a list scans one index in list order and stops at the end of
// its page. A cursor that names no case is [casehttp.ErrUnknownCursor].
func (s *Store) List(ctx context.Context, q casehttp.ListQuery) ([]casehttp.Record, error) {
	query, args := listSQL(q)
	out, err := s.queryRecords(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 && q.After != "" {
		// An empty page after a cursor may mean that it names no case.
		var known bool
		err := s.db.QueryRowContext(ctx,
			`SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`, q.After).Scan(&known)
		if err != nil {
			return nil, fmt.Errorf("postgres: list cases: %w", err)
		}
		if !known {
			return nil, casehttp.ErrUnknownCursor
		}
	}
	return out, nil
}

// listSQL returns the query of a list and its arguments.
func listSQL(q casehttp.ListQuery) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, strings.Replace(cond, "?", "$"+strconv.Itoa(len(args)), 1))
	}
	if q.After != "" {
		add("seq < (SELECT seq FROM cases WHERE id = ?)", q.After)
	}
	if q.ParentType != "" {
		add("parent_type = ?", string(q.ParentType))
	}
	if q.ParentID != "" {
		add("parent_id = ?", q.ParentID)
	}
	if q.Status != "" {
		add("status = ?", string(q.Status))
	}
	if q.Kind != "" {
		add("kind = ?", string(q.Kind))
	}
	var b strings.Builder
	b.WriteString("SELECT " + docSQL + ", version FROM cases")
	for i, w := range where {
		if i == 0 {
			b.WriteString(" WHERE ")
		} else {
			b.WriteString(" AND ")
		}
		b.WriteString(w)
	}
	args = append(args, max(q.Limit, 0))
	b.WriteString(" ORDER BY seq DESC LIMIT $" + strconv.Itoa(len(args)))
	return b.String(), args
}

// queryRecords runs a query whose rows are a doc and a version.
func (s *Store) queryRecords(ctx context.Context, query string,
	args ...any) ([]casehttp.Record, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: list cases: %w", err)
	}
	defer rows.Close()
	var out []casehttp.Record
	for rows.Next() {
		var doc []byte
		var version int64
		if err := rows.Scan(&doc, &version); err != nil {
			return nil, fmt.Errorf("postgres: list cases: %w", err)
		}
		rec, err := decodeRecord(doc, version)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: list cases: %w", err)
	}
	return out, nil
}
