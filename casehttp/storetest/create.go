package storetest

import (
	"math/rand/v2"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseTests check Create and Get.
var caseTests = []test{
	{"Create/StartsAtVersionOneWithItsEvents", testCreate},
	{"Create/InternalCaseHasNoEvents", testCreateInternal},
	{"Create/TakenIDIsErrExists", testCreateExists},
	{"Get/RoundTripsEveryScenario", testGetScenarios},
	{"Get/UnknownIDIsErrNotFound", testGetUnknown},
}

func testCreate(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	c, events := open(t, env, casetest.MissingInformationOpen(env.Now()))
	require.Len(t, events, 1)

	rec, err := s.Create(ctx, c, events)
	require.NoError(t, err)
	assertRecord(t, c, 1, rec)
	assertStored(t, s, c, 1)

	out := outbox(t, s)
	require.Len(t, out, 1)
	assert.Equal(t, events[0].ID, out[0].Event.ID)
	assert.Equal(t, cases.EventCaseOpened, out[0].Event.Type)
	assert.Equal(t, encodeEvents(t, events), outboxJSON(t, s))
}

func testCreateInternal(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	o := casetest.MissingInformationOpen(env.Now())
	o.Status = cases.StatusUnderReview
	c, events := open(t, env, o)
	require.Empty(t, events)

	rec, err := s.Create(ctx, c, events)
	require.NoError(t, err)
	assertRecord(t, c, 1, rec)
	assert.Empty(t, outbox(t, s))
}

// testCreateExists stores a second case with the ID of the first: it is
// refused, and neither it nor its event is stored.
func testCreateExists(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	first := createMI(t, s, env)
	before := outboxJSON(t, s)

	o := casetest.RATerminationOpen()
	second, events := open(t, env, o)
	second.ID = first.ID
	require.Len(t, events, 1)
	events[0].Data.ID = first.ID

	_, err := s.Create(ctx, second, events)
	assert.ErrorIs(t, err, casehttp.ErrExists)
	assertStored(t, s, first, 1)
	assert.Equal(t, before, outboxJSON(t, s))
}

// testGetScenarios stores a case of every scenario of casetest and 40
// random ones, and reads each back with the same JSON encoding, byte for
// byte.
func testGetScenarios(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	var all []*cases.Case
	for _, sc := range casetest.Scenarios() {
		all = append(all, sc.Build(env))
	}
	for seed := range uint64(40) {
		all = append(all, casetest.Random(rand.New(rand.NewPCG(seed, 7)), env))
	}
	for _, c := range all {
		_, err := s.Create(ctx, c, nil)
		require.NoError(t, err, "case %s", c.ID)
	}
	for _, c := range all {
		assertStored(t, s, c, 1)
	}
}

func testGetUnknown(t *testing.T, s casehttp.Store) {
	env := casetest.NewEnv()
	createMI(t, s, env)
	for _, id := range []string{casetest.ID(99).String(), "", "not-a-uuid",
		"00000000-0000-7000-8000-000000000001 "} {
		_, err := s.Get(ctx, id)
		assert.ErrorIs(t, err, casehttp.ErrNotFound, "id %q", id)
	}
}
