package cases

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcRender writes the result of an operation as text, so that results
// computed in different goroutines can be compared.
func lcRender(c *Case, events []Event, err error) string {
	out := map[string]any{"case": c, "events": events}
	if err != nil {
		out["error"] = err.Error()
	}
	b, jerr := json.Marshal(out)
	if jerr != nil {
		return "render: " + jerr.Error()
	}
	return string(b)
}

func lcRenderErr(err error) string { return lcRender(nil, nil, err) }

func TestConcurrency_SharedInputs(t *testing.T) {
	const goroutines, iterations = 32, 200
	open := validOpen()
	internal := validOpen()
	internal.Status = StatusUnderReview
	badOpen := validOpen()
	badOpen.Summary, badOpen.Status = "", StatusResolved
	fresh := lcNeedsResponse(t)
	answered := lcAnswered(t)
	closed := lcStartNamed(t, "resolved_answered")
	answers := validAnswers()
	badAnswers := lcBadAnswers()
	move := lcMove(StatusSuperseded, ReasonParentCompleted)
	values := &UpdateRequest{
		Summary: ptr("S."), Details: Clear[string](), DueAt: Set(lcNow.Add(time.Hour)),
		Metadata: map[string]*string{"external_id": nil, "a": ptr("b")},
	}
	audit := &UpdateRequest{Metadata: map[string]*string{"audit": ptr("done")}}
	caseJSON := []byte(lcCaseJSON)
	env := func() Env { return testEnv(lcNow) }

	ops := []struct {
		name string
		run  func() string
	}{
		{"Open", func() string { return lcRender(Open(open, testEnv(t0))) }},
		{"Open internal", func() string { return lcRender(Open(internal, testEnv(t0))) }},
		{"Open invalid", func() string { return lcRender(Open(badOpen, testEnv(t0))) }},
		{"Update move", func() string { return lcRender(Update(fresh, move, env())) }},
		{"Update values", func() string { return lcRender(Update(answered, values, env())) }},
		{"Update closed", func() string { return lcRender(Update(closed, values, env())) }},
		{"Update closed metadata", func() string {
			return lcRender(Update(closed, audit, env()))
		}},
		{"Respond", func() string { return lcRender(Respond(fresh, answers, env())) }},
		{"Respond no-op", func() string { return lcRender(Respond(answered, answers, env())) }},
		{"Respond invalid", func() string { return lcRender(Respond(fresh, badAnswers, env())) }},
		{"Respond closed", func() string { return lcRender(Respond(closed, answers, env())) }},
		{"CloseForParent", func() string {
			return lcRender(CloseForParent(answered, ParentFailed, env()))
		}},
		{"Validate", func() string { return lcRenderErr(closed.Validate()) }},
		{"OpenRequest.Validate", func() string { return lcRenderErr(badOpen.Validate()) }},
		{"CheckResponse", func() string { return lcRenderErr(fresh.CheckResponse(answers)) }},
		{"CheckResponse invalid", func() string {
			return lcRenderErr(fresh.CheckResponse(badAnswers))
		}},
		{"Decoder.Case", func() string {
			c, err := Decoder{}.Case(caseJSON)
			return lcRender(c, nil, err)
		}},
		{"CheckMove", func() string {
			return lcRenderErr(CheckMove(StatusUnderReview, StatusResolved, "", false))
		}},
	}

	// What each call returns when nothing else runs.
	want := make([]string, len(ops))
	for i, op := range ops {
		want[i] = op.run()
	}
	require.Contains(t, want[0], `"case.opened"`)
	require.Contains(t, want[2], `/summary: required`)
	require.Contains(t, want[5], `case_closed`)
	require.Contains(t, want[9], `/fields/legal_name: invalid_type`)
	before := lcEncoded(t, lcInputs{c: closed, o: open, resp: answers, data: caseJSON})

	var mu sync.Mutex
	mismatches := map[string]string{}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range iterations {
				k := (g + i) % len(ops)
				if got := ops[k].run(); got != want[k] {
					mu.Lock()
					mismatches[ops[k].name] = got
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()

	assert.Empty(t, mismatches)
	assert.Equal(t, before, lcEncoded(t, lcInputs{c: closed, o: open, resp: answers,
		data: caseJSON}))
	assert.Equal(t, lcNeedsResponse(t), fresh)
	assert.Equal(t, lcAnswered(t), answered)
	assert.Equal(t, validAnswers(), answers)
	assert.Equal(t, validOpen(), open)
}

func TestConcurrency_EveryOperationPerGoroutine(t *testing.T) {
	const goroutines, iterations = 32, 200
	shared := lcNeedsResponse(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	fail := func(msg string) {
		mu.Lock()
		failures = append(failures, msg)
		mu.Unlock()
	}
	for range goroutines {
		wg.Go(func() {
			for i := range iterations {
				now := lcNow.Add(time.Duration(i) * time.Minute)
				c, _, err := Respond(shared, validAnswers(), testEnv(now))
				if err != nil || c.Status != StatusUnderReview || !c.UpdatedAt.Equal(now) {
					fail("respond: " + lcRender(c, nil, err))
					continue
				}
				c, events, err := Update(c, lcMove(StatusResolved, ""), testEnv(now))
				if err != nil || c.ResolutionReason != ReasonResponseReceived ||
					len(events) != 1 || events[0].Data.Status != StatusResolved {
					fail("update: " + lcRender(c, events, err))
					continue
				}
				if err := c.Validate(); err != nil {
					fail("validate: " + err.Error())
				}
				if _, _, err := Update(c, lcAuditUpdate(), testEnv(now)); err != nil {
					fail("metadata: " + err.Error())
				}
			}
		})
	}
	wg.Wait()

	assert.Empty(t, failures)
	assert.Equal(t, lcNeedsResponse(t), shared)
}

func lcAuditUpdate() *UpdateRequest {
	return &UpdateRequest{Metadata: map[string]*string{"audit": ptr("done")}}
}
