package casetest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/casekit/cases"
)

// Random returns a valid case drawn with r, its times and IDs taken from
// e: either kind, any parent, up to six requested fields of random types
// with valid answers, random metadata and details, and a random path
// through the lifecycle (answered, sent back, closed with any reason).
// The same seed and Env state give the same case.
func Random(r *rand.Rand, e *Env) *cases.Case {
	var o *cases.OpenRequest
	if r.IntN(5) == 0 {
		o = RATerminationOpen()
		o.Request = randomRARequest(r)
	} else {
		o = randomMIOpen(r, e.Now())
	}
	if r.IntN(4) == 0 {
		o.Status = cases.StatusUnderReview
	}
	c := e.open(o)
	for range r.IntN(4) {
		e.Clock.Advance(time.Duration(1+r.IntN(120)) * time.Minute)
		next := randomStep(r, c, e)
		if next == nil {
			break
		}
		c = next
	}
	return c
}

// randomStep makes one random move of c, or returns nil when c is closed.
func randomStep(r *rand.Rand, c *cases.Case, e *Env) *cases.Case {
	if c.Status.IsTerminal() {
		return nil
	}
	switch n := r.IntN(4); {
	case n == 0 && c.Status == cases.StatusNeedsResponse:
		c, _, err := cases.Respond(c, randomAnswer(r, c), e.Cases())
		must(err)
		return c
	case n == 0:
		status := cases.StatusNeedsResponse
		return e.update(c, &cases.UpdateRequest{Status: &status})
	case n == 1:
		v := "v" + strconv.Itoa(r.IntN(1000))
		return e.update(c, &cases.UpdateRequest{Metadata: map[string]*string{"step": &v}})
	}
	reasons := cases.ResolutionReasons()
	reason := reasons[r.IntN(len(reasons))]
	if reason == cases.ReasonResponseReceived && c.Response == nil {
		reason = cases.ReasonNoResponseNeeded
	}
	status := reason.Status()
	return e.update(c, &cases.UpdateRequest{Status: &status, ResolutionReason: &reason})
}

func randomMIOpen(r *rand.Rand, now time.Time) *cases.OpenRequest {
	o := MissingInformationOpen(now)
	parents := cases.ParentTypes()
	o.ParentType = parents[r.IntN(len(parents))]
	o.ParentID = fmt.Sprintf("par_%x", r.Uint32())
	types := cases.FieldTypes()
	specs := make([]cases.FieldSpec, 1+r.IntN(6))
	for i := range specs {
		t := types[r.IntN(len(types))]
		specs[i] = cases.FieldSpec{
			Name:        fmt.Sprintf("%s_%d", t, i),
			Type:        t,
			Description: "Please provide the " + string(t) + ".",
			Required:    r.IntN(2) == 0,
		}
		if t == cases.FieldEnum {
			specs[i].Options = []string{"llc", "corporation", "partnership"}
		}
		if r.IntN(3) == 0 {
			specs[i].Example = randomValue(r, &specs[i])
		}
	}
	o.Request = &cases.MissingInformationRequest{Fields: specs}
	if r.IntN(2) == 0 {
		o.Details = nil
	}
	if r.IntN(2) == 0 {
		o.DueAt = nil
	}
	o.Metadata = cases.Metadata{}
	for i := range r.IntN(4) {
		o.Metadata["key_"+strconv.Itoa(i)] = "value " + strconv.Itoa(r.IntN(100))
	}
	return o
}

func randomRARequest(r *rand.Rand) *cases.RATerminationRequest {
	reasons := cases.RAReasons()
	req := &cases.RATerminationRequest{Reason: reasons[r.IntN(len(reasons))]}
	if req.Reason == cases.RAOther || r.IntN(2) == 0 {
		d := "The business asked to end the service."
		req.ReasonDetail = &d
	}
	return req
}

// randomAnswer returns a valid response to c's request.
func randomAnswer(r *rand.Rand, c *cases.Case) cases.Payload {
	req, ok := c.Request.(*cases.MissingInformationRequest)
	if !ok {
		resp := RATerminationAnswer()
		if r.IntN(2) == 0 {
			resp.SuccessorAgent = &cases.SuccessorAgent{Name: "Northwind Agents Inc.",
				Address: &cases.Address{StreetLine1: "1 Main St", City: "Dover",
					Region: "DE", PostalCode: "19901", Country: "US"}}
		}
		return resp
	}
	answers := map[string]any{}
	for i := range req.Fields {
		s := &req.Fields[i]
		if s.Required || r.IntN(2) == 0 {
			answers[s.Name] = randomValue(r, s)
		}
	}
	return &cases.MissingInformationResponse{Fields: answers}
}

// randomValue returns a valid answer to a field, in the value model of
// decoded answers.
func randomValue(r *rand.Rand, s *cases.FieldSpec) any {
	n := r.IntN(10000)
	switch s.Type {
	case cases.FieldString:
		return "Acme Holdings " + strconv.Itoa(n)
	case cases.FieldText:
		return "First line " + strconv.Itoa(n) + ".\nSecond line."
	case cases.FieldNumber:
		return json.Number(strconv.FormatFloat(float64(n)/4, 'f', -1, 64))
	case cases.FieldInteger:
		return json.Number(strconv.Itoa(n - 5000))
	case cases.FieldBoolean:
		return n%2 == 0
	case cases.FieldDate:
		return fmt.Sprintf("20%02d-%02d-%02d", n%100, 1+n%12, 1+n%28)
	case cases.FieldDateTime:
		return time.Unix(int64(n)*86400, 0).UTC().Format(time.RFC3339)
	case cases.FieldEmail:
		return fmt.Sprintf("user%d@example.com", n)
	case cases.FieldPhone:
		return fmt.Sprintf("+1415555%04d", n)
	case cases.FieldURL:
		return fmt.Sprintf("https://example.com/documents/%d", n)
	case cases.FieldEnum:
		return s.Options[n%len(s.Options)]
	case cases.FieldAddress:
		return map[string]any{
			"street_line_1": strconv.Itoa(1+n%900) + " Main St", "city": "Dover",
			"region": "DE", "postal_code": "19901", "country": "US",
		}
	}
	return "doc_" + strconv.Itoa(n)
}
