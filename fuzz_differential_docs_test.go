package cases

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The documents of the differential targets: for each, the plain structs
// encoding/json decodes it into, and the one comparable form that both
// readings are brought to. Times compare as RFC 3339 text in UTC, an
// update's patches as "keep", "clear" or "set " and the value, and a
// request or response as the plain struct of its kind, or as its raw text
// when the kind is not known.

// diffOpen is the plain struct that encoding/json decodes an open body
// into.
type diffOpen struct {
	ParentType string            `json:"parent_type"`
	ParentID   string            `json:"parent_id"`
	Kind       string            `json:"kind"`
	Status     string            `json:"status"`
	Summary    string            `json:"summary"`
	Details    *string           `json:"details"`
	Request    json.RawMessage   `json:"request"`
	DueAt      *time.Time        `json:"due_at"`
	Metadata   map[string]string `json:"metadata"`
}

// diffValues is the comparable form of an open body.
type diffValues struct {
	ParentType, ParentID, Kind, Status, Summary string
	Details                                     *string
	DueAt                                       string
	Metadata                                    map[string]string
	Request                                     any
}

func diffPlainOpen(data []byte) (any, error) {
	var p diffOpen
	if err := diffUnmarshal(data, &p); err != nil {
		return nil, err
	}
	req, err := diffPlainPayload(Kind(p.Kind), p.Request, false)
	return diffValues{
		ParentType: p.ParentType, ParentID: p.ParentID, Kind: p.Kind,
		Status: p.Status, Summary: p.Summary, Details: p.Details,
		DueAt: diffTime(p.DueAt), Metadata: p.Metadata, Request: req,
	}, err
}

func diffDecodeOpen(data []byte) (any, error) {
	o, err := Decoder{}.Open(data)
	if err != nil {
		return nil, err
	}
	return diffValues{
		ParentType: string(o.ParentType), ParentID: o.ParentID, Kind: string(o.Kind),
		Status: string(o.Status), Summary: o.Summary, Details: o.Details,
		DueAt: diffTime(o.DueAt), Metadata: o.Metadata, Request: diffPayload(o.Request),
	}, nil
}

// diffUpdate is the plain struct of an update body; a raw member tells an
// absent key from null.
type diffUpdate struct {
	Status           *string            `json:"status"`
	ResolutionReason *string            `json:"resolution_reason"`
	Summary          *string            `json:"summary"`
	Details          json.RawMessage    `json:"details"`
	DueAt            json.RawMessage    `json:"due_at"`
	Metadata         map[string]*string `json:"metadata"`
}

// diffUpdateValues is the comparable form of an update body.
type diffUpdateValues struct {
	Status, ResolutionReason, Summary *string
	Details, DueAt                    string
	Metadata                          map[string]*string
}

func diffPlainUpdate(data []byte) (any, error) {
	var p diffUpdate
	if err := diffUnmarshal(data, &p); err != nil {
		return nil, err
	}
	v := diffUpdateValues{Status: p.Status, ResolutionReason: p.ResolutionReason,
		Summary: p.Summary, Metadata: p.Metadata}
	var details *string
	var due *time.Time
	var err1, err2 error
	v.Details, err1 = diffRawPatch(p.Details, &details, func() string { return *details })
	v.DueAt, err2 = diffRawPatch(p.DueAt, &due, func() string { return diffTime(due) })
	return v, errors.Join(err1, err2)
}

// diffRawPatch decodes the raw member of a patch into *v and describes it.
func diffRawPatch[T any](raw json.RawMessage, v **T, show func() string) (string, error) {
	if raw == nil {
		return "keep", nil
	}
	if err := diffUnmarshal(raw, v); err != nil || *v == nil {
		return "clear", err
	}
	return "set " + show(), nil
}

func diffDecodeUpdate(data []byte) (any, error) {
	u, err := Decoder{}.Update(data)
	if err != nil {
		return nil, err
	}
	return diffUpdateValues{
		Status: (*string)(u.Status), ResolutionReason: (*string)(u.ResolutionReason),
		Summary: u.Summary, Metadata: u.Metadata,
		Details: diffPatch(u.Details, func(s string) string { return s }),
		DueAt:   diffPatch(u.DueAt, func(t time.Time) string { return diffTime(&t) }),
	}, nil
}

func diffPatch[T any](p Patch[T], show func(T) string) string {
	v, set := p.Value()
	switch {
	case set:
		return "set " + show(v)
	case p.IsClear():
		return "clear"
	}
	return "keep"
}

// diffCase is the plain struct of a whole case.
type diffCase struct {
	ID               string            `json:"id"`
	CreatedAt        time.Time         `json:"created_at"`
	UpdatedAt        time.Time         `json:"updated_at"`
	Metadata         map[string]string `json:"metadata"`
	ParentType       string            `json:"parent_type"`
	ParentID         string            `json:"parent_id"`
	Kind             string            `json:"kind"`
	Status           string            `json:"status"`
	Summary          string            `json:"summary"`
	Details          *string           `json:"details"`
	Request          json.RawMessage   `json:"request"`
	Response         json.RawMessage   `json:"response"`
	OpenedAt         *time.Time        `json:"opened_at"`
	DueAt            *time.Time        `json:"due_at"`
	ResolvedAt       *time.Time        `json:"resolved_at"`
	ResolutionReason *string           `json:"resolution_reason"`
}

