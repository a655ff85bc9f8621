package casehttp_test

import (
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
)

// TestEndpoints_BodyVariants sends every body variant of casetest to its
// endpoint: each is refused with 400 and exactly its item, and changes
// nothing.
func TestEndpoints_BodyVariants(t *testing.T) {
	s := casetest.NewServer(t)
	invalid := casetest.ProblemType(cases.ErrInvalid)
	refused := func(t *testing.T, method, path string, v casetest.BodyVariant) {
		res := call(t, s, method, path, string(v.JSON))
		casetest.AssertProblem(t, res, 400, invalid, v.Want)
	}

	for _, o := range []*cases.OpenRequest{
		casetest.MissingInformationOpen(s.Env.Now()), casetest.RATerminationOpen(),
	} {
		for _, v := range casetest.OpenVariants(o, s.Env.Now()) {
			t.Run("open/"+string(o.Kind)+"/"+v.Name, func(t *testing.T) {
				refused(t, "POST", "/v1/case", v)
			})
		}
	}
	assert.Empty(t, casesIn(t, s), "a refused open stored a case")

	mi := s.OpenMissingInformation()
	ra := s.Open(casetest.RATerminationOpen())
	for _, v := range casetest.UpdateVariants(s.Env.Now()) {
		t.Run("update/"+v.Name, func(t *testing.T) {
			refused(t, "PATCH", "/v1/case/"+mi.ID, v)
		})
	}
	for _, tt := range []struct {
		c      *cases.Case
		answer cases.Payload
	}{
		{mi, casetest.MissingInformationAnswer()},
		{ra, casetest.RATerminationAnswer()},
	} {
		for _, v := range casetest.ResponseVariants(tt.c, tt.answer) {
			t.Run("respond/"+string(tt.c.Kind)+"/"+v.Name, func(t *testing.T) {
				refused(t, "POST", "/v1/case/"+tt.c.ID+"/response", v)
			})
		}
	}
	assert.Equal(t, mi, s.Case(mi.ID), "a refused change changed the case")
	assert.Equal(t, ra, s.Case(ra.ID), "a refused change changed the case")
	assert.Len(t, s.Events(), 2)
}
