package casetest

import (
	"maps"
	"time"

	"github.com/casekit/cases"
)

// Option changes a case that a builder made, after the builder's last
// step. It may change any field, also in ways that break the case's rules:
// that is the caller's choice. Option is a plain function, so a test
// changes a field that no With function names with a literal of its own:
//
//	env.Resolved(func(c *cases.Case) { c.ResolvedAt = nil })
//
// The With functions set the fields that do not depend on the status;
// the builders themselves give the status and the fields that go with it
// (opened_at, resolved_at, resolution_reason).
type Option func(*cases.Case)

// WithID sets the ID.
func WithID(id string) Option {
	return func(c *cases.Case) { c.ID = id }
}

// WithKind sets the kind, and nothing else: the request and response
// keep their types, so that a kind other than the builder's breaks the
// case unless WithRequest and WithResponse follow.
func WithKind(k cases.Kind) Option {
	return func(c *cases.Case) { c.Kind = k }
}

// WithRequest sets the request; nil clears it.
func WithRequest(p cases.Payload) Option {
	return func(c *cases.Case) { c.Request = p }
}

// WithResponse sets the response; nil clears it.
func WithResponse(p cases.Payload) Option {
	return func(c *cases.Case) { c.Response = p }
}

// WithParent sets the parent of the case.
func WithParent(t cases.ParentType, id string) Option {
	return func(c *cases.Case) { c.ParentType, c.ParentID = t, id }
}

// WithSummary sets the summary.
func WithSummary(s string) Option {
	return func(c *cases.Case) { c.Summary = s }
}

// WithDetails sets the details; nil clears them.
func WithDetails(s *string) Option {
	return func(c *cases.Case) { c.Details = s }
}

// WithDueAt sets the due time; nil clears it.
func WithDueAt(t *time.Time) Option {
	return func(c *cases.Case) { c.DueAt = t }
}

// WithMetadata sets one metadata pair.
func WithMetadata(key, value string) Option {
	return func(c *cases.Case) {
		c.Metadata = maps.Clone(c.Metadata)
		if c.Metadata == nil {
			c.Metadata = cases.Metadata{}
		}
		c.Metadata[key] = value
	}
}

// MissingInformationOpen returns the open request of the builders'
// missing_information cases: a filing that needs a corrected legal name,
// the registered office and, optionally, a contact email, due 14 days
// after now.
func MissingInformationOpen(now time.Time) *cases.OpenRequest {
	due := now.Add(14 * 24 * time.Hour)
	details := "The state rejected the name **Acme LLC** because it is already taken."
	return &cases.OpenRequest{
		ParentType: cases.ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       cases.KindMissingInformation,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Details:    &details,
		Request: &cases.MissingInformationRequest{Fields: []cases.FieldSpec{
			{Name: "corrected_legal_name", Type: cases.FieldString, Required: true,
				Description: "Corrected legal name of the company.",
				Example:     "Acme Holdings LLC"},
			{Name: "registered_office", Type: cases.FieldAddress, Required: true,
				Description: "Street address of the registered office."},
			{Name: "contact_email", Type: cases.FieldEmail,
				Description: "Email address we can reach about this filing."},
		}},
		DueAt:    &due,
		Metadata: cases.Metadata{"external_id": "ext_123"},
	}
}

// MissingInformationAnswer returns a valid response to the request of
// [MissingInformationOpen].
func MissingInformationAnswer() *cases.MissingInformationResponse {
	return &cases.MissingInformationResponse{Fields: map[string]any{
		"corrected_legal_name": "Acme Holdings LLC",
		"registered_office": map[string]any{
			"street_line_1": "8 The Green", "city": "Dover", "region": "DE",
			"postal_code": "19901", "country": "US",
		},
		"contact_email": "ops@example.com",
	}}
}

// RATerminationOpen returns the open request of the builders'
// ra_termination cases: a business switching registered-agent providers.
func RATerminationOpen() *cases.OpenRequest {
	return &cases.OpenRequest{
		ParentType: cases.ParentBusiness,
		ParentID:   "biz_42",
		Kind:       cases.KindRATermination,
		Status:     cases.StatusNeedsResponse,
		Summary:    "Registered-agent service ends in 30 days.",
		Request:    &cases.RATerminationRequest{Reason: cases.RASwitchingProviders},
	}
}

// RATerminationAnswer returns a valid response to an ra_termination case.
func RATerminationAnswer() *cases.RATerminationResponse {
	return &cases.RATerminationResponse{Acknowledged: true}
}

