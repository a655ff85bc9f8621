package cases

import "time"

// This file declares, as validator tags, the rules of every field that a
// tag can say. Each declaration mirrors one exported type field for field:
// the "name" tag is the field's JSON key, which becomes the last segment of
// a problem's pointer. The mirrors' fields are unexported so that the
// validator reads them without boxing each value, which keeps validation
// nearly free of allocations; TestRulesMirrorTheirTypes keeps them in step
// with the exported types.
//
// Rules that tags cannot say (across fields, per kind, a response against
// its request, metadata) are code in validate.go and the kind files.

// caseRules declares the rules of a case's own fields.
type caseRules struct {
	id               string           `name:"id" validate:"required,notblank,caseid"`
	createdAt        time.Time        `name:"created_at" validate:"required"`
	updatedAt        time.Time        `name:"updated_at" validate:"required"`
	parentType       ParentType       `name:"parent_type" validate:"required,notblank,known"`
	parentID         string           `name:"parent_id" validate:"required,notblank,opaque"`
	kind             Kind             `name:"kind" validate:"required,notblank,known"`
	status           Status           `name:"status" validate:"required,notblank,known"`
	summary          string           `name:"summary" validate:"required,notblank,max=255,oneline"`
	details          *string          `name:"details" validate:"omitnil,max=10000,text"`
	resolutionReason ResolutionReason `name:"resolution_reason" validate:"omitempty,known"`
}

// of sets r to the rules of c.
func (r *caseRules) of(c *Case) {
	*r = caseRules{
		id: c.ID, createdAt: c.CreatedAt, updatedAt: c.UpdatedAt,
		parentType: c.ParentType, parentID: c.ParentID, kind: c.Kind,
		status: c.Status, summary: c.Summary, details: c.Details,
		resolutionReason: c.ResolutionReason,
	}
}

// fieldSpecRules declares the rules of a [FieldSpec].
type fieldSpecRules struct {
	name    string    `name:"name" validate:"required,notblank,field"`
	typ     FieldType `name:"type" validate:"required,notblank,known"`
	desc    string    `name:"description" validate:"required,notblank,max=500,text"`
	options []string  `name:"options" validate:"omitnil,min=1,max=100,dive,present,max=100,oneline"`
}

// missingInformationRequestRules declares the rules of a
// [MissingInformationRequest]. Its fields are checked one by one, each
// with its fieldSpecRules, which costs less than the validator's dive.
type missingInformationRequestRules struct {
	fields []FieldSpec `name:"fields" validate:"required,min=1,max=50"`
}

// of sets r to the rules of f. One mirror serves every field of a
// request in turn.
func (r *fieldSpecRules) of(f *FieldSpec) {
	*r = fieldSpecRules{name: f.Name, typ: f.Type, desc: f.Description}
	// Options on a field of another type are refused whole; their entries
	// are not worth a problem each.
	if f.Type == FieldEnum {
		r.options = f.Options
	}
}

// formatRules declares the formats of string answers that the validator
// knows. A check sets the one field of its answer's type; the others stay
// empty and are skipped. (The validator checks a struct it is given
// without allocating, which it cannot do for a single value.)
type formatRules struct {
	email string `name:"email" validate:"omitempty,email"`
	phone string `name:"phone" validate:"omitempty,e164"`
	url   string `name:"url" validate:"omitempty,http_url"`
}

// addressRules declares the rules of an [Address].
type addressRules struct {
	streetLine1 string  `name:"street_line_1" validate:"required,notblank,max=255,oneline"`
	streetLine2 *string `name:"street_line_2" validate:"omitnil,max=255,oneline"`
	city        string  `name:"city" validate:"required,notblank,max=255,oneline"`
	county      *string `name:"county" validate:"omitnil,max=255,oneline"`
	region      string  `name:"region" validate:"required,notblank,max=255,oneline"`
	postalCode  string  `name:"postal_code" validate:"required,notblank,max=255,oneline"`
	country     string  `name:"country" validate:"required,notblank,iso3166_1_alpha2"`
}

func rulesOfAddress(a *Address) *addressRules {
	if a == nil {
		return nil
	}
	return &addressRules{
		streetLine1: a.StreetLine1, streetLine2: a.StreetLine2, city: a.City,
		county: a.County, region: a.Region, postalCode: a.PostalCode, country: a.Country,
	}
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

// eventRules declares the rules of an [Event]'s own fields.
type eventRules struct {
	id        string    `name:"id" validate:"required,notblank,caseid"`
	typ       EventType `name:"type" validate:"required,notblank,known"`
	createdAt time.Time `name:"created_at" validate:"required"`
}
