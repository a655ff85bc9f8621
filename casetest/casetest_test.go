package casetest_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScenarios(t *testing.T) {
	want := map[string]cases.Status{
		"needs_response":              cases.StatusNeedsResponse,
		"under_review":                cases.StatusUnderReview,
		"reopened":                    cases.StatusNeedsResponse,
		"internal":                    cases.StatusUnderReview,
		"ra_termination":              cases.StatusNeedsResponse,
		"resolved_response_received":  cases.StatusResolved,
		"resolved_no_response_needed": cases.StatusResolved,
		"superseded_parent_canceled":  cases.StatusSuperseded,
		"superseded_parent_completed": cases.StatusSuperseded,
		"superseded_parent_failed":    cases.StatusSuperseded,
	}
	scenarios := casetest.Scenarios()
	require.Len(t, scenarios, len(want))
	for _, s := range scenarios {
		t.Run(s.Name, func(t *testing.T) {
			c := s.Build(casetest.NewEnv())
			require.NoError(t, c.Validate())
			assert.Equal(t, want[s.Name], c.Status)
			assert.Equal(t, s.Name == "internal", c.OpenedAt == nil)
		})
	}
}

func TestOptions(t *testing.T) {
	due := casetest.Start.Add(48 * time.Hour)
	c := casetest.NewEnv().NeedsResponse(
		casetest.WithParent(cases.ParentBusiness, "biz_9"),
		casetest.WithSummary("Changed."),
		casetest.WithDetails(nil),
		casetest.WithDueAt(&due),
		casetest.WithMetadata("tier", "gold"),
		func(c *cases.Case) { c.ID = casetest.ID(42).String() },
	)
	require.NoError(t, c.Validate())
	assert.Equal(t, "00000000-0000-7000-8000-00000000002a", c.ID)
	assert.Equal(t, cases.ParentBusiness, c.ParentType)
	assert.Equal(t, "biz_9", c.ParentID)
	assert.Equal(t, "Changed.", c.Summary)
	assert.Nil(t, c.Details)
	assert.Equal(t, &due, c.DueAt)
	assert.Equal(t, cases.Metadata{"external_id": "ext_123", "tier": "gold"}, c.Metadata)
}

func TestOptions_StatusIndependentFields(t *testing.T) {
	request := &cases.RATerminationRequest{Reason: cases.RABusinessDissolved}
	c := casetest.NewEnv().UnderReview(
		casetest.WithID(casetest.ID(7).String()),
		casetest.WithKind(cases.KindRATermination),
		casetest.WithParent(cases.ParentBusiness, "biz_7"),
		casetest.WithRequest(request),
		casetest.WithResponse(casetest.RATerminationAnswer()),
	)
	require.NoError(t, c.Validate())
	assert.Equal(t, casetest.ID(7).String(), c.ID)
	assert.Equal(t, cases.KindRATermination, c.Kind)
	assert.Same(t, request, c.Request)
	assert.Equal(t, casetest.RATerminationAnswer(), c.Response)

	cleared := casetest.NewEnv().NeedsResponse(casetest.WithRequest(nil))
	assert.Nil(t, cleared.Request)
	casetest.AssertError(t, cleared.Validate(), cases.ErrInvalid,
		casetest.At("/request", cases.CodeRequired))
}

func TestEnv_BuildersShareTheClockAndIDs(t *testing.T) {
	env := casetest.NewEnv()
	a := env.NeedsResponse()
	b := env.Resolved()
	assert.Equal(t, casetest.ID(1).String(), a.ID)
	assert.NotEqual(t, a.ID, b.ID)
	assert.Equal(t, casetest.Start, a.CreatedAt)
	assert.Equal(t, casetest.Start.Add(2*time.Hour), env.Now())
	assert.Equal(t, env.Now(), b.UpdatedAt)
}

