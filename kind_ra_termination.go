package cases

import (
	"reflect"
	"strconv"
	"strings"
)

// KindRATermination tells the partner that a registered-agent service is
// ending; its payloads are [*RATerminationRequest] and
// [*RATerminationResponse]. The parent of such a case must be a business.
const KindRATermination Kind = "ra_termination"

// RAReason says why a registered-agent service ends.
//
// A reason the package does not know is kept by lenient decoding and
// refused by strict validation with [CodeUnknownValue].
type RAReason string

// The reasons of an ra_termination request.
const (
	// RASwitchingProviders means the business moves to another
	// registered agent.
	RASwitchingProviders RAReason = "switching_providers"
	// RABusinessDissolved means the business no longer exists.
	RABusinessDissolved RAReason = "business_dissolved"
	// RABusinessOffboarding means the business leaves the platform.
	RABusinessOffboarding RAReason = "business_offboarding"
	// RAOther is any other reason; the request must then explain it in
	// its reason_detail.
	RAOther RAReason = "other"
)

// RAReasons returns the known reasons.
func RAReasons() []RAReason {
	return []RAReason{RASwitchingProviders, RABusinessDissolved, RABusinessOffboarding, RAOther}
}

// IsKnown reports whether r is one of the reasons listed by [RAReasons].
func (r RAReason) IsKnown() bool {
	switch r {
	case RASwitchingProviders, RABusinessDissolved, RABusinessOffboarding, RAOther:
		return true
	}
	return false
}

// RATerminationRequest is the request of an ra_termination case, which
// tells the partner that the platform stops serving as a business's
// registered agent. Its parent must be a business.
type RATerminationRequest struct {
	// Reason says why the service ends.
	Reason RAReason `json:"reason"`

	// ReasonDetail explains the reason in at most 500 characters. It is
	// required when Reason is other; nil when absent.
	ReasonDetail *string `json:"reason_detail"`
}

// RATerminationResponse is the partner's acknowledgement of an
// ra_termination case.
type RATerminationResponse struct {
	// Acknowledged must be true. On the wire the key is required.
	Acknowledged bool `json:"acknowledged"`

	// SuccessorAgent names the business's new registered agent; nil when
	// the partner names none.
	SuccessorAgent *SuccessorAgent `json:"successor_agent"`
}

// SuccessorAgent is the registered agent that takes over a business.
type SuccessorAgent struct {
	// Name is the agent's name: one line of 1 to 255 characters.
	Name string `json:"name"`

	// Address is where the agent receives service of process; required.
	Address *Address `json:"address"`
}

// MarshalJSON encodes the request with both of its keys; a nil request
// encodes as null.
func (p *RATerminationRequest) MarshalJSON() ([]byte, error) {
	return marshalPayload(p)
}

// MarshalJSON encodes the response with both of its keys; a nil response
// encodes as null.
func (p *RATerminationResponse) MarshalJSON() ([]byte, error) {
	return marshalPayload(p)
}

func (p *RATerminationRequest) absent() bool  { return p == nil }
func (p *RATerminationResponse) absent() bool { return p == nil }

func (p *RATerminationRequest) clone() Payload {
	return &RATerminationRequest{Reason: p.Reason, ReasonDetail: clonePtr(p.ReasonDetail)}
}

func (p *RATerminationResponse) clone() Payload {
	d := &RATerminationResponse{Acknowledged: p.Acknowledged}
	if s := p.SuccessorAgent; s != nil {
		d.SuccessorAgent = &SuccessorAgent{Name: s.Name}
		if s.Address != nil {
			d.SuccessorAgent.Address = cloneValue(s.Address).(*Address)
		}
	}
	return d
}

// raTermination holds the rules of the ra_termination kind.
type raTermination struct{}

func (raTermination) fits(p Payload, response bool) bool {
	if response {
		_, ok := p.(*RATerminationResponse)
		return ok
	}
	_, ok := p.(*RATerminationRequest)
	return ok
}

func (raTermination) parent() ParentType { return ParentBusiness }

// typeRAReason is the enum type of a request's reason, for the known tag.
var typeRAReason = reflect.TypeFor[RAReason]()

func (raTermination) enums() map[reflect.Type]enumType {
	return map[reflect.Type]enumType{typeRAReason: enumOf(RAReasons)}
}

// responseGaps is empty: a response does not depend on the request.
func (raTermination) responseGaps() []schemaGap { return nil }

