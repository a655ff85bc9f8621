package cases

import (
	"bytes"
	"encoding/json"
)

// Kind is the type of a case. It decides the shape of the case's request
// and response.
//
// A Kind the package does not know is kept by lenient decoding, together
// with the case's request and response as [RawPayload]; strict validation
// refuses it with [CodeUnknownValue].
type Kind string

// The kinds the package knows.
const (
	// KindMissingInformation asks the partner for the fields listed in its
	// request; its payloads are [*MissingInformationRequest] and
	// [*MissingInformationResponse].
	KindMissingInformation Kind = "missing_information"
	// KindRATermination tells the partner that a registered-agent service
	// is ending; its payloads are [*RATerminationRequest] and
	// [*RATerminationResponse].
	KindRATermination Kind = "ra_termination"
)

// Kinds returns the known kinds.
func Kinds() []Kind {
	return []Kind{KindMissingInformation, KindRATermination}
}

// IsKnown reports whether k is one of the kinds listed by [Kinds].
func (k Kind) IsKnown() bool { return kinds[k] != nil }

// Payload is the request or the response of a case. Its dynamic type is
// the pointer to one of the kind's payload types, or [RawPayload] for a kind
// the package does not know. A nil Payload is encoded as null.
type Payload interface {
	json.Marshaler
	clone() Payload
}

// RawPayload is a request or response kept as the JSON text it arrived in,
// because the case's kind is not known to the package. It is encoded back
// byte for byte.
type RawPayload []byte

// MarshalJSON returns the payload's JSON text, or null when it is empty.
func (p RawPayload) MarshalJSON() ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	return bytes.Clone(p), nil
}

func (p RawPayload) clone() Payload { return RawPayload(bytes.Clone(p)) }

// kindRules is what a kind contributes: how its payloads are read and which
// rules they follow beyond their validator tags. The state machine never
// looks at it.
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
	// below "/request"; req is of the kind's type and not nil. It takes
	// the request alone so that the case it belongs to can stay on the
	// stack of its caller.
	checkRequest(req Payload, rep *report)

	// checkResponse reports the problems of resp measured against req,
	// at pointers below base; req is of the kind's type and may be nil
	// when the request is missing or of the wrong type.
	checkResponse(req, resp Payload, base string, rep *report)

	// schema returns the JSON Schema of the kind's request, or of its
	// response when response is set.
	schema(response bool) jsonObj
}

// kinds registers the rules of every known kind. Adding a kind takes a file
// that implements kindRules and one line here.
var kinds = map[Kind]kindRules{
	KindMissingInformation: missingInformation{},
	KindRATermination:      raTermination{},
}

// samePayload reports whether a and b encode to the same JSON.
func samePayload(a, b Payload) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a == b {
		return true
	}
	ja, errA := a.MarshalJSON()
	jb, errB := b.MarshalJSON()
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
