package cases

import (
	"reflect"
	"slices"
	"strconv"
)

// KindMissingInformation asks the partner for the fields listed in its
// request; its payloads are [*MissingInformationRequest] and
// [*MissingInformationResponse].
const KindMissingInformation Kind = "missing_information"

// MissingInformationRequest is the request of a missing_information case:
// the fields the partner's customer is asked to fill in.
type MissingInformationRequest struct {
	// Fields lists 1 to 50 field specs with unique names; nil encodes as
	// null and is reported as required.
	Fields []FieldSpec `json:"fields"`
}

// MissingInformationResponse is the response of a missing_information
// case: the answers, by field name.
type MissingInformationResponse struct {
	// Fields maps the name of each answered field to its answer; nil
	// encodes as null and is reported as required.
	//
	// Decoded answers follow the JSON value model: string, bool,
	// [json.Number] for numbers, map[string]any for objects (an address),
	// []any for arrays and nil for null. Answers built in Go may also be
	// of any integer or floating-point type, or an [Address] or *Address.
	// A nil answer, a nil *Address and, for a string-like field, a blank
	// string count as no answer.
	Fields map[string]any `json:"fields"`
}

// MarshalJSON encodes the request as {"fields": [...]}; a nil request
// encodes as null.
func (p *MissingInformationRequest) MarshalJSON() ([]byte, error) {
	return marshalPayload(p)
}

// MarshalJSON encodes the response as {"fields": {...}}, with the answers
// in the order of their names; a nil response encodes as null.
func (p *MissingInformationResponse) MarshalJSON() ([]byte, error) {
	return marshalPayload(p)
}

func (p *MissingInformationRequest) absent() bool  { return p == nil }
func (p *MissingInformationResponse) absent() bool { return p == nil }

func (p *MissingInformationRequest) clone() Payload {
	d := &MissingInformationRequest{Fields: slices.Clone(p.Fields)}
	for i := range d.Fields {
		d.Fields[i].Options = slices.Clone(d.Fields[i].Options)
		d.Fields[i].Example = cloneValue(d.Fields[i].Example)
	}
	return d
}

func (p *MissingInformationResponse) clone() Payload {
	return &MissingInformationResponse{Fields: cloneValue(p.Fields).(map[string]any)}
}

// missingInformation holds the rules of the missing_information kind.
type missingInformation struct{}

func (missingInformation) fits(p Payload, response bool) bool {
	if response {
		_, ok := p.(*MissingInformationResponse)
		return ok
	}
	_, ok := p.(*MissingInformationRequest)
	return ok
}

func (missingInformation) parent() ParentType { return "" }

func (missingInformation) enums() map[reflect.Type]enumType {
	return map[reflect.Type]enumType{typeFieldType: enumOf(FieldTypes)}
}

// responseGaps names the check of the answers against the requested
// fields, which no schema of the body alone can make.
func (missingInformation) responseGaps() []schemaGap { return []schemaGap{gapResponse} }

func (missingInformation) schema(response bool) jsonObj {
	if !response {
		return objectSchema(reflect.TypeFor[missingInformationRequestRules](),
			reflect.TypeFor[MissingInformationRequest](), nil)
	}
	return jsonObj{
		"type": "object",
		"properties": jsonObj{"fields": jsonObj{
			"type":        "object",
			"description": "the answers, by field name; each is checked against the case's request",
		}},
		"required":             []any{"fields"},
		"additionalProperties": false,
	}
}

// missingInformationRequestRules declares the rules of a
// [MissingInformationRequest]. Its fields are checked one by one, each
// with its fieldSpecRules, which costs less than the validator's dive.
type missingInformationRequestRules struct {
	fields []FieldSpec `name:"fields" validate:"required,min=1,max=50"`
}

// The pools of the mirrors of a request and of its field specs, which
// every check of a missing_information case uses.
var (
	requestMirrors mirrorPool[missingInformationRequestRules]
	specMirrors    mirrorPool[fieldSpecRules]
)