func (raTermination) schema(response bool) jsonObj {
	if response {
		return objectSchema(reflect.TypeFor[raTerminationResponseRules](),
			reflect.TypeFor[RATerminationResponse](), nil)
	}
	s := objectSchema(reflect.TypeFor[raTerminationRequestRules](),
		reflect.TypeFor[RATerminationRequest](), nil)
	s["if"] = jsonObj{
		"required":   []any{"reason"},
		"properties": jsonObj{"reason": jsonObj{"const": string(RAOther)}},
	}
	s["then"] = jsonObj{
		"required": []any{"reason_detail"},
		"properties": jsonObj{"reason_detail": jsonObj{
			"type": "string", "pattern": notBlankPattern(),
		}},
	}
	return s
}

// raTerminationRequestRules declares the rules of an
// [RATerminationRequest].
type raTerminationRequestRules struct {
	reason       RAReason `name:"reason" validate:"required,notblank,known"`
	reasonDetail *string  `name:"reason_detail" validate:"omitnil,max=500,text"`
}

// raTerminationResponseRules declares the rules of an
// [RATerminationResponse].
type raTerminationResponseRules struct {
	acknowledged   bool            `name:"acknowledged" validate:"true"`
	successorAgent *successorRules `name:"successor_agent" validate:"omitnil"`
}

// successorRules declares the rules of a [SuccessorAgent].
type successorRules struct {
	name    string        `name:"name" validate:"required,notblank,max=255,oneline"`
	address *addressRules `name:"address" validate:"required"`
}

func rulesOfRAResponse(p *RATerminationResponse) *raTerminationResponseRules {
	r := &raTerminationResponseRules{acknowledged: p.Acknowledged}
	if s := p.SuccessorAgent; s != nil {
		r.successorAgent = &successorRules{name: s.Name, address: rulesOfAddress(s.Address)}
	}
	return r
}

func (raTermination) checkRequest(p Payload, rep *report) {
	req := p.(*RATerminationRequest)
	rep.check("/request", &raTerminationRequestRules{
		reason: req.Reason, reasonDetail: req.ReasonDetail,
	})
	blank := req.ReasonDetail == nil || strings.TrimSpace(*req.ReasonDetail) == ""
	if req.Reason == RAOther && blank {
		rep.add("/request/reason_detail", CodeRequired,
			"reason_detail is required when reason is other")
	}
}

func (raTermination) checkResponse(_, resp Payload, base string, rep *report) {
	rep.check(base, rulesOfRAResponse(resp.(*RATerminationResponse)))
}

// The JSON form of the payloads.

func (p *RATerminationRequest) appendJSON(b []byte, err *error) []byte {
	b = append(b, `{"reason":`...)
	b = appendString(b, string(p.Reason), err)
	b = append(b, `,"reason_detail":`...)
	b = appendOptString(b, p.ReasonDetail, err)
	return append(b, '}')
}

func (p *RATerminationResponse) appendJSON(b []byte, err *error) []byte {
	b = append(b, `{"acknowledged":`...)
	b = strconv.AppendBool(b, p.Acknowledged)
	b = append(b, `,"successor_agent":`...)
	if s := p.SuccessorAgent; s == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"name":`...)
		b = appendString(b, s.Name, err)
		b = append(b, `,"address":`...)
		b = appendAddress(b, s.Address, err)
		b = append(b, '}')
	}
	return append(b, '}')
}

func (raTermination) readRequest(r *reader) Payload {
	req := &RATerminationRequest{}
	r.object("request", func(key string) {
		switch key {
		case "reason":
			req.Reason = RAReason(r.reqStr(key))
		case "reason_detail":
			req.ReasonDetail, _ = r.optStr(key)
		default:
			r.unknown()
		}
	})
	return req
}

func (raTermination) readResponse(r *reader) Payload {
	resp := &RATerminationResponse{}
	present := false
	ok := r.object("response", func(key string) {
		switch key {
		case "acknowledged":
			if !r.null() {
				present = true
				resp.Acknowledged, _ = r.boolean(key)
			}
		case "successor_agent":
			if !r.null() {
				resp.SuccessorAgent = readSuccessor(r)
			}
		default:
			r.unknown()
		}
	})
	if ok && !present && r.strict {
		r.push("acknowledged")
		r.fail(CodeRequired, "acknowledged is required")
		r.pop()
	}
	return resp
}

func readSuccessor(r *reader) *SuccessorAgent {
	s := &SuccessorAgent{}
	r.object("successor_agent", func(key string) {
		switch key {
		case "name":
			s.Name = r.reqStr(key)
		case "address":
			if !r.null() {
				s.Address = readAddress(r)
			}
		default:
			r.unknown()
		}
	})
	return s
}