// NeedsResponse returns a missing_information case that waits for the
// partner's answer.
func (e *Env) NeedsResponse(opts ...Option) *cases.Case {
	return apply(e.open(MissingInformationOpen(e.Now())), opts)
}

// UnderReview returns a missing_information case that the partner
// answered an hour after it opened.
func (e *Env) UnderReview(opts ...Option) *cases.Case {
	return apply(e.answered(), opts)
}

// Reopened returns a missing_information case that the partner answered
// and the platform sent back to needs_response for more.
func (e *Env) Reopened(opts ...Option) *cases.Case {
	status := cases.StatusNeedsResponse
	c := e.update(e.answered(), &cases.UpdateRequest{Status: &status})
	return apply(c, opts)
}

// Internal returns a missing_information case opened under_review: the
// partner cannot see it and no event was sent.
func (e *Env) Internal(opts ...Option) *cases.Case {
	o := MissingInformationOpen(e.Now())
	o.Status = cases.StatusUnderReview
	return apply(e.open(o), opts)
}

// Closed returns a missing_information case closed with reason, in the
// status the reason belongs to: response_received after an answer,
// no_response_needed without one, and the parent reasons superseding an
// unanswered case. An unknown reason panics.
func (e *Env) Closed(reason cases.ResolutionReason, opts ...Option) *cases.Case {
	var c *cases.Case
	if reason == cases.ReasonResponseReceived {
		c = e.answered()
	} else {
		c = e.open(MissingInformationOpen(e.Now()))
	}
	status := reason.Status()
	if status == "" {
		panic("casetest: unknown resolution reason " + string(reason))
	}
	e.Clock.Advance(time.Hour)
	c = e.update(c, &cases.UpdateRequest{Status: &status, ResolutionReason: &reason})
	return apply(c, opts)
}

// Resolved returns a missing_information case resolved with the partner's
// response.
func (e *Env) Resolved(opts ...Option) *cases.Case {
	return e.Closed(cases.ReasonResponseReceived, opts...)
}

// Superseded returns a missing_information case superseded because its
// parent completed.
func (e *Env) Superseded(opts ...Option) *cases.Case {
	return e.Closed(cases.ReasonParentCompleted, opts...)
}

// RATermination returns an ra_termination case that waits for the
// partner's acknowledgement.
func (e *Env) RATermination(opts ...Option) *cases.Case {
	return apply(e.open(RATerminationOpen()), opts)
}

// answered returns a missing_information case that the partner answered.
func (e *Env) answered() *cases.Case {
	c := e.open(MissingInformationOpen(e.Now()))
	e.Clock.Advance(time.Hour)
	c, _, err := cases.Respond(c, MissingInformationAnswer(), e.Cases())
	must(err)
	return c
}

func (e *Env) open(o *cases.OpenRequest) *cases.Case {
	c, _, err := cases.Open(o, e.Cases())
	must(err)
	return c
}

func (e *Env) update(c *cases.Case, u *cases.UpdateRequest) *cases.Case {
	c, _, err := cases.Update(c, u, e.Cases())
	must(err)
	return c
}

// must panics when a builder's own step fails: the builders' inputs are
// fixed, so a failure is a bug in this package or in the cases package.
func must(err error) {
	if err != nil {
		panic("casetest: builder failed: " + err.Error())
	}
}

func apply(c *cases.Case, opts []Option) *cases.Case {
	for _, o := range opts {
		o(c)
	}
	return c
}

// Scenario names a builder, for tests that run over every kind of case.
type Scenario struct {
	Name  string
	Build func(e *Env, opts ...Option) *cases.Case
}

// Scenarios returns a builder for every scenario: a missing_information
// case in each status (needs_response, under_review, reopened, internal),
// each terminal state with each resolution reason, and an ra_termination
// case.
func Scenarios() []Scenario {
	s := []Scenario{
		{"needs_response", (*Env).NeedsResponse},
		{"under_review", (*Env).UnderReview},
		{"reopened", (*Env).Reopened},
		{"internal", (*Env).Internal},
		{"ra_termination", (*Env).RATermination},
	}
	for _, r := range cases.ResolutionReasons() {
		s = append(s, Scenario{
			Name: string(r.Status()) + "_" + string(r),
			Build: func(e *Env, opts ...Option) *cases.Case {
				return e.Closed(r, opts...)
			},
		})
	}
	return s
}