func (missingInformation) checkRequest(p Payload, rep *report) {
	req := p.(*MissingInformationRequest)
	rm := requestMirrors.get()
	rm.fields = req.Fields
	rep.check("/request", rm)
	requestMirrors.put(rm)
	mirror := specMirrors.get()
	defer specMirrors.put(mirror)
	for i := range req.Fields {
		s := &req.Fields[i]
		rep.nest("/request/fields", strconv.Itoa(i), func() {
			mirror.of(s)
			rep.check("", mirror)
			checkSpec(s, rep)
			for _, prev := range req.Fields[:i] {
				if prev.Name == s.Name && s.Name != "" {
					rep.add("/name", CodeDuplicate, "name must not appear twice in one request")
					break
				}
			}
		})
	}
}

func (missingInformation) checkResponse(req, resp Payload, base string, rep *report) {
	answers := resp.(*MissingInformationResponse).Fields
	if answers == nil {
		rep.add(base+"/fields", CodeRequired, "fields is required")
		return
	}
	if req == nil {
		return
	}
	specs := req.(*MissingInformationRequest).Fields
	at := base + "/fields"
	for i := range specs {
		s := &specs[i]
		v, ok := answers[s.Name]
		rep.nest(at, s.Name, func() {
			switch {
			case ok && !isNoAnswer(s.Type, v):
				s.checkValue(v, "", rep)
			case s.Required:
				rep.add("", CodeRequired, "field is required")
			}
		})
	}
	for name := range answers {
		if !slices.ContainsFunc(specs, func(s FieldSpec) bool { return s.Name == name }) {
			rep.add(pointerJoin(at, name), CodeUnknownField, "field was not requested")
		}
	}
}

// The JSON form of the payloads.

func (p *MissingInformationRequest) appendJSON(b []byte, err *error) []byte {
	b = append(b, `{"fields":`...)
	if p.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFieldSpec(b, &p.Fields[i], err)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendFieldSpec(b []byte, s *FieldSpec, err *error) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, s.Name, err)
	b = append(b, `,"type":`...)
	b = appendString(b, string(s.Type), err)
	b = append(b, `,"description":`...)
	b = appendString(b, s.Description, err)
	b = append(b, `,"required":`...)
	b = strconv.AppendBool(b, s.Required)
	if s.Example != nil {
		b = append(b, `,"example":`...)
		b = appendValue(b, s.Example, err)
	}
	if s.Options != nil {
		b = append(b, `,"options":[`...)
		for i, o := range s.Options {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, o, err)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (p *MissingInformationResponse) appendJSON(b []byte, err *error) []byte {
	b = append(b, `{"fields":`...)
	if p.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = appendObject(b, p.Fields, err)
	}
	return append(b, '}')
}

func (missingInformation) readRequest(r *reader) Payload {
	req := &MissingInformationRequest{}
	r.object("request", func(key string) {
		if key != "fields" {
			r.unknown()
			return
		}
		if r.null() {
			return
		}
		// The specs gather in the reader's scratch list, so that the
		// request keeps one list of the right length; an empty list is
		// still a list, not a missing one.
		specs := r.specs[:0]
		r.array("fields", func(int) {
			specs = append(specs, FieldSpec{})
			readFieldSpec(r, &specs[len(specs)-1])
		})
		req.Fields = make([]FieldSpec, len(specs))
		copy(req.Fields, specs)
		clear(specs)
		r.specs = specs[:0]
	})
	return req
}

// readFieldSpec reads a field spec into the zero spec s.
func readFieldSpec(r *reader, s *FieldSpec) {
	r.object("field", func(key string) {
		switch key {
		case "name":
			s.Name = r.reqStr("name")
		case "type":
			s.Type = FieldType(r.reqStr("type"))
		case "description":
			s.Description = r.reqStr("description")
		case "required":
			if !r.null() {
				s.Required, _ = r.boolean("required")
			}
		case "example":
			s.Example = r.value()
		case "options":
			if r.null() {
				return
			}
			s.Options = []string{}
			r.array("options", func(int) {
				o, _ := r.str("option")
				s.Options = append(s.Options, o)
			})
		default:
			r.unknown()
		}
	})
}

func (missingInformation) readResponse(r *reader) Payload {
	resp := &MissingInformationResponse{}
	r.object("response", func(key string) {
		if key != "fields" {
			r.unknown()
			return
		}
		if r.null() {
			return
		}
		resp.Fields = map[string]any{}
		has := func(k string) bool { _, ok := resp.Fields[k]; return ok }
		r.mapObject("fields", has, func(name string) {
			resp.Fields[name] = r.value()
		})
	})
	return resp
}
