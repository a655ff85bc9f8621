package postgres_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listQueries returns every combination of the four list filters, each
// without a cursor and with one.
func listQueries(cursor string) []casehttp.ListQuery {
	var out []casehttp.ListQuery
	for mask := range 16 {
		q := casehttp.ListQuery{Limit: 11}
		if mask&1 != 0 {
			q.ParentType = cases.ParentFiling
		}
		if mask&2 != 0 {
			q.ParentID = "fil_7"
		}
		if mask&4 != 0 {
			q.Status = cases.StatusNeedsResponse
		}
		if mask&8 != 0 {
			q.Kind = cases.KindRATermination
		}
		out = append(out, q)
		q.After = cursor
		out = append(out, q)
	}
	return out
}

// describe names the filters of a list query.
func describe(q casehttp.ListQuery) string {
	var parts []string
	for _, f := range []struct{ name, value string }{
		{"parent_type", string(q.ParentType)}, {"parent_id", q.ParentID},
		{"status", string(q.Status)}, {"kind", string(q.Kind)}, {"cursor", q.After},
	} {
		if f.value != "" {
			parts = append(parts, f.name)
		}
	}
	if len(parts) == 0 {
		return "no filter"
	}
	return strings.Join(parts, "+")
}

// explain returns the plan of the list query q on conn.
func explain(t *testing.T, conn *sql.Conn, q casehttp.ListQuery) string {
	t.Helper()
	query, args := postgres.ListSQL(q)
	rows, err := conn.QueryContext(context.Background(), "EXPLAIN "+query, args...)
	require.NoError(t, err)
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		require.NoError(t, rows.Scan(&line))
		lines = append(lines, line)
	}
	require.NoError(t, rows.Err())
	return strings.Join(lines, "\n")
}

// TestList_EveryFilterHasAnOrderedIndex plans every combination of
// filters, with and without a cursor, with sequential scans, bitmap
// scans and sorts priced out: each list is still planned as a backward
// scan of an index in list order, which reads no more rows than it must.
func TestList_EveryFilterHasAnOrderedIndex(t *testing.T) {
	_, db := newDB(t)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	for _, set := range []string{"enable_seqscan", "enable_bitmapscan", "enable_sort"} {
		_, err := conn.ExecContext(ctx, "SET "+set+" = off")
		require.NoError(t, err)
	}
	for _, q := range listQueries("00000000-0000-7000-8000-000000000001") {
		plan := explain(t, conn, q)
		name := describe(q)
		assert.NotContains(t, plan, "Seq Scan", "%s:\n%s", name, plan)
		assert.NotContains(t, plan, "Sort", "%s:\n%s", name, plan)
		assert.NotContains(t, plan, "Bitmap", "%s:\n%s", name, plan)
		assert.Regexp(t, `Index Scan Backward using cases_\w+ on cases`, plan, name)
	}
}

// TestList_PlansOnManyCases plans every list on 20,000 cases spread as
// a busy service spreads them, with the planner's own choices: no list
// reads the whole table. The plans are logged (go test -v).
func TestList_PlansOnManyCases(t *testing.T) {
	_, db := newDB(t)
	ctx := context.Background()
	_, err := db.ExecContext(ctx, `INSERT INTO cases
		(id, parent_type, parent_id, kind, status, created_at, version, doc)
		SELECT 'c' || i,
			(ARRAY['filing', 'filing', 'filing', 'business', 'verification',
				'session'])[1 + i % 6],
			'fil_' || (i % 5000),
			(ARRAY['missing_information', 'ra_termination'])[1 + (i % 10) / 9],
			(ARRAY['resolved', 'resolved', 'superseded', 'under_review',
				'needs_response'])[1 + i % 5],
			now() - make_interval(secs => 20000 - i), 1, '{}'
		FROM generate_series(1, 20000) AS i`)
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, `ANALYZE cases`)
	require.NoError(t, err)
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	for _, q := range listQueries("c15000") {
		plan := explain(t, conn, q)
		t.Logf("%s:\n%s", describe(q), plan)
		assert.NotContains(t, plan, "Seq Scan", describe(q))
		assert.Contains(t, plan, "Index", describe(q))
	}
}
