package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setup starts the fake API and the partner's webhook endpoint, and
// registers the endpoint with the fake.
func setup(t *testing.T) (*casetest.Server, *Partner, *httptest.Server) {
	s := casetest.NewServer(t)
	p := &Partner{API: s.URL, Key: "sk_test_partner", Client: s.Client(), Now: s.Env.Now}
	hook := httptest.NewServer(p)
	t.Cleanup(hook.Close)
	p.Secret = s.RegisterWebhook(hook.URL)
	return s, p, hook
}

func TestPartner_AnswersAMissingInformationCase(t *testing.T) {
	s, p, _ := setup(t)
	ctx := context.Background()

	c := s.OpenMissingInformation()
	s.Deliveries() // waits for the webhook
	form, ok := p.Form(c.ID)
	require.True(t, ok)
	assert.Equal(t, "Additional information needed to complete your filing.\n"+
		"- corrected_legal_name: Corrected legal name of the company. (string, required)\n"+
		"- registered_office: Street address of the registered office. (address, required)\n"+
		"- contact_email: Email address we can reach about this filing. (email, optional)\n",
		form)

	// A first answer with mistakes is refused locally, before any request.
	err := p.Answer(ctx, c.ID, map[string]any{
		"corrected_legal_name": "Acme Holdings LLC",
		"contact_email":        "Ops <ops@example.com>",
	})
	casetest.AssertError(t, err, cases.ErrInvalid,
		casetest.At("/fields/contact_email", cases.CodeInvalidFormat),
		casetest.At("/fields/registered_office", cases.CodeRequired),
	)
	assert.Equal(t, cases.StatusNeedsResponse, s.Case(c.ID).Status)

	s.Env.Clock.Advance(time.Hour)
	require.NoError(t, p.Answer(ctx, c.ID, casetest.MissingInformationAnswer().Fields))
	got := s.Case(c.ID)
	assert.Equal(t, cases.StatusUnderReview, got.Status)
	assert.Equal(t, casetest.MissingInformationAnswer().Fields["corrected_legal_name"],
		got.Response.(*cases.MissingInformationResponse).Fields["corrected_legal_name"])

	s.Resolve(c.ID, "")
	var types []cases.EventType
	for _, e := range s.Events() {
		types = append(types, e.Type)
	}
	assert.Equal(t, []cases.EventType{
		cases.EventCaseOpened, cases.EventCaseUpdated, cases.EventCaseUpdated}, types)
	assert.Equal(t, cases.StatusResolved, p.Status(c.ID))
	_, ok = p.Form(c.ID)
	assert.False(t, ok)
}

func TestPartner_SeesInternalCasesOnlyOnceShown(t *testing.T) {
	s, p, _ := setup(t)
	o := casetest.MissingInformationOpen(s.Env.Now())
	o.Status = cases.StatusUnderReview
	c := s.Open(o)
	assert.Empty(t, s.Deliveries())
	_, ok := p.Form(c.ID)
	assert.False(t, ok)

	s.RequestResponse(c.ID)
	s.Deliveries()
	_, ok = p.Form(c.ID)
	assert.True(t, ok)
}

func TestPartner_PlatformRefusals(t *testing.T) {
	s, p, _ := setup(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		setup    func() string
		sentinel error
		item     cases.Item
	}{
		{name: "case superseded before the answer", setup: func() string {
			c := s.OpenMissingInformation()
			s.Supersede(c.ID, cases.ReasonParentCanceled)
			return c.ID
		}, sentinel: cases.ErrClosed, item: casetest.At("", cases.CodeCaseClosed)},
		{name: "case already under review", setup: func() string {
			c := s.OpenMissingInformation()
			require.NoError(t, p.Answer(ctx, c.ID, casetest.MissingInformationAnswer().Fields))
			return c.ID
		}, sentinel: cases.ErrNotAwaitingResponse,
			item: casetest.At("", cases.CodeNotAwaiting)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := tt.setup()
			answer := casetest.MissingInformationAnswer().Fields
			answer["corrected_legal_name"] = "Acme Group LLC"
			casetest.AssertError(t, p.Answer(ctx, id, answer), tt.sentinel, tt.item)
		})
	}
}

func TestPartner_RefusesUnsignedWebhooks(t *testing.T) {
	s, _, hook := setup(t)
	c := s.OpenMissingInformation()
	ev := s.Events()[0]
	body, err := ev.MarshalJSON()
	require.NoError(t, err)

	tests := []struct {
		name      string
		signature string
	}{
		{name: "no signature", signature: ""},
		{name: "wrong secret", signature: "t=1772442000,v1=00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("POST", hook.URL, bytes.NewReader(body))
			require.NoError(t, err)
			req.Header.Set("Case-Signature", tt.signature)
			res, err := hook.Client().Do(req)
			require.NoError(t, err)
			res.Body.Close()
			assert.Equal(t, http.StatusBadRequest, res.StatusCode)
		})
	}
	assert.Equal(t, cases.StatusNeedsResponse, s.Case(c.ID).Status)
}

// TestProblemError turns the API's problems back into errors: those of
// the cases package into a *cases.Error with their items, the others
// into an error that names the status and the code.
func TestProblemError(t *testing.T) {
	encode := func(p cases.Problem) []byte {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		return b
	}
	closed := &cases.Error{Err: cases.ErrClosed, Items: []cases.Item{
		{Code: cases.CodeCaseClosed, Message: "case is closed"}}}
	invalid := &cases.Error{Err: cases.ErrInvalid, Items: []cases.Item{
		{Pointer: "/fields/x", Code: cases.CodeUnknownField, Message: "x was not asked for"}}}

	err := problemError(409, encode(cases.ProblemFor(closed)))
	casetest.AssertError(t, err, cases.ErrClosed, casetest.At("", cases.CodeCaseClosed))
	err = problemError(400, encode(cases.ProblemFor(invalid)))
	casetest.AssertError(t, err, cases.ErrInvalid,
		casetest.At("/fields/x", cases.CodeUnknownField))

	err = problemError(412, encode(casehttp.ProblemFor(casehttp.ErrPreconditionFailed)))
	assert.EqualError(t, err,
		"case API answered 412: Precondition failed (precondition_failed)")
	var ce *cases.Error
	assert.False(t, errors.As(err, &ce))
	err = problemError(500, encode(casehttp.ProblemFor(errors.New("boom"))))
	assert.EqualError(t, err, "case API answered 500: Internal Server Error (internal_error)")
	assert.EqualError(t, problemError(502, []byte("<html>")), "case API answered 502")
}