func TestRandom_IsValidAndRepeatable(t *testing.T) {
	kinds := map[cases.Kind]int{}
	statuses := map[cases.Status]int{}
	for seed := range uint64(300) {
		c := casetest.Random(rand.New(rand.NewPCG(seed, 1)), casetest.NewEnv())
		require.NoError(t, c.Validate(), "seed %d", seed)
		again := casetest.Random(rand.New(rand.NewPCG(seed, 1)), casetest.NewEnv())
		require.Equal(t, c, again, "seed %d", seed)
		kinds[c.Kind]++
		statuses[c.Status]++
	}
	assert.Len(t, kinds, 2)
	assert.Len(t, statuses, 4)
}

// TestVariants checks every variant of every scenario and of random
// cases: each produces exactly its item, through Validate and through the
// strict Decoder.
func TestVariants(t *testing.T) {
	var subjects []*cases.Case
	for _, s := range casetest.Scenarios() {
		subjects = append(subjects, s.Build(casetest.NewEnv()))
	}
	for seed := range uint64(40) {
		subjects = append(subjects, casetest.Random(rand.New(rand.NewPCG(seed, 2)),
			casetest.NewEnv()))
	}
	names := map[string]bool{}
	for i, c := range subjects {
		for _, v := range casetest.Variants(c) {
			names[v.Name] = true
			t.Run(fmt.Sprintf("%d/%s", i, v.Name), func(t *testing.T) {
				checkVariant(t, v)
			})
		}
	}
	assert.Len(t, names, 31)
}

func checkVariant(t *testing.T, v casetest.Variant) {
	t.Helper()
	if v.Case != nil {
		casetest.AssertError(t, v.Case.Validate(), cases.ErrInvalid, v.Want)
	}
	_, err := cases.Decoder{}.Case(v.JSON)
	casetest.AssertError(t, err, cases.ErrInvalid, v.Want)
}

// FuzzVariants draws a random case and one of its variants: an oracle for
// the rules of the cases package.
func FuzzVariants(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*7)
	}
	f.Fuzz(func(t *testing.T, seed, pick uint64) {
		r := rand.New(rand.NewPCG(seed, pick))
		c := casetest.Random(r, casetest.NewEnv())
		require.NoError(t, c.Validate())
		checkVariant(t, casetest.RandomVariant(r, c))
	})
}

func TestClock(t *testing.T) {
	c := casetest.NewClock(time.Date(2026, 1, 1, 10, 0, 0, 0, time.FixedZone("X", 3600)))
	assert.Equal(t, time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), c.Now())
	assert.Equal(t, time.Date(2026, 1, 1, 9, 30, 0, 0, time.UTC), c.Advance(30*time.Minute))
	c.Set(casetest.Start)
	assert.Equal(t, casetest.Start, c.Now())
}

// recorder is an assert.TestingT that records failures.
type recorder struct{ failed bool }

func (r *recorder) Errorf(string, ...any) { r.failed = true }

func TestAssertError(t *testing.T) {
	err := (&cases.Case{}).Validate()
	full := casetest.NewEnv().NeedsResponse()
	full.Summary = ""
	one := full.Validate()
	tests := []struct {
		name     string
		err      error
		sentinel error
		items    []cases.Item
		ok       bool
	}{
		{name: "exact", err: one, sentinel: cases.ErrInvalid,
			items: []cases.Item{casetest.At("/summary", cases.CodeRequired)}, ok: true},
		{name: "exact with message", err: one, sentinel: cases.ErrInvalid,
			items: []cases.Item{{Pointer: "/summary", Code: cases.CodeRequired,
				Message: "summary is required"}}, ok: true},
		{name: "other code", err: one, sentinel: cases.ErrInvalid,
			items: []cases.Item{casetest.At("/summary", cases.CodeTooLong)}},
		{name: "other family", err: one, sentinel: cases.ErrClosed,
			items: []cases.Item{casetest.At("/summary", cases.CodeRequired)}},
		{name: "missing items", err: err, sentinel: cases.ErrInvalid,
			items: []cases.Item{casetest.At("/id", cases.CodeRequired)}},
		{name: "no error", err: nil, sentinel: cases.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			got := casetest.AssertError(r, tt.err, tt.sentinel, tt.items...)
			assert.Equal(t, tt.ok, got)
			assert.Equal(t, !tt.ok, r.failed)
		})
	}
}

