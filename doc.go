// Package cases models the case resource of a business-compliance partner
// API and validates it.
//
// A platform that forms companies, files documents, verifies businesses or
// serves as their registered agent opens a case against one of its resources
// when it needs something from its partner: missing information, or an action
// such as ending a registered-agent service. The partner answers; the platform
// reviews and resolves the case, or the case is superseded when its parent
// finishes.
//
// # Two sides
//
// A service that opens, updates and resolves cases decodes request bodies
// strictly ([Decoder] with Lenient unset), applies [Open], [Update], [Respond]
// and [CloseForParent], stores the [Case] they return and delivers the [Event]
// values they produce. Every problem with an input or a case's state is an
// [*Error] that converts to RFC 9457 problem details with [ProblemFor]; the
// few failures that are not (a failing ID source, a value with no JSON
// form) are plain errors, which ProblemFor turns into a 500.
//
// A partner that receives cases decodes them leniently (Decoder with Lenient
// set, or [encoding/json] through [Case.UnmarshalJSON]), which keeps enum
// values it does not know, and checks its customer's answers against the
// requested fields with [Case.CheckResponse] before sending them.
//
// # Kinds
//
// The kind of a case decides the shape of its request and response. The
// library knows [KindMissingInformation] and [KindRATermination]; a case of any
// other kind keeps both payloads as [RawPayload], unchanged.
//
// # Purity
//
// Operations never read the clock or a random source on their own: they take
// an [Env] that supplies both, and the zero Env uses the current UTC time and
// UUIDv7 identifiers. They never modify their arguments, also when they fail,
// and they are idempotent: repeating a change that is already in place
// returns the case as it is and no event.
//
// # Validation
//
// Rules are declared once, as validator tags on the types, and checked by one
// shared github.com/go-playground/validator/v10 instance; rules that tags
// cannot say (across fields, per kind, a response against its request) are
// code that reports the same kind of [Item]. Each item carries a JSON Pointer
// (RFC 6901), a stable [Code] and a short message that never repeats the
// submitted value, since answers may hold personal data.
package cases
