package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
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

// applied is a metadata change that a client saw succeed.
type applied struct {
	key, value string
	version    string
}

// TestReplicas_NoLostUpdate has 32 clients send responses, moves back to
// needs_response and metadata changes conditional on the ETag they read
// to the same four cases, alternating between two replicas with pools of
// their own. Every request succeeds or is refused with 409 or 412; every
// metadata change that succeeded is in the final case, each at a version
// of its own; each case has exactly one event per version (the opening
// and one per committed change); and every stored case and event passes
// full validation.
func TestReplicas_NoLostUpdate(t *testing.T) {
	env := casetest.NewEnv()
	reps := newReplicas(t, 2, 16, env)
	ctx := context.Background()
	var ids []string
	for range 4 {
		a := do(reps[0].handler, "POST", "/v1/case", openBody(t, env))
		require.Equal(t, http.StatusOK, a.status, a.body)
		ids = append(ids, caseID(t, a.body))
	}

	const clients, rounds = 32, 12
	var mu sync.Mutex
	statuses := map[int]int{}
	changes := make([][]applied, len(ids))
	var wg sync.WaitGroup
	for client := range clients {
		wg.Go(func() {
			for round := range rounds {
				i := (client + round) % len(ids)
				h := reps[(client+round)%2].handler
				code, ch := step(h, ids[i], client, round)
				mu.Lock()
				statuses[code]++
				if ch != nil {
					changes[i] = append(changes[i], *ch)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	t.Logf("answers by status: %v", statuses)
	for code := range statuses {
		assert.Contains(t, []int{200, 409, 412}, code, "statuses %v", statuses)
	}
	assert.Positive(t, statuses[200])
	events, err := reps[1].store.Events(ctx, 0, math.MaxInt32)
	require.NoError(t, err)
	for i, id := range ids {
		rec, err := reps[i%2].store.Get(ctx, id)
		require.NoError(t, err)
		require.NoError(t, rec.Case.Validate(), "case %s", id)
		checkChanges(t, rec, changes[i])
		checkEvents(t, rec, events)
	}
}

// step makes one request of one client, as in casehttp's own
// concurrency test, and returns its status and, for a metadata change
// that succeeded, the change.
func step(h http.Handler, id string, client, round int) (int, *applied) {
	switch round % 3 {
	case 0:
		return do(h, "POST", "/v1/case/"+id+"/response", answerBody).status, nil
	case 1:
		return do(h, "PATCH", "/v1/case/"+id, `{"status":"needs_response"}`).status, nil
	}
	etag := do(h, "GET", "/v1/case/"+id, "").etag
	ch := applied{key: "client_" + strconv.Itoa(client), value: fmt.Sprintf("round %d", round)}
	body := fmt.Sprintf(`{"metadata":{%q:%q}}`, ch.key, ch.value)
	a := do(h, "PATCH", "/v1/case/"+id, body, "If-Match", etag)
	if a.status != http.StatusOK {
		return a.status, nil
	}
	ch.version = a.etag
	return a.status, &ch
}

// checkChanges asserts that the last change of each client is in the
// case, and that no two changes got the same version.
func checkChanges(t *testing.T, rec casehttp.Record, changes []applied) {
	t.Helper()
	last := map[string]string{}
	versions := map[string]int{}
	for _, ch := range changes {
		last[ch.key] = ch.value // a client's changes of one case come in order
		versions[ch.version]++
	}
	for k, v := range last {
		assert.Equal(t, v, rec.Case.Metadata[k], "case %s, key %s", rec.Case.ID, k)
	}
	for v, n := range versions {
		assert.Equal(t, 1, n, "case %s, version %s", rec.Case.ID, v)
	}
}

// checkEvents asserts that the outbox holds one event per version of the
// case: case.opened, then case.updated for each change, the last with
// the stored case; and that each event is valid and has an ID of its own.
func checkEvents(t *testing.T, rec casehttp.Record, all []casehttp.OutboxEvent) {
	t.Helper()
	var mine []cases.Event
	seen := map[string]bool{}
	for _, e := range all {
		if e.Event.Data.ID == rec.Case.ID {
			mine = append(mine, e.Event)
		}
		assert.False(t, seen[e.Event.ID], "event ID %s twice", e.Event.ID)
		seen[e.Event.ID] = true
	}
	require.Len(t, mine, int(rec.Version), "events of case %s", rec.Case.ID)
	for i, ev := range mine {
		want := cases.EventCaseUpdated
		if i == 0 {
			want = cases.EventCaseOpened
		}
		assert.Equal(t, want, ev.Type, "event %d of case %s", i, rec.Case.ID)
		assert.NoError(t, ev.Validate(), "event %s", ev.ID)
	}
	got, err := mine[len(mine)-1].Data.MarshalJSON()
	require.NoError(t, err)
	want, err := rec.Case.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
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
