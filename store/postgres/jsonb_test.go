package postgres_test

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONBKeeps(t *testing.T) {
	tests := []struct {
		name string
		json string
		want bool
	}{
		{"plain object", `{"a":"b","n":[1,2]}`, true},
		{"escaped U+0000", `{"a":"x\u0000y"}`, false},
		{"escaped backslash before u0000", `{"a":"x\\u0000y"}`, true},
		{"escaped backslash then escaped U+0000", `{"a":"\\\u0000"}`, false},
		{"escaped quote", `{"a":"\"\u0000"}`, false},
		{"other escapes", `{"a":"\u0001\n\u2028"}`, true},
		{"decimals as written", `[1.50,0,0.0,-1,-0.5,100]`, true},
		{"exponent", `[1e3]`, false},
		{"capital exponent with sign", `[2.5E+1]`, false},
		{"negative exponent", `[1e-2]`, false},
		{"negative zero", `[-0]`, false},
		{"negative zero with a fraction", `[-0.00]`, false},
		{"number text in a string", `{"a":"1e3 -0"}`, true},
		{"1000 digits", "[" + strings.Repeat("9", 1000) + "]", true},
		{"1001 digits", "[0." + strings.Repeat("1", 1000) + "]", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, postgres.JSONBKeeps([]byte(tt.json)))
		})
	}
}

// numberOpen is an open request that asks for a number.
func numberOpen(env *casetest.Env) *cases.OpenRequest {
	o := casetest.MissingInformationOpen(env.Now())
	o.Request = &cases.MissingInformationRequest{Fields: []cases.FieldSpec{
		{Name: "amount", Type: cases.FieldNumber, Required: true,
			Description: "Amount of the filing fee."},
	}}
	return o
}

// answered returns c answered with the respond body, decoded strictly.
func answered(t *testing.T, env *casetest.Env, c *cases.Case, body string) *cases.Case {
	t.Helper()
	resp, err := cases.Decoder{}.Response(c.Kind, []byte(body))
	require.NoError(t, err)
	next, _, err := cases.Respond(c, resp, env.Cases())
	require.NoError(t, err)
	return next
}

