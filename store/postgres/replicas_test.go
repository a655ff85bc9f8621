package postgres_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/casekit/cases/store/postgres"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replica is one process of the service: its own pool, store and
// handler, on the shared database.
type replica struct {
	db      *sql.DB
	store   *postgres.Store
	handler http.Handler
}

// newReplicas returns n replicas on one fresh schema, sharing env's clock
// and IDs as replicas share the real ones.
func newReplicas(t *testing.T, n, conns int, env *casetest.Env) []replica {
	t.Helper()
	s := newSchema(t)
	out := make([]replica, n)
	for i := range out {
		db := s.open(t, conns)
		require.NoError(t, postgres.Migrate(context.Background(), db))
		store := postgres.New(db, postgres.Options{})
		h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now, NewID: env.NewID})
		out[i] = replica{db: db, store: store, handler: h}
	}
	return out
}

// result is an answer, read.
type result struct {
	status   int
	etag     string
	body     string
	replayed string // the Idempotent-Replayed header
}

// do sends one request to h with the test API key.
func do(h http.Handler, method, path, body string, hdr ...string) result {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+casetest.APIKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return result{status: rec.Code, etag: rec.Header().Get("ETag"), body: rec.Body.String(),
		replayed: rec.Header().Get("Idempotent-Replayed")}
}

// answerBody is a valid response to the builders' request.
const answerBody = `{"fields":{"corrected_legal_name":"Acme Holdings LLC",
	"registered_office":{"street_line_1":"8 The Green","city":"Dover","region":"DE",
	"postal_code":"19901","country":"US"}}}`

func openBody(t testing.TB, env *casetest.Env) string {
	t.Helper()
	b, err := casetest.MissingInformationOpen(env.Now()).MarshalJSON()
	require.NoError(t, err)
	return string(b)
}

// otherAnswerBody is a valid response to the builders' request that
// differs from answerBody.
const otherAnswerBody = `{"fields":{"corrected_legal_name":"Acme Group LLC",
	"registered_office":{"street_line_1":"1 Loockerman Square","city":"Dover",
	"region":"DE","postal_code":"19904","country":"US"}}}`

// closeBody is the closing update of the concurrency test.
const closeBody = `{"status":"resolved","resolution_reason":"no_response_needed"}`

// The phases of the concurrency test.
const (
	phaseOpen   = "open"   // the cases are open: answers race each other
	phaseClose  = "close"  // every client sends the same closing update
	phaseClosed = "closed" // the cases are closed
)

// outcome is one answered request of the concurrency test.
type outcome struct {
	phase   string
	op      string // respond, other-respond, reopen, metadata or close
	caseIdx int
	status  int
	code    string // the code of the first item of a refusal
	etag    string
	body    string
	change  *applied // a metadata change that succeeded
}

// applied is a metadata change that a client saw succeed.
type applied struct {
	key, value string
	version    string
}

