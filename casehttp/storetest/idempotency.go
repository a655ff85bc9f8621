package storetest

import (
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/casekit/cases/casehttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// idempotencyTests check Reserve, Complete and Release.
var idempotencyTests = []test{
	{"Idempotency/ReserveCompleteReplay", testReserve},
	{"Idempotency/ReleaseForgetsTheKey", testRelease},
	{"Idempotency/AnswersRoundTripExactly", testAnswers},
	{"Idempotency/OneOfConcurrentReservationsWins", testReserveConcurrent},
}

// reserve calls Reserve and fails the test on an error.
func reserve(t *testing.T, s casehttp.Store, key, fp string) *casehttp.IdempotencyRecord {
	t.Helper()
	rec, err := s.Reserve(ctx, key, fp)
	require.NoError(t, err)
	return rec
}

// sampleAnswer is an answer with several headers, one of them repeated,
// and a body that is not text.
func sampleAnswer() *casehttp.Answer {
	return &casehttp.Answer{
		Status: http.StatusCreated,
		Header: http.Header{
			"Content-Type": {"application/json"},
			"Etag":         {`"7"`},
			"X-Repeated":   {"one", "two, three", ""},
		},
		Body: []byte("{\"a\":1}\n\x00\xff\xfe binary tail"),
	}
}

func testReserve(t *testing.T, s casehttp.Store) {
	const key, fp = "0123456789abcdef01234567:open-1", "fp-1"
	assert.Nil(t, reserve(t, s, key, fp))
	inProgress := &casehttp.IdempotencyRecord{Fingerprint: fp}
	assert.Equal(t, inProgress, reserve(t, s, key, fp))
	assert.Equal(t, inProgress, reserve(t, s, key, "fp-other"), "fingerprint kept")
	assert.Nil(t, reserve(t, s, key+"x", fp), "another key")

	require.NoError(t, s.Complete(ctx, key, sampleAnswer()))
	done := &casehttp.IdempotencyRecord{Fingerprint: fp, Answer: sampleAnswer()}
	assert.Equal(t, done, reserve(t, s, key, fp))
	assert.Equal(t, done, reserve(t, s, key, "fp-other"))
	assert.Equal(t, &casehttp.IdempotencyRecord{Fingerprint: fp},
		reserve(t, s, key+"x", fp), "the other key is still in progress")
}

func testRelease(t *testing.T, s casehttp.Store) {
	const key = "scope:retry-me"
	assert.Nil(t, reserve(t, s, key, "fp-1"))
	require.NoError(t, s.Release(ctx, key))
	assert.Nil(t, reserve(t, s, key, "fp-2"), "released key is free")
	assert.Equal(t, &casehttp.IdempotencyRecord{Fingerprint: "fp-2"},
		reserve(t, s, key, "fp-1"))
}

// testAnswers stores answers of several shapes and reads each back as it
// was given: status, every header value in order, and the body's bytes.
func testAnswers(t *testing.T, s casehttp.Store) {
	answers := []*casehttp.Answer{
		sampleAnswer(),
		{Status: http.StatusNoContent},
		{Status: http.StatusConflict, Header: http.Header{},
			Body: []byte(`{"type":"about:blank"}`)},
		{Status: http.StatusOK, Header: http.Header{"Idempotent-Replayed": {"true"},
			"Content-Type": {"application/problem+json"}}, Body: []byte{}},
	}
	for i, a := range answers {
		key := "k" + strconv.Itoa(i)
		assert.Nil(t, reserve(t, s, key, "fp"))
		require.NoError(t, s.Complete(ctx, key, a))
	}
	for i, a := range answers {
		rec := reserve(t, s, "k"+strconv.Itoa(i), "fp")
		require.NotNil(t, rec)
		require.NotNil(t, rec.Answer, "answer %d", i)
		assert.Equal(t, a.Status, rec.Answer.Status, "answer %d", i)
		assert.Equal(t, len(a.Header), len(rec.Answer.Header), "answer %d", i)
		for k, v := range a.Header {
			assert.Equal(t, v, rec.Answer.Header[k], "answer %d, header %s", i, k)
		}
		assert.Equal(t, string(a.Body), string(rec.Answer.Body), "answer %d", i)
	}
}

// testReserveConcurrent reserves one key from 16 goroutines at once: one
// reservation wins, and every other call sees the winner's record.
func testReserveConcurrent(t *testing.T, s casehttp.Store) {
	const n = 16
	got := make([]*casehttp.IdempotencyRecord, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got[i], errs[i] = s.Reserve(ctx, "scope:race", "fp-"+strconv.Itoa(i))
		})
	}
	wg.Wait()

	winner := -1
	for i := range n {
		require.NoError(t, errs[i])
		if got[i] == nil {
			assert.Equal(t, -1, winner, "second winner %d", i)
			winner = i
		}
	}
	require.NotEqual(t, -1, winner, "no reservation won")
	want := &casehttp.IdempotencyRecord{Fingerprint: "fp-" + strconv.Itoa(winner)}
	for i := range n {
		if i != winner {
			assert.Equal(t, want, got[i], "call %d", i)
		}
	}
}