// TestStore_KeepsCasesExactly stores cases that strict validation admits,
// among them cases jsonb cannot keep as they are written, through Create
// and through Update: each reads back, from Get, List and the table
// itself, with the encoding it was stored with, and the column that
// holds it is the jsonb one exactly when jsonb keeps it.
func TestStore_KeepsCasesExactly(t *testing.T) {
	tests := []struct {
		name   string
		open   func(env *casetest.Env) *cases.OpenRequest
		answer string // a respond body, or "" for none
		jsonb  bool
	}{
		{"plain case", func(env *casetest.Env) *cases.OpenRequest {
			return casetest.MissingInformationOpen(env.Now())
		}, "", true},
		{"metadata value with U+0000", func(env *casetest.Env) *cases.OpenRequest {
			o := casetest.MissingInformationOpen(env.Now())
			o.Metadata = cases.Metadata{"note": "before\x00after"}
			return o
		}, "", false},
		{"metadata value with the text \\u0000", func(env *casetest.Env) *cases.OpenRequest {
			o := casetest.MissingInformationOpen(env.Now())
			o.Metadata = cases.Metadata{"note": `\u0000`}
			return o
		}, "", true},
		{"answer with an exponent", numberOpen, `{"fields":{"amount":1e3}}`, false},
		{"answer of negative zero", numberOpen, `{"fields":{"amount":-0}}`, false},
		{"answer with trailing zeros", numberOpen, `{"fields":{"amount":1.50}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, db := newDB(t)
			s := postgres.New(db, postgres.Options{})
			env := casetest.NewEnv()
			c, events, err := cases.Open(tt.open(env), env.Cases())
			require.NoError(t, err)
			require.NoError(t, c.Validate(), "strict validation admits the case")
			_, err = s.Create(context.Background(), c, events)
			require.NoError(t, err)
			want := c
			if tt.answer != "" {
				want = answered(t, env, c, tt.answer)
				_, _, err := s.Update(context.Background(), c.ID,
					func(casehttp.Record) (*cases.Case, []cases.Event, error) {
						return want, nil, nil
					})
				require.NoError(t, err)
			}
			assertKept(t, s, db, want, tt.jsonb)
		})
	}
}

// assertKept asserts that the store gives back want exactly, and that
// the table holds it in doc (jsonb) or in doc_json as inJSONB says.
func assertKept(t *testing.T, s *postgres.Store, db *sql.DB, want *cases.Case, inJSONB bool) {
	t.Helper()
	enc := encode(t, want)
	rec, err := s.Get(context.Background(), want.ID)
	require.NoError(t, err)
	assert.Equal(t, enc, encode(t, rec.Case), "Get")
	recs, err := s.List(context.Background(), casehttp.ListQuery{Limit: 10})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, enc, encode(t, recs[0].Case), "List")

	var jsonbSet bool
	var summary sql.NullString
	require.NoError(t, db.QueryRow(`SELECT doc IS NOT NULL, doc->>'summary' FROM cases
		WHERE id = $1`, want.ID).Scan(&jsonbSet, &summary))
	assert.Equal(t, inJSONB, jsonbSet, "held in the jsonb column")
	assert.Equal(t, inJSONB, summary.Valid && summary.String == want.Summary)
	stored := storedCases(t, db)
	require.Len(t, stored, 1)
	assert.Equal(t, enc, encode(t, stored[0]), "read strictly from the table")
}

// TestStore_RetriedAnswerStaysIdentical answers a case with a number
// written with an exponent, which jsonb would write as 1000: the same
// answer sent again to the stored case is still the identical repeat,
// which changes nothing.
func TestStore_RetriedAnswerStaysIdentical(t *testing.T) {
	_, db := newDB(t)
	s := postgres.New(db, postgres.Options{})
	env := casetest.NewEnv()
	c, events, err := cases.Open(numberOpen(env), env.Cases())
	require.NoError(t, err)
	_, err = s.Create(context.Background(), c, events)
	require.NoError(t, err)
	h := casehttp.NewHandler(s, casehttp.Options{Now: env.Now, NewID: env.NewID})

	body := `{"fields":{"amount":1e3}}`
	first := do(h, "POST", "/v1/case/"+c.ID+"/response", body)
	require.Equal(t, 200, first.status, first.body)
	again := do(h, "POST", "/v1/case/"+c.ID+"/response", body)
	assert.Equal(t, first, again)
	assert.Contains(t, again.body, `"amount":1e3`)
}

// TestStore_KeepsRandomCases stores random valid cases and reads each
// back with the encoding it was stored with.
func TestStore_KeepsRandomCases(t *testing.T) {
	_, db := newDB(t)
	s := postgres.New(db, postgres.Options{})
	env := casetest.NewEnv()
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		c := casetest.Random(r, env)
		_, err := s.Create(context.Background(), c, nil)
		require.NoError(t, err)
		rec, err := s.Get(context.Background(), c.ID)
		require.NoError(t, err)
		require.Equal(t, encode(t, c), encode(t, rec.Case))
	}
	assert.Len(t, storedCases(t, db), 200)
}

// encode returns the JSON of a case.
func encode(t *testing.T, c *cases.Case) string {
	t.Helper()
	b, err := c.MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// strictStored is the decoder that reads the stored cases back: strict,
// so that it validates every rule and invariant of each, with the
// store's own limits on size and depth.
var strictStored = cases.Decoder{MaxBytes: 1 << 30, MaxDepth: 4 * cases.DefaultMaxDepth}

// storedCases reads every case from the table, in the order of seq, and
// decodes each strictly: a case that breaks a rule fails the test.
func storedCases(t *testing.T, db *sql.DB) []*cases.Case {
	t.Helper()
	rows, err := db.Query(`SELECT coalesce(doc_json::text, doc::text) FROM cases ORDER BY seq`)
	require.NoError(t, err)
	defer rows.Close()
	var out []*cases.Case
	for rows.Next() {
		var doc []byte
		require.NoError(t, rows.Scan(&doc))
		c, err := strictStored.Case(doc)
		require.NoError(t, err, "stored case %s", doc)
		out = append(out, c)
	}
	require.NoError(t, rows.Err())
	return out
}
