package cases

import "time"

// This file declares, as validator tags, the rules of every field of a
// case and an event that a tag can say. Each declaration mirrors one
// exported type field for field: the "name" tag is the field's JSON key,
// which becomes the last segment of a problem's pointer. The mirrors'
// fields are unexported so that the validator reads them without boxing
// each value, which keeps validation nearly free of allocations;
// TestRulesMirrorTheirTypes keeps them in step with the exported types.
//
// The mirrors of the payloads live with their kind (kind_*.go), those of
// a field spec and an address with their types. Rules that tags cannot
// say (across fields, per kind, a response against its request, metadata)
// are code in validate.go, metadata.go and the kind files.

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

// eventRules declares the rules of an [Event]'s own fields.
type eventRules struct {
	id        string    `name:"id" validate:"required,notblank,caseid"`
	typ       EventType `name:"type" validate:"required,notblank,known"`
	createdAt time.Time `name:"created_at" validate:"required"`
}