// diffCaseValues is the comparable form of a whole case; a null
// resolution reason is "".
type diffCaseValues struct {
	ID, ParentType, ParentID, Kind, Status, Summary, ResolutionReason string
	CreatedAt, UpdatedAt, OpenedAt, DueAt, ResolvedAt                 string
	Details                                                           *string
	Metadata                                                          map[string]string
	Request, Response                                                 any
}

func diffPlainCase(data []byte) (any, error) {
	var p diffCase
	if err := diffUnmarshal(data, &p); err != nil {
		return nil, err
	}
	req, err1 := diffPlainPayload(Kind(p.Kind), p.Request, false)
	resp, err2 := diffPlainPayload(Kind(p.Kind), p.Response, true)
	v := diffCaseValues{
		ID: p.ID, ParentType: p.ParentType, ParentID: p.ParentID, Kind: p.Kind,
		Status: p.Status, Summary: p.Summary, Details: p.Details, Metadata: p.Metadata,
		CreatedAt: diffTime(&p.CreatedAt), UpdatedAt: diffTime(&p.UpdatedAt),
		OpenedAt: diffTime(p.OpenedAt), DueAt: diffTime(p.DueAt),
		ResolvedAt: diffTime(p.ResolvedAt), Request: req, Response: resp,
	}
	if p.ResolutionReason != nil {
		v.ResolutionReason = *p.ResolutionReason
	}
	return v, errors.Join(err1, err2)
}

func diffDecodeCase(data []byte) (any, error) {
	c, err := Decoder{Lenient: true}.Case(data)
	if err != nil {
		return nil, err
	}
	return diffCaseValues{
		ID: c.ID, ParentType: string(c.ParentType), ParentID: c.ParentID,
		Kind: string(c.Kind), Status: string(c.Status), Summary: c.Summary,
		Details: c.Details, Metadata: c.Metadata, ResolutionReason: string(c.ResolutionReason),
		CreatedAt: diffTime(&c.CreatedAt), UpdatedAt: diffTime(&c.UpdatedAt),
		OpenedAt: diffTime(c.OpenedAt), DueAt: diffTime(c.DueAt),
		ResolvedAt: diffTime(c.ResolvedAt),
		Request:    diffPayload(c.Request), Response: diffPayload(c.Response),
	}, nil
}

type diffField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Description string   `json:"description"`
	Required    *bool    `json:"required"`
	Example     any      `json:"example"`
	Options     []string `json:"options"`
}

type diffMIRequest struct {
	Fields []diffField `json:"fields"`
}

type diffMIResponse struct {
	Fields map[string]any `json:"fields"`
}

type diffRARequest struct {
	Reason       string  `json:"reason"`
	ReasonDetail *string `json:"reason_detail"`
}

type diffRAResponse struct {
	Acknowledged   bool           `json:"acknowledged"`
	SuccessorAgent *diffSuccessor `json:"successor_agent"`
}

type diffSuccessor struct {
	Name    string       `json:"name"`
	Address *diffAddress `json:"address"`
}

// diffAddress has the fields of Address in its order, without its
// methods, so that one converts to the other.
type diffAddress struct {
	StreetLine1 string  `json:"street_line_1"`
	StreetLine2 *string `json:"street_line_2"`
	City        string  `json:"city"`
	County      *string `json:"county"`
	Region      string  `json:"region"`
	PostalCode  string  `json:"postal_code"`
	Country     string  `json:"country"`
}

// diffPlainPayload decodes a request or response of kind k into the plain
// struct of its kind, or keeps its raw text when k is not known; null is
// nil.
func diffPlainPayload(k Kind, raw json.RawMessage, response bool) (any, error) {
	if raw == nil || string(raw) == "null" {
		return nil, nil
	}
	var err error
	switch {
	case k == KindMissingInformation && response:
		var p diffMIResponse
		err = diffUnmarshal(raw, &p)
		return p, err
	case k == KindMissingInformation:
		var p diffMIRequest
		err = diffUnmarshal(raw, &p)
		for i := range p.Fields {
			if p.Fields[i].Required == nil {
				p.Fields[i].Required = new(bool)
			}
		}
		return p, err
	case k == KindRATermination && response:
		var p diffRAResponse
		err = diffUnmarshal(raw, &p)
		return p, err
	case k == KindRATermination:
		var p diffRARequest
		err = diffUnmarshal(raw, &p)
		return p, err
	}
	return string(raw), nil
}

func diffPlainPayloadOf(k Kind) func([]byte) (any, error) {
	return func(data []byte) (any, error) { return diffPlainPayload(k, data, true) }
}

func diffDecodeResponse(k Kind) func([]byte) (any, error) {
	return func(data []byte) (any, error) {
		p, err := Decoder{}.Response(k, data)
		return diffPayload(p), err
	}
}

