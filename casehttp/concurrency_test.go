package casehttp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The requests of the concurrency test.
const (
	opRespond  = "respond"  // a response no one sent before
	opFlip     = "flip"     // back to needs_response, with a new metadata value
	opMetadata = "metadata" // a new metadata value, If-Match the version read
	opClose    = "close"    // resolved, no_response_needed
)

// outcome is the answer to one request of the concurrency test.
type outcome struct {
	caseIndex int
	op        string
	status    int
	code      cases.Code // of a problem's first item
	version   int64      // of a 200 answer: its ETag; of opMetadata: the version read
	read      int64      // of opMetadata: the version its If-Match named
	body      []byte     // of a 200 answer
}

// TestConcurrency_NoLostUpdate has 32 clients change the same four cases
// at once: responses, moves back to needs_response, metadata writes
// conditional on the ETag they read, and, late, one closing update per
// case. Every request changes the case when it is applied, so each 200
// answer must be exactly one version and one event: the versions of the
// 200 answers of a case are 2 to its last, each once, and its outbox
// holds one event per version with the case that the answer sent. Every
// refusal is 409 or 412 with the code its request can meet, both 409
// codes occur, and every stored case and event passes full validation.
func TestConcurrency_NoLostUpdate(t *testing.T) {
	s := casetest.NewServer(t)
	var ids []string
	for range 4 {
		ids = append(ids, s.OpenMissingInformation().ID)
	}

	const clients, rounds, closeRound = 32, 12, 8
	results := make([][]outcome, clients)
	var wg sync.WaitGroup
	for client := range clients {
		wg.Go(func() {
			for round := range rounds {
				var out []outcome
				if round == closeRound && client < len(ids) {
					out = closeLate(s, ids, client)
				} else {
					i := (client + round) % len(ids)
					out = step(s, ids, i, client, round)
				}
				results[client] = append(results[client], out...)
			}
		})
	}
	wg.Wait()

	byCase := make([][]outcome, len(ids))
	refusals := map[string]int{}
	for _, rs := range results {
		for _, o := range rs {
			byCase[o.caseIndex] = append(byCase[o.caseIndex], o)
			if o.status != http.StatusOK {
				refusals[o.op+" "+strconv.Itoa(o.status)+" "+string(o.code)]++
			}
		}
	}
	t.Logf("refusals: %v", refusals)
	for key := range refusals {
		assert.Contains(t, []string{
			"respond 409 case_not_awaiting_response", "respond 409 case_closed",
			"flip 409 case_closed", "metadata 412 precondition_failed",
		}, key)
	}
	assert.Positive(t, refusals["respond 409 case_not_awaiting_response"], "%v", refusals)
	assert.Positive(t, refusals["respond 409 case_closed"], "%v", refusals)
	assert.Positive(t, refusals["metadata 412 precondition_failed"], "%v", refusals)

	events := s.Events()
	for i, id := range ids {
		reconcile(t, s, id, byCase[i], events)
	}
}

// reconcile checks the answers to the requests on case id against the
// store: one version and one event per 200 answer, the event holding the
// case the answer sent, and every record valid.
func reconcile(t *testing.T, s *casetest.Server, id string, answers []outcome,
	all []cases.Event) {
	rec, err := s.Store.Get(t.Context(), id)
	require.NoError(t, err)
	require.NoError(t, rec.Case.Validate(), "case %s", id)
	assert.Equal(t, cases.StatusResolved, rec.Case.Status, "case %s", id)

	var events []cases.Event
	for _, ev := range all {
		if ev.Data.ID == id {
			require.NoError(t, ev.Data.Validate(), "event %s", ev.ID)
			events = append(events, ev)
		}
	}
	require.Len(t, events, int(rec.Version), "one event per version of case %s", id)

	seen := map[int64]int{}
	for _, o := range answers {
		if o.status != http.StatusOK {
			continue
		}
		seen[o.version]++
		require.Positive(t, o.version)
		require.LessOrEqual(t, o.version, rec.Version)
		want, err := events[o.version-1].Data.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(want), string(bytes.TrimSpace(o.body)),
			"%s answered version %d of case %s", o.op, o.version, id)
		if o.op == opMetadata {
			assert.Equal(t, o.read+1, o.version, "If-Match %d", o.read)
		}
	}
	for v := int64(2); v <= rec.Version; v++ {
		assert.Equal(t, 1, seen[v], "200 answers with version %d of case %s", v, id)
	}
	assert.Len(t, seen, int(rec.Version-1), "versions answered for case %s", id)
}

// step makes the request of one client in one round on case i: a
// response (then, when it was taken, another one, which the case under
// review refuses unless it was sent back meanwhile), a move back to
// needs_response, or a metadata write conditional on the ETag just read.
func step(s *casetest.Server, ids []string, i, client, round int) []outcome {
	tag := "c" + strconv.Itoa(client) + "r" + strconv.Itoa(round)
	switch round % 3 {
	case 0:
		first := respond(s, ids, i, tag)
		if first.status != http.StatusOK {
			return []outcome{first}
		}
		return []outcome{first, respond(s, ids, i, tag+"b")}
	case 1:
		body := `{"status":"needs_response","metadata":{"flip":"` + tag + `"}}`
		return []outcome{sendOp(s, ids, i, opFlip, "PATCH", "", body)}
	}
	res := s.Do(s.NewRequest("GET", "/v1/case/"+ids[i], nil))
	etag := res.Header.Get("ETag")
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	body := fmt.Sprintf(`{"metadata":{"client_%d":%q}}`, client, tag)
	o := sendOp(s, ids, i, opMetadata, "PATCH", "", body, "If-Match", etag)
	o.read, _ = strconv.ParseInt(strings.Trim(etag, `"`), 10, 64)
	return []outcome{o}
}

// respond sends case i a response that names tag.
func respond(s *casetest.Server, ids []string, i int, tag string) outcome {
	body := strings.Replace(answerBody, "Acme Holdings LLC", "Acme "+tag+" LLC", 1)
	return sendOp(s, ids, i, opRespond, "POST", "/response", body)
}

// closeLate resolves case client, then sends it a response, which the
// closed case refuses.
func closeLate(s *casetest.Server, ids []string, client int) []outcome {
	closed := sendOp(s, ids, client, opClose, "PATCH", "",
		`{"status":"resolved","resolution_reason":"no_response_needed"}`)
	return []outcome{closed, respond(s, ids, client, "after-close")}
}

// sendOp makes one request to case i and reads its outcome. Pairs of extra
// strings set headers.
func sendOp(s *casetest.Server, ids []string, i int, op, method, suffix, body string,
	hdr ...string) outcome {
	req := s.NewRequest(method, "/v1/case/"+ids[i]+suffix, []byte(body))
	for j := 0; j+1 < len(hdr); j += 2 {
		req.Header.Set(hdr[j], hdr[j+1])
	}
	res := s.Do(req)
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	o := outcome{caseIndex: i, op: op, status: res.StatusCode, version: math.MinInt64}
	if err != nil {
		o.status = 0
		return o
	}
	if res.StatusCode == http.StatusOK {
		o.body = data
		o.version, _ = strconv.ParseInt(strings.Trim(res.Header.Get("ETag"), `"`), 10, 64)
		return o
	}
	var p cases.Problem
	if json.Unmarshal(data, &p) == nil && len(p.Errors) > 0 {
		o.code = p.Errors[0].Code
	}
	return o
}
