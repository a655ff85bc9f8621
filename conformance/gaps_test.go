package conformance

// notExpressible lists every rule that a schema names in its
// x-not-expressible list, and no other (TestNotExpressible_IsNamed checks
// both ways), with the reason why a schema cannot check it or why the
// validator decides it otherwise than the library.
var notExpressible = map[string]string{
	"duplicate_keys": "a JSON Schema validator works on the parsed value, " +
		"where a repeated key has already been reduced to one",
	"invalid_utf8": "the validator's parser replaces invalid UTF-8 and lone " +
		"surrogates with U+FFFD before the schema sees the string",
	"size_and_depth": "JSON Schema has no keyword for the nesting depth of an " +
		"arbitrary value or the size of the document",
	"unique_field_names": "uniqueItems compares whole items; no keyword makes one " +
		"property of the items unique",
	"enum_example_in_options": "a schema cannot compare one value with a list " +
		"held elsewhere in the same instance",
	"finite_numbers": "JSON Schema numbers are arbitrary precision: 1e400 is a " +
		"number there, and no keyword bounds a number to float64",
	"integer_exponent": "the validator reads numbers with big.Rat, which refuses " +
		"an exponent past the int64 range even on a zero mantissa, so it calls " +
		"0e99999999999999999999 no integer; the number is 0",
	"email_syntax": "format email follows RFC 5321, the library follows " +
		"go-playground/validator, which wants a dot in the domain and takes " +
		"non-ASCII addresses",
	"url_syntax": "format uri checks an IPv6 address more strictly than " +
		"net/url, which the library's rule uses: a zone is refused",
	"timestamp_order": "a schema cannot compare two values of one instance",
	"timestamp_utc_year": "the year is checked after the offset is applied, " +
		"which a pattern cannot do",
	"response_against_request": "the answers are checked against the request's " +
		"field specs, which a schema cannot reach from the response",
	"due_at_later_than_now": "a schema has no notion of the time of the operation",
	"transitions":           "the allowed moves depend on the status of the stored case",
	"metadata_merge_limit": "the limit applies to the metadata after the merge " +
		"with the stored case's",
	"awaiting_response": "whether a response is taken depends on the status and " +
		"the response of the stored case",
}