// TestReplicas_NoLostUpdate has 32 clients send requests to four cases,
// alternating between two replicas with pools of their own, in three
// phases: while the cases are open, two different answers, moves back
// to needs_response and metadata changes conditional on the ETag they
// read; then the same closing update from every client; then the same
// mix on the closed cases.
//
// Every request succeeds or is refused with 409 or 412, each refusal for
// the reason its phase allows: a different answer to a case under review
// is case_not_awaiting_response, a change to a closed case other than
// metadata is case_closed (always, so 409s certainly occur), and 412
// only answers a conditional metadata change. No change is lost: each
// case has exactly one event per version, every answer shows the case of
// its version's event, the closing update applies once, and every
// metadata change that succeeded is in the final case at a version of
// its own. Every case and event, read from the tables and decoded
// strictly, passes full validation.
func TestReplicas_NoLostUpdate(t *testing.T) {
	env := casetest.NewEnv()
	reps := newReplicas(t, 2, 16, env)
	var ids []string
	for range 4 {
		a := do(reps[0].handler, "POST", "/v1/case", openBody(t, env))
		require.Equal(t, http.StatusOK, a.status, a.body)
		ids = append(ids, caseID(t, a.body))
	}

	var mu sync.Mutex
	var outcomes []outcome
	run := func(phase string, rounds int) {
		var wg sync.WaitGroup
		for client := range 32 {
			wg.Go(func() {
				for round := range rounds {
					i := (client + round) % len(ids)
					h := reps[(client+round)%2].handler
					o := step(h, ids[i], phase, client, round)
					o.phase, o.caseIdx = phase, i
					mu.Lock()
					outcomes = append(outcomes, o)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	run(phaseOpen, 12)
	run(phaseClose, 1)
	run(phaseClosed, 8)

	checkOutcomes(t, outcomes)
	events := storedEvents(t, reps[0].db)
	stored := storedCases(t, reps[1].db)
	require.Len(t, stored, len(ids))
	for i, id := range ids {
		rec, err := reps[i%2].store.Get(context.Background(), id)
		require.NoError(t, err)
		assert.Equal(t, cases.StatusResolved, rec.Case.Status)
		var mine []outcome
		for _, o := range outcomes {
			if o.caseIdx == i {
				mine = append(mine, o)
			}
		}
		checkVersions(t, rec, events[id], mine)
		checkChanges(t, rec, mine)
	}
}

// step makes one request of one client and returns its outcome.
func step(h http.Handler, id, phase string, client, round int) outcome {
	path := "/v1/case/" + id
	var o outcome
	var a result
	switch {
	case phase == phaseClose:
		o.op, a = "close", do(h, "PATCH", path, closeBody)
	case round%4 == 0:
		o.op, a = "respond", do(h, "POST", path+"/response", answerBody)
	case round%4 == 1:
		o.op, a = "other-respond", do(h, "POST", path+"/response", otherAnswerBody)
	case round%4 == 2:
		o.op, a = "reopen", do(h, "PATCH", path, `{"status":"needs_response"}`)
	default:
		o.op = "metadata"
		etag := do(h, "GET", path, "").etag
		ch := applied{key: "client_" + strconv.Itoa(client),
			value: fmt.Sprintf("%s round %d", phase, round)}
		a = do(h, "PATCH", path, fmt.Sprintf(`{"metadata":{%q:%q}}`, ch.key, ch.value),
			"If-Match", etag)
		if a.status == http.StatusOK {
			ch.version = a.etag
			o.change = &ch
		}
	}
	o.status, o.etag, o.body = a.status, a.etag, a.body
	if a.status != http.StatusOK {
		var p struct {
			Errors []struct{ Code string } `json:"errors"`
		}
		if json.Unmarshal([]byte(a.body), &p) == nil && len(p.Errors) > 0 {
			o.code = p.Errors[0].Code
		}
	}
	return o
}

// checkOutcomes asserts that every refusal is one its phase allows, and
// that every change to a closed case other than metadata was refused.
func checkOutcomes(t *testing.T, outcomes []outcome) {
	t.Helper()
	counts := map[string]int{}
	for _, o := range outcomes {
		key := fmt.Sprintf("%s %s %d %s", o.phase, o.op, o.status, o.code)
		counts[key]++
		switch {
		case o.status == http.StatusOK && o.phase != phaseClosed:
		case o.status == http.StatusOK:
			assert.Equal(t, "metadata", o.op, key)
		case o.status == http.StatusPreconditionFailed:
			assert.Equal(t, "metadata", o.op, key)
		case o.status == http.StatusConflict && o.phase == phaseOpen:
			assert.Contains(t, []string{"respond", "other-respond"}, o.op, key)
			assert.Equal(t, string(cases.CodeNotAwaiting), o.code, key)
		case o.status == http.StatusConflict && o.phase == phaseClosed:
			assert.NotEqual(t, "metadata", o.op, key)
			assert.Equal(t, string(cases.CodeCaseClosed), o.code, key)
		default:
			assert.Fail(t, "unexpected answer", "%s: %s", key, o.body)
		}
	}
	t.Logf("answers by phase, request, status and code: %v", counts)
	closedRefusals := 0
	for _, o := range outcomes {
		if o.phase == phaseClosed && o.op != "metadata" {
			closedRefusals++
		}
	}
	assert.Positive(t, closedRefusals)
	assert.Equal(t, closedRefusals, counts["closed respond 409 case_closed"]+
		counts["closed other-respond 409 case_closed"]+counts["closed reopen 409 case_closed"])
}

// checkVersions asserts that the case has exactly one event per version,
// case.opened and then case.updated, the last with the stored case; that
// each answer that succeeded shows the case of its version's event; and
// that every closing update answered with one and the same version.
func checkVersions(t *testing.T, rec casehttp.Record, events []cases.Event,
	outcomes []outcome) {
	t.Helper()
	id := rec.Case.ID
	require.Len(t, events, int(rec.Version), "events of case %s", id)
	for i, ev := range events {
		want := cases.EventCaseUpdated
		if i == 0 {
			want = cases.EventCaseOpened
		}
		assert.Equal(t, want, ev.Type, "event %d of case %s", i, id)
	}
	assert.Equal(t, encode(t, rec.Case), encode(t, events[len(events)-1].Data))
	closing := map[string]bool{}
	for _, o := range outcomes {
		if o.status != http.StatusOK {
			continue
		}
		if o.op == "close" {
			closing[o.etag] = true
		}
		v, err := strconv.Atoi(strings.Trim(o.etag, `"`))
		require.NoError(t, err, "ETag %s", o.etag)
		require.True(t, v >= 1 && v <= len(events), "version %d of case %s", v, id)
		got, err := cases.Decoder{Lenient: true}.Case([]byte(o.body))
		require.NoError(t, err)
		assert.Equal(t, encode(t, events[v-1].Data), encode(t, got),
			"%s answered at version %d of case %s", o.op, v, id)
	}
	assert.Len(t, closing, 1, "the closing update of case %s applied once", id)
}

// checkChanges asserts that the last change of each client is in the
// case, and that no two changes got the same version.
func checkChanges(t *testing.T, rec casehttp.Record, outcomes []outcome) {
	t.Helper()
	last := map[string]string{}
	versions := map[string]int{}
	for _, o := range outcomes {
		if ch := o.change; ch != nil {
			last[ch.key] = ch.value // a client's changes of one case come in order
			versions[ch.version]++
		}
	}
	require.NotEmpty(t, last)
	for k, v := range last {
		assert.Equal(t, v, rec.Case.Metadata[k], "case %s, key %s", rec.Case.ID, k)
	}
	for v, n := range versions {
		assert.Equal(t, 1, n, "case %s, version %s", rec.Case.ID, v)
	}
}

// storedEvents reads every event from the outbox, in the order of seq,
// decodes each strictly, so that an event that breaks a rule fails the
// test, and returns them by case ID; it also checks that no two events
// share an ID.
func storedEvents(t *testing.T, db *sql.DB) map[string][]cases.Event {
	t.Helper()
	rows, err := db.Query(`SELECT event::text FROM outbox ORDER BY seq`)
	require.NoError(t, err)
	defer rows.Close()
	out := map[string][]cases.Event{}
	seen := map[string]bool{}
	for rows.Next() {
		var body []byte
		require.NoError(t, rows.Scan(&body))
		ev, err := strictStored.Event(body)
		require.NoError(t, err, "stored event %s", body)
		assert.False(t, seen[ev.ID], "event ID %s twice", ev.ID)
		seen[ev.ID] = true
		out[ev.Data.ID] = append(out[ev.Data.ID], *ev)
	}
	require.NoError(t, rows.Err())
	return out
}

// caseID returns the ID of the case a body holds.
func caseID(t *testing.T, body string) string {
	t.Helper()
	c, err := cases.Decoder{Lenient: true}.Case([]byte(body))
	require.NoError(t, err)
	return c.ID
}

// TestReplicas_RetryOnAnotherReplica sends a request with an
// Idempotency-Key to one replica and its retry to the other, which
// replays the first answer; a retry while the first request is still
// running elsewhere is refused with 409.
func TestReplicas_RetryOnAnotherReplica(t *testing.T) {
	env := casetest.NewEnv()
	reps := newReplicas(t, 2, 4, env)
	body := openBody(t, env)
	first := do(reps[0].handler, "POST", "/v1/case", body, "Idempotency-Key", "k1")
	require.Equal(t, http.StatusOK, first.status, first.body)

	again := do(reps[1].handler, "POST", "/v1/case", body, "Idempotency-Key", "k1")
	assert.Equal(t, "true", again.replayed)
	again.replayed = ""
	assert.Equal(t, first, again)
	recs, err := reps[1].store.List(context.Background(), casehttp.ListQuery{Limit: 10})
	require.NoError(t, err)
	assert.Len(t, recs, 1)

	// Reserve k2 for the same request, as a first try that has not
	// finished would, under the scope the handler gave k1.
	var scoped, fingerprint string
	require.NoError(t, reps[0].db.QueryRow(`SELECT key, fingerprint FROM idempotency`).
		Scan(&scoped, &fingerprint))
	require.True(t, strings.HasSuffix(scoped, ":k1"), scoped)
	rec, err := reps[0].store.Reserve(context.Background(),
		strings.TrimSuffix(scoped, "k1")+"k2", fingerprint)
	require.NoError(t, err)
	require.Nil(t, rec)
	busy := do(reps[1].handler, "POST", "/v1/case", body, "Idempotency-Key", "k2")
	assert.Equal(t, http.StatusConflict, busy.status, busy.body)
	assert.Contains(t, busy.body, casetest.ProblemType(casehttp.ErrIdempotencyInProgress))
}