// problemResponse returns a problem answer with the given status and
// body.
func problemResponse(status int, body string) *http.Response {
	return &http.Response{StatusCode: status,
		Header: http.Header{"Content-Type": {"application/problem+json"}},
		Body:   io.NopCloser(strings.NewReader(body))}
}

func TestAssertProblem(t *testing.T) {
	invalid := casetest.ProblemType(cases.ErrInvalid)
	notFound := casetest.ProblemType(casehttp.ErrNotFound)
	summary := casetest.At("/summary", cases.CodeRequired)
	missing := casetest.InRequest(casehttp.CodeCaseNotFound)
	bodyProblem := `{"type":"` + invalid + `","title":"Invalid input","status":400,` +
		`"detail":"1 problem found","errors":[%s]}`
	requestProblem := `{"type":"` + notFound + `","title":"Not found","status":404,` +
		`"detail":"no case has the ID of the path","errors":[%s]}`
	tests := []struct {
		name   string
		status int
		body   string
		typ    string
		want   []cases.Item
		ok     bool
	}{
		{name: "body problem", status: 400, typ: invalid, want: []cases.Item{summary}, ok: true,
			body: fmt.Sprintf(bodyProblem,
				`{"pointer":"/summary","code":"required","detail":"summary is required"}`)},
		{name: "query problem", status: 400, typ: invalid, ok: true,
			want: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)},
			body: fmt.Sprintf(bodyProblem,
				`{"parameter":"limit","code":"invalid_value","detail":"limit is 1 to 100"}`)},
		{name: "request problem", status: 404, typ: notFound, want: []cases.Item{missing},
			ok: true, body: fmt.Sprintf(requestProblem,
				`{"code":"case_not_found","detail":"no case has the ID of the path"}`)},
		{name: "request problem with a pointer", status: 404, typ: notFound,
			want: []cases.Item{missing}, body: fmt.Sprintf(requestProblem,
				`{"pointer":"","code":"case_not_found","detail":"no case has this ID"}`)},
		{name: "body problem without a pointer", status: 400, typ: invalid,
			want: []cases.Item{casetest.At("", cases.CodeInvalidJSON)},
			body: fmt.Sprintf(bodyProblem, `{"code":"invalid_json","detail":"not JSON"}`)},
		{name: "pointer and parameter", status: 400, typ: invalid,
			want: []cases.Item{casetest.AtParameter("limit", cases.CodeInvalidValue)},
			body: fmt.Sprintf(bodyProblem,
				`{"pointer":"","parameter":"limit","code":"invalid_value","detail":"x"}`)},
		{name: "item without detail", status: 400, typ: invalid, want: []cases.Item{summary},
			body: fmt.Sprintf(bodyProblem, `{"pointer":"/summary","code":"required"}`)},
		{name: "no title", status: 404, typ: notFound, want: []cases.Item{missing},
			body: `{"type":"` + notFound + `","status":404,"detail":"gone",` +
				`"errors":[{"code":"case_not_found","detail":"gone"}]}`},
		{name: "no detail", status: 404, typ: notFound, want: []cases.Item{missing},
			body: `{"type":"` + notFound + `","title":"Not found","status":404,` +
				`"errors":[{"code":"case_not_found","detail":"gone"}]}`},
		{name: "other status", status: 410, typ: notFound, want: []cases.Item{missing},
			body: fmt.Sprintf(requestProblem,
				`{"code":"case_not_found","detail":"no case has the ID of the path"}`)},
		{name: "other items", status: 400, typ: invalid,
			want: []cases.Item{casetest.At("/summary", cases.CodeTooLong)},
			body: fmt.Sprintf(bodyProblem,
				`{"pointer":"/summary","code":"required","detail":"summary is required"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			res := problemResponse(tt.status, tt.body)
			want := 404
			if tt.typ == invalid {
				want = 400
			}
			got := casetest.AssertProblem(r, res, want, tt.typ, tt.want...)
			assert.Equal(t, tt.ok, got)
			assert.Equal(t, !tt.ok, r.failed)
		})
	}
}