// diffPayload returns the comparable form of a decoded payload.
func diffPayload(p Payload) any {
	switch r := p.(type) {
	case *MissingInformationRequest:
		plain := diffMIRequest{}
		if r.Fields != nil {
			plain.Fields = make([]diffField, len(r.Fields))
		}
		for i, f := range r.Fields {
			plain.Fields[i] = diffField{
				Name: f.Name, Type: string(f.Type), Description: f.Description,
				Required: &f.Required, Example: f.Example, Options: f.Options,
			}
		}
		return plain
	case *MissingInformationResponse:
		return diffMIResponse{Fields: r.Fields}
	case *RATerminationRequest:
		return diffRARequest{Reason: string(r.Reason), ReasonDetail: r.ReasonDetail}
	case *RATerminationResponse:
		plain := diffRAResponse{Acknowledged: r.Acknowledged}
		if s := r.SuccessorAgent; s != nil {
			plain.SuccessorAgent = &diffSuccessor{Name: s.Name}
			if s.Address != nil {
				plain.SuccessorAgent.Address = (*diffAddress)(s.Address)
			}
		}
		return plain
	case RawPayload:
		return string(r)
	}
	return nil
}

func diffTime(t *time.Time) string {
	if t == nil {
		return "<nil>"
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func diffBuiltOpen(tb testing.TB) [][]byte {
	return append(diffMarshalAll(tb, validOpen(), validRAOpen()),
		[]byte(`{"parent_type":"verification","parent_id":"ver:9","kind":"missing_information",`+
			`"status":"under_review","summary":"S\u00e9 \ud83d\ude00 \/ \"q\"","details":null,`+
			`"request":{"fields":[{"name":"n","type":"integer","description":"D\tx",`+
			`"required":null,"example":-0},{"name":"t","type":"text","description":"d",`+
			`"example":"a\r\nb"},{"name":"e","type":"enum","description":"d",`+
			`"options":["x","y"],"example":"y"}]},"due_at":"2099-01-01T10:00:00.5+05:30",`+
			`"metadata":{"k":"","a/b~c":"\u00e9"}}`),
		[]byte(`{"parent_type":"business","parent_id":"b","kind":"ra_termination",`+
			`"status":"needs_response","summary":"s","request":{"reason":"other",`+
			`"reason_detail":"why\n"},"metadata":null,"due_at":null}`))
}

func diffBuiltUpdate(tb testing.TB) [][]byte {
	return append(diffMarshalAll(tb,
		&UpdateRequest{Status: ptr(StatusResolved), ResolutionReason: ptr(ReasonNoResponseNeeded)},
		&UpdateRequest{Summary: ptr("New summary."), Details: Clear[string](),
			DueAt: Set(t0.Add(time.Hour)), Metadata: map[string]*string{"a": ptr("b"), "c": nil}},
		&UpdateRequest{Details: Set("Line one.\nLine two."), DueAt: Clear[time.Time]()},
	), []byte(`{"summary":"S\u00e9 \/","details":"a\tb","due_at":"2099-01-01T10:00:00.25-02:30",`+
		`"metadata":{"k":"","a/b~c":null,"\u00e9":"\u00e9"},"resolution_reason":null}`))
}

func diffBuiltRespondMI(tb testing.TB) [][]byte {
	return append(diffMarshalAll(tb, validAnswers()),
		[]byte(`{"fields":{"n":-0,"x":1.5e3,"b":false,"s":"\u00e9\n","z":null,"l":[1,{"a":[]}]}}`),
		[]byte(`{"fields":{}}`))
}

func diffBuiltRespondRA(tb testing.TB) [][]byte {
	return append(diffMarshalAll(tb,
		&RATerminationResponse{Acknowledged: true},
		&RATerminationResponse{Acknowledged: true, SuccessorAgent: &SuccessorAgent{
			Name: "Agent", Address: &Address{StreetLine1: "1 Main St", StreetLine2: ptr("Suite 2"),
				City: "Dover", County: ptr("Kent"), Region: "DE", PostalCode: "19901", Country: "US"}}},
	), []byte(`{"successor_agent":null,"acknowledged":true}`),
		[]byte(`{"acknowledged":true,"successor_agent":{"address":null,"name":"A\u00e9 \ud83d\ude00"}}`),
		[]byte(`{"successor_agent":{"name":"B","address":{"country":"GB","postal_code":"SW1A 1AA",`+
			`"region":"London","city":"London","street_line_1":"1 Road","county":null}},"acknowledged":true}`))
}

func diffBuiltCase(tb testing.TB) [][]byte {
	c := mustOpen(tb, validOpen())
	answered, _, err := Respond(c, validAnswers(), testEnv(t0.Add(time.Hour)))
	require.NoError(tb, err)
	return append(diffMarshalAll(tb, c, answered, mustOpen(tb, validRAOpen())),
		[]byte(`{"kind":"kyc_check","request":{"doc": [1, "x"]},"response":null,"extra":1,`+
			`"status":"Needs_Response","created_at":"2026-03-01T09:00:00+01:00"}`))
}
