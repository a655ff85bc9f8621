package bench

import (
	"regexp"

	"github.com/go-playground/validator/v10"
	"github.com/go-playground/validator/v10/non-standard/validators"
)

// openBody is the open body as a service would write it for encoding/json
// (or goccy/go-json) and validator tags. It models the request of
// missing_information only: a Go struct has one shape, and choosing the
// request's shape by kind takes a second decoding pass, which is code, not
// tags.
type openBody struct {
	ParentType string       `json:"parent_type" validate:"required,parenttype"`
	ParentID   string       `json:"parent_id" validate:"required,opaque"`
	Kind       string       `json:"kind" validate:"required,kind"`
	Status     string       `json:"status" validate:"required,openstatus"`
	Summary    string       `json:"summary" validate:"required,notblank,max=255,oneline"`
	Details    *string      `json:"details" validate:"omitnil,max=10000,text"`
	Request    *openRequest `json:"request" validate:"required"`
	DueAt      *string      `json:"due_at" validate:"omitnil,rfc3339"`
	Metadata   metadata     `json:"metadata" validate:"max=50,dive,keys,metakey,endkeys,max=500"`
}

// metadata is the metadata of an open body.
type metadata map[string]string

// openRequest is the request of a missing_information case.
type openRequest struct {
	Fields []fieldSpec `json:"fields" validate:"required,min=1,max=50,unique=Name,dive"`
}

// fieldSpec is one requested field. Example is checked by no tag: whether
// it is a valid value of Type needs code.
type fieldSpec struct {
	Name        string   `json:"name" validate:"required,fieldname"`
	Type        string   `json:"type" validate:"required,fieldtype"`
	Description string   `json:"description" validate:"required,notblank,max=500,text"`
	Required    *bool    `json:"required"`
	Example     any      `json:"example"`
	Options     []string `json:"options" validate:"enumonly,omitnil,options,dive,option"`
}

// The patterns of the custom tags, the same as in the JSON Schema.
var (
	oneLinePattern = regexp.MustCompile(`^[^\x00-\x1f\x7f-\x9f\x{2028}\x{2029}]*$`)
	textPattern    = regexp.MustCompile(`^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$`)
	opaquePattern  = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,128}$`)
	namePattern    = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	keyPattern     = regexp.MustCompile(`^[^\x00-\x1f\x7f-\x9f\x{2028}\x{2029}\[\]]{1,40}$`)
)

// aliases name the enums and the longer rules, to keep the tags short.
var aliases = map[string]string{
	"parenttype": "oneof=filing verification business session",
	"kind":       "oneof=missing_information ra_termination",
	"openstatus": "oneof=needs_response under_review",
	"fieldtype": "oneof=string text number integer boolean date date_time email phone url " +
		"enum address file",
	"rfc3339":  "datetime=2006-01-02T15:04:05Z07:00",
	"enumonly": "required_if=Type enum,excluded_unless=Type enum",
	"options":  "min=1,max=100,unique",
	"option":   "notblank,max=100,oneline",
}

// newTagValidator returns a validator with the tags that openBody uses
// and the built-in ones cannot say: one regular expression each, as a
// service would register them, and the validator's own notblank, which it
// ships but does not register.
func newTagValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	for tag, re := range map[string]*regexp.Regexp{
		"oneline":   oneLinePattern,
		"text":      textPattern,
		"opaque":    opaquePattern,
		"fieldname": namePattern,
		"metakey":   keyPattern,
	} {
		err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool {
			return re.MatchString(fl.Field().String())
		})
		if err != nil {
			panic("bench: registering tag " + tag + ": " + err.Error())
		}
	}
	if err := v.RegisterValidation("notblank", validators.NotBlank); err != nil {
		panic("bench: registering tag notblank: " + err.Error())
	}
	for alias, tags := range aliases {
		v.RegisterAlias(alias, tags)
	}
	return v
}
