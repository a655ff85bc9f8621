package cases

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
)

// Kind is the type of a case. It decides the shape of the case's request
// and response.
//
// A Kind the package does not know is kept by lenient decoding, together
// with the case's request and response as [RawPayload]; strict validation
// refuses it with [CodeUnknownValue].
type Kind string

// Kinds returns the known kinds, sorted: [KindMissingInformation] and
// [KindRATermination]. Each kind's constant, payload types and rules live
// in its own file.
func Kinds() []Kind {
	return slices.Sorted(maps.Keys(kinds))
}

// IsKnown reports whether k is one of the kinds listed by [Kinds].
func (k Kind) IsKnown() bool { return kinds[k] != nil }

// Payload is the request or the response of a case. Its dynamic type is
// the pointer to one of the kind's payload types, or [RawPayload] for a kind
// the package does not know. A nil Payload, a nil pointer of a payload type
// and an empty RawPayload are all an absent payload: they encode as null,
// and validation reports them as missing where a payload is required.
type Payload interface {
	json.Marshaler

	// clone returns a deep copy of the payload, which is not absent.
	clone() Payload

	// appendJSON appends the JSON form of the payload, which is not
	// absent; a value with no JSON form sets *err.
	appendJSON(b []byte, err *error) []byte

	// absent reports whether the payload is a nil pointer or empty.
	absent() bool
}

// isAbsent reports whether p is an absent payload: nil, a nil pointer of
// a payload type, or an empty RawPayload.
func isAbsent(p Payload) bool { return p == nil || p.absent() }

// clonePayload returns a deep copy of p, or nil when p is absent.
func clonePayload(p Payload) Payload {
	if isAbsent(p) {
		return nil
	}
	return p.clone()
}

// RawPayload is a request or response kept as the JSON text it arrived in,
// because the case's kind is not known to the package. It is encoded back
// byte for byte; an empty RawPayload is absent and encodes as null.
type RawPayload []byte

// MarshalJSON returns the payload's JSON text, or null when it is empty.
func (p RawPayload) MarshalJSON() ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	return bytes.Clone(p), nil
}

func (p RawPayload) clone() Payload { return RawPayload(bytes.Clone(p)) }

func (p RawPayload) appendJSON(b []byte, _ *error) []byte { return append(b, p...) }

func (p RawPayload) absent() bool { return len(p) == 0 }

// kindRules is what a kind contributes: how its payloads are read and which
// rules they follow beyond their validator tags. The state machine never
// looks at it. A payload handed to a method is never absent.
type kindRules interface {
	readRequest(r *reader) Payload
	readResponse(r *reader) Payload

	// fits reports whether p is of the kind's request type, or of its
	// response type when response is set.
	fits(p Payload, response bool) bool

	// parent returns the parent type that cases of the kind need, or ""
	// when any parent will do.
	parent() ParentType

	// checkRequest reports the problems of a case's request, at pointers
	// below "/request"; req is of the kind's type. It takes the request
	// alone so that the case it belongs to can stay on the stack of its
	// caller.
	checkRequest(req Payload, rep *report)

	// checkResponse reports the problems of resp measured against req,
	// at pointers below base; req is of the kind's type, or nil when the
	// request is missing or of the wrong type.
	checkResponse(req, resp Payload, base string, rep *report)

	// enums returns the enum types of the kind's payloads, for the
	// validator's known tag and the JSON Schemas.
	enums() map[reflect.Type]enumType

	// schema returns the JSON Schema of the kind's request, or of its
	// response when response is set.
	schema(response bool) jsonObj

	// responseGaps names the rules of the kind's responses that its
	// response schema cannot express.
	responseGaps() []schemaGap
}

// kinds registers the rules of every known kind. Adding a kind takes a file
// that implements kindRules and its payload types, and one line here.
var kinds = map[Kind]kindRules{
	KindMissingInformation: missingInformation{},
	KindRATermination:      raTermination{},
}

// samePayload reports whether a and b encode to the same JSON; two absent
// payloads are the same.
func samePayload(a, b Payload) bool {
	if isAbsent(a) || isAbsent(b) {
		return isAbsent(a) && isAbsent(b)
	}
	ja, errA := a.MarshalJSON()
	jb, errB := b.MarshalJSON()
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
