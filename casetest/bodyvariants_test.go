package casetest_test

import (
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openBase is an open body that the variants start from.
type openBase struct {
	name string
	open func(env *casetest.Env) *cases.OpenRequest
}

var openBases = []openBase{
	{"missing_information", func(env *casetest.Env) *cases.OpenRequest {
		return casetest.MissingInformationOpen(env.Now())
	}},
	{"ra_termination", func(*casetest.Env) *cases.OpenRequest {
		return casetest.RATerminationOpen()
	}},
	{"internal_with_one_field", func(env *casetest.Env) *cases.OpenRequest {
		o := casetest.MissingInformationOpen(env.Now())
		o.Status, o.Details, o.Metadata = cases.StatusUnderReview, nil, nil
		req := o.Request.(*cases.MissingInformationRequest)
		req.Fields = req.Fields[:1]
		return o
	}},
}

// openBody decodes and opens body at env's time, as a service does.
func openBody(env *casetest.Env, body []byte) error {
	o, err := cases.Decoder{}.Open(body)
	if err == nil {
		_, _, err = cases.Open(o, env.Cases())
	}
	return err
}

// TestOpenVariants checks that the body each variant starts from opens a
// case, and that each variant fails with exactly its item.
func TestOpenVariants(t *testing.T) {
	names := map[string]bool{}
	for _, base := range openBases {
		env := casetest.NewEnv()
		o := base.open(env)
		body, err := o.MarshalJSON()
		require.NoError(t, err)
		require.NoError(t, openBody(env, body), base.name)
		for _, v := range casetest.OpenVariants(o, env.Now()) {
			names[v.Name] = true
			t.Run(base.name+"/"+v.Name, func(t *testing.T) {
				casetest.AssertError(t, openBody(env, v.JSON), cases.ErrInvalid, v.Want)
			})
		}
		again, err := o.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(body), string(again), "the open request was modified")
	}
	assert.Len(t, names, 30)
}

// updateBody decodes body and applies it to c at env's time.
func updateBody(env *casetest.Env, c *cases.Case, body []byte) error {
	u, err := cases.Decoder{}.Update(body)
	if err == nil {
		_, _, err = cases.Update(c, u, env.Cases())
	}
	return err
}

func TestUpdateVariants(t *testing.T) {
	for _, sc := range []string{"needs_response", "under_review"} {
		env := casetest.NewEnv()
		c := env.NeedsResponse()
		if sc == "under_review" {
			c = env.UnderReview()
		}
		variants := casetest.UpdateVariants(env.Now())
		require.NoError(t, updateBody(env, c, []byte(`{"summary":"Summary changed."}`)))
		for _, v := range variants {
			t.Run(sc+"/"+v.Name, func(t *testing.T) {
				casetest.AssertError(t, updateBody(env, c, v.JSON), cases.ErrInvalid, v.Want)
			})
		}
		assert.Len(t, variants, 24)
	}
}

// respondBody decodes body by c's kind and sends it to c.
func respondBody(env *casetest.Env, c *cases.Case, body []byte) error {
	p, err := cases.Decoder{}.Response(c.Kind, body)
	if err == nil {
		_, _, err = cases.Respond(c, p, env.Cases())
	}
	return err
}

func TestResponseVariants(t *testing.T) {
	successor := &cases.RATerminationResponse{Acknowledged: true,
		SuccessorAgent: &cases.SuccessorAgent{Name: "New Agent Inc.", Address: &cases.Address{
			StreetLine1: "1 Main St", City: "Dover", Region: "DE", PostalCode: "19901",
			Country: "US"}}}
	tests := []struct {
		name   string
		build  func(env *casetest.Env) *cases.Case
		answer cases.Payload
		count  int
	}{
		{name: "missing_information", build: func(env *casetest.Env) *cases.Case {
			return env.NeedsResponse()
		}, answer: casetest.MissingInformationAnswer(), count: 8},
		{name: "ra_termination", build: func(env *casetest.Env) *cases.Case {
			return env.RATermination()
		}, answer: casetest.RATerminationAnswer(), count: 6},
		{name: "ra_termination_with_successor", build: func(env *casetest.Env) *cases.Case {
			return env.RATermination()
		}, answer: successor, count: 6},
	}
	for _, tt := range tests {
		env := casetest.NewEnv()
		c := tt.build(env)
		body, err := tt.answer.MarshalJSON()
		require.NoError(t, err)
		require.NoError(t, respondBody(env, c, body), tt.name)
		before := c.Clone()
		variants := casetest.ResponseVariants(c, tt.answer)
		assert.Equal(t, before, c, "the case was modified")
		again, err := tt.answer.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(body), string(again), "the answer was modified")
		for _, v := range variants {
			t.Run(tt.name+"/"+v.Name, func(t *testing.T) {
				casetest.AssertError(t, respondBody(env, c, v.JSON), cases.ErrInvalid, v.Want)
			})
		}
		assert.Len(t, variants, tt.count, tt.name)
	}
}
