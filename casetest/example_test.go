package casetest_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
)

// exampleT stands in for the *testing.T of a real test.
type exampleT struct{ cleanups []func() }

func (t *exampleT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (t *exampleT) FailNow()                          { panic("test failed") }
func (t *exampleT) Helper()                           {}
func (t *exampleT) Cleanup(f func())                  { t.cleanups = append(t.cleanups, f) }

// A partner's test opens a case on the fake API, lets its code answer it,
// and checks what the platform sees and the events it sent.
func ExampleNewServer() {
	t := &exampleT{}
	defer func() {
		for _, f := range t.cleanups {
			f()
		}
	}()
	s := casetest.NewServer(t) // in a test: casetest.NewServer(t)

	c := s.OpenMissingInformation()
	fmt.Println(c.ID, c.Status)

	// The partner's code would answer here; instead, an hour later, the
	// platform finds that it needs no answer.
	s.Env.Clock.Advance(time.Hour)
	c = s.Resolve(c.ID, cases.ReasonNoResponseNeeded)
	fmt.Println(c.Status, c.ResolutionReason, c.ResolvedAt.Format("15:04"))
	for _, e := range s.Events() {
		fmt.Println(e.Type, e.Data.Status)
	}
	// Output:
	// 00000000-0000-7000-8000-000000000001 needs_response
	// resolved no_response_needed 10:00
	// case.opened needs_response
	// case.updated resolved
}

// Builders make a valid case for each scenario, with fixed times and IDs.
func ExampleEnv() {
	env := casetest.NewEnv()
	c := env.UnderReview(casetest.WithMetadata("tier", "gold"))
	fmt.Println(c.ID, c.Status, c.UpdatedAt, c.Metadata["tier"])
	fmt.Println(c.Validate())
	// Output:
	// 00000000-0000-7000-8000-000000000001 under_review 2026-03-02 10:00:00 +0000 UTC gold
	// <nil>
}

// Variants break one rule at a time, and say what validation must report.
func ExampleVariants() {
	c := casetest.Random(rand.New(rand.NewPCG(1, 2)), casetest.NewEnv())
	for _, v := range casetest.Variants(c)[:3] {
		_, err := cases.Decoder{}.Case(v.JSON)
		fmt.Println(v.Name, v.Want.Pointer, v.Want.Code, err != nil)
	}
	// Output:
	// blank_summary /summary required true
	// long_summary /summary too_long true
	// two_line_summary /summary invalid_format true
}

// Body variants break one rule of a request body at a time, and say what
// the operation (or the API, with 400) must report.
func ExampleOpenVariants() {
	env := casetest.NewEnv()
	o := casetest.MissingInformationOpen(env.Now())
	for _, v := range casetest.OpenVariants(o, env.Now())[:3] {
		open, err := cases.Decoder{}.Open(v.JSON)
		if err == nil {
			_, _, err = cases.Open(open, env.Cases())
		}
		fmt.Println(v.Name, v.Want.Pointer, v.Want.Code, err != nil)
	}
	// Output:
	// missing_summary /summary required true
	// bad_parent_id /parent_id invalid_format true
	// unknown_parent_type /parent_type unknown_value true
}
