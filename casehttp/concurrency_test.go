package casehttp_test

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrency_NoLostUpdate has 32 clients respond to and update the
// same cases at once, each update conditional on the ETag it read. Every
// request is applied or refused with 409 or 412; every applied metadata
// change is in the final case; and every case passes full validation.
func TestConcurrency_NoLostUpdate(t *testing.T) {
	s := casetest.NewServer(t)
	var ids []string
	for range 4 {
		ids = append(ids, s.OpenMissingInformation().ID)
	}

	const clients, rounds = 32, 12
	var applied [4]sync.Map // metadata key -> value, per case
	var statuses sync.Map   // status -> count
	var unexpected atomic.Int64
	var wg sync.WaitGroup
	for client := range clients {
		wg.Go(func() {
			for round := range rounds {
				i := (client + round) % len(ids)
				status := step(t, s, ids[i], client, round, &applied[i])
				n, _ := statuses.LoadOrStore(status, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				if status != 200 && status != 409 && status != 412 {
					unexpected.Add(1)
				}
			}
		})
	}
	wg.Wait()
	assert.Zero(t, unexpected.Load())

	for i, id := range ids {
		c := s.Case(id)
		require.NoError(t, c.Validate())
		applied[i].Range(func(k, v any) bool {
			assert.Equal(t, v, c.Metadata[k.(string)], "case %d, key %s", i, k)
			return true
		})
	}
	ok, _ := statuses.Load(200)
	assert.Positive(t, ok.(*atomic.Int64).Load())
}

// step makes one request of one client: a response, a move back to
// needs_response, or a metadata change conditional on the current ETag.
// It records applied metadata changes and returns the status.
func step(t *testing.T, s *casetest.Server, id string, client, round int,
	applied *sync.Map) int {
	switch round % 3 {
	case 0:
		return status(t, call(t, s, "POST", "/v1/case/"+id+"/response", answerBody))
	case 1:
		return status(t, call(t, s, "PATCH", "/v1/case/"+id, `{"status":"needs_response"}`))
	}
	get := call(t, s, "GET", "/v1/case/"+id, "")
	etag := get.Header.Get("ETag")
	get.Body.Close()
	key := "client_" + strconv.Itoa(client)
	value := fmt.Sprintf("round %d", round)
	body := fmt.Sprintf(`{"metadata":{%q:%q}}`, key, value)
	code := status(t, call(t, s, "PATCH", "/v1/case/"+id, body, "If-Match", etag))
	if code == http.StatusOK {
		applied.Store(key, value)
	}
	return code
}

func status(t *testing.T, res *http.Response) int {
	_, err := io.Copy(io.Discard, res.Body)
	assert.NoError(t, err)
	res.Body.Close()
	return res.StatusCode
}
