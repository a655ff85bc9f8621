package storetest

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateTests check Update.
var updateTests = []test{
	{"Update/StoresTheNextVersionWithItsEvents", testUpdate},
	{"Update/SeesTheResultOfTheUpdateBefore", testUpdateChain},
	{"Update/NilCaseKeepsTheRecord", testUpdateNil},
	{"Update/ErrorOfFnStoresNothing", testUpdateError},
	{"Update/UnknownIDIsErrNotFound", testUpdateUnknown},
	{"Update/ConcurrentUpdatesLoseNothing", testUpdateConcurrent},
}

// metadataFn returns an UpdateFunc that sets one metadata pair with
// [cases.Update].
func metadataFn(env *casetest.Env, key, value string) casehttp.UpdateFunc {
	return func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
		u := &cases.UpdateRequest{Metadata: map[string]*string{key: &value}}
		return cases.Update(cur.Case, u, env.Cases())
	}
}

// setMetadata sets one metadata pair of case id through Update and
// returns the new case and its events.
func setMetadata(t *testing.T, s casehttp.Store, env *casetest.Env,
	id, key, value string) (*cases.Case, []cases.Event) {
	t.Helper()
	rec, events, err := s.Update(ctx, id, metadataFn(env, key, value))
	require.NoError(t, err)
	return rec.Case, events
}

func testUpdate(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c := createMI(t, s, env)
	before := outboxJSON(t, s)

	var seen casehttp.Record
	var want *cases.Case
	var wantEvents []cases.Event
	rec, events, err := s.Update(ctx, c.ID,
		func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
			seen = cur
			var err error
			want, wantEvents, err = cases.Respond(cur.Case,
				casetest.MissingInformationAnswer(), env.Cases())
			return want, wantEvents, err
		})
	require.NoError(t, err)
	assertRecord(t, c, 1, seen)
	require.Len(t, wantEvents, 1)
	assertRecord(t, want, 2, rec)
	assert.Equal(t, encodeEvents(t, wantEvents), encodeEvents(t, events))
	assertStored(t, s, want, 2)
	assert.Equal(t, append(before, encodeEvents(t, wantEvents)...), outboxJSON(t, s))
}

// testUpdateChain makes three changes one after the other; each function
// gets the record the one before stored.
func testUpdateChain(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c := createMI(t, s, env)
	want := c
	for i := range 3 {
		value := strconv.Itoa(i)
		rec, _, err := s.Update(ctx, c.ID,
			func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
				assertRecord(t, want, int64(i+1), cur)
				return metadataFn(env, "step", value)(cur)
			})
		require.NoError(t, err)
		assert.Equal(t, int64(i+2), rec.Version)
		assert.Equal(t, value, rec.Case.Metadata["step"])
		want = rec.Case
	}
	assertStored(t, s, want, 4)
	assert.Len(t, outbox(t, s), 4)
}

// testUpdateNil returns no case, once with events: nothing is stored,
// and Update returns the current record and no event.
func testUpdateNil(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c := createMI(t, s, env)
	_, stray := open(t, env, casetest.MissingInformationOpen(env.Now()))
	before := outboxJSON(t, s)

	for _, returned := range [][]cases.Event{nil, stray} {
		rec, events, err := s.Update(ctx, c.ID,
			func(casehttp.Record) (*cases.Case, []cases.Event, error) {
				return nil, returned, nil
			})
		require.NoError(t, err)
		assertRecord(t, c, 1, rec)
		assert.Empty(t, events)
	}
	assertStored(t, s, c, 1)
	assert.Equal(t, before, outboxJSON(t, s))
}

// fnError is the error of an UpdateFunc, compared by identity.
type fnError struct{}

// Error returns the error's text.
func (*fnError) Error() string { return "update refused" }

// testUpdateError returns a case and events along with an error: Update
// returns that very error and stores nothing.
func testUpdateError(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c := createMI(t, s, env)
	before := outboxJSON(t, s)
	refusal := &fnError{}

	_, _, err := s.Update(ctx, c.ID,
		func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
			n, events, uerr := metadataFn(env, "tier", "gold")(cur)
			require.NoError(t, uerr)
			return n, events, refusal
		})
	assert.Same(t, refusal, err, "error %v", err)
	assertStored(t, s, c, 1)
	assert.Equal(t, before, outboxJSON(t, s))
}

func testUpdateUnknown(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	createMI(t, s, env)
	called := false
	_, _, err := s.Update(ctx, casetest.ID(99).String(),
		func(casehttp.Record) (*cases.Case, []cases.Event, error) {
			called = true
			return nil, nil, nil
		})
	assert.ErrorIs(t, err, casehttp.ErrNotFound)
	assert.False(t, called, "fn was called")
}

// testUpdateConcurrent has 8 goroutines each add 1 to a counter in the
// metadata of one case, 10 times, while 2 more change another case. Every
// increment lands, each function sees a version that matches the count,
// and the outbox holds the events of one case in the order of its
// versions.
func testUpdateConcurrent(t *testing.T, s casehttp.Store) {
	const workers, rounds = 8, 10
	env := casetest.NewEnv()
	counted := createMI(t, s, env, withMetadata("n", "0"))
	other := createMI(t, s, env)

	var wg sync.WaitGroup
	errs := make(chan error, workers+2)
	for range workers {
		wg.Go(func() {
			for range rounds {
				if _, _, err := s.Update(ctx, counted.ID, increment(env)); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for w := range 2 {
		wg.Go(func() {
			for r := range rounds {
				fn := metadataFn(env, "w"+strconv.Itoa(w), strconv.Itoa(r))
				if _, _, err := s.Update(ctx, other.ID, fn); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	rec, err := s.Get(ctx, counted.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1+workers*rounds), rec.Version)
	assert.Equal(t, strconv.Itoa(workers*rounds), rec.Case.Metadata["n"])
	rec, err = s.Get(ctx, other.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1+2*rounds), rec.Version)

	var counts []string
	for _, e := range outbox(t, s) {
		if e.Event.Data.ID == counted.ID {
			counts = append(counts, e.Event.Data.Metadata["n"])
		}
	}
	want := make([]string, 1+workers*rounds)
	for i := range want {
		want[i] = strconv.Itoa(i)
	}
	assert.Equal(t, want, counts)
}

// increment returns an UpdateFunc that adds one to the metadata counter
// "n", and fails when the counter and the version disagree.
func increment(env *casetest.Env) casehttp.UpdateFunc {
	return func(cur casehttp.Record) (*cases.Case, []cases.Event, error) {
		n, err := strconv.Atoi(cur.Case.Metadata["n"])
		if err != nil {
			return nil, nil, err
		}
		if int64(n+1) != cur.Version {
			return nil, nil, errors.New("counter " + strconv.Itoa(n) +
				" at version " + strconv.FormatInt(cur.Version, 10))
		}
		return metadataFn(env, "n", strconv.Itoa(n+1))(cur)
	}
}

func withMetadata(key, value string) func(*cases.OpenRequest) {
	return func(o *cases.OpenRequest) { o.Metadata[key] = value }
}
