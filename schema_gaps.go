package cases

import (
	"strconv"
	"strings"
)

// schemaGap is a rule that the library checks and that a schema cannot
// say, or that JSON Schema validators do not all decide as the library
// does. Each schema names its gaps in its description and, by id, in its
// x-not-expressible list.
type schemaGap struct {
	id   string
	text string
}

// The rules no schema expresses, by the name x-not-expressible gives them.
var (
	gapDuplicateKeys = schemaGap{"duplicate_keys",
		"a key given twice in one object is refused; a JSON Schema validator sees one of them"}
	gapUTF8 = schemaGap{"invalid_utf8",
		"strings must be valid UTF-8 with no lone UTF-16 surrogate escape"}
	gapSizeDepth = schemaGap{"size_and_depth",
		"a document must be at most " + strconv.Itoa(DefaultMaxBytes>>20) +
			" MiB and nest at most " + strconv.Itoa(DefaultMaxDepth) + " levels deep"}
	gapUniqueNames = schemaGap{"unique_field_names",
		"field names are unique within a request"}
	gapEnumExample = schemaGap{"enum_example_in_options",
		"the example of an enum field must be one of its options"}
	gapFinite = schemaGap{"finite_numbers",
		"a number must be finite within float64 range (1e400 is refused)"}
	gapIntegerExponent = schemaGap{"integer_exponent",
		"an integer may be written with any exponent: 0e99999999999999999999 is 0, a whole" +
			" number within int64, and is accepted; validators that cannot read so large" +
			" an exponent refuse it"}
	gapEmail = schemaGap{"email_syntax",
		"an email is checked by go-playground/validator's email rule; format email" +
			" approximates it, refusing some addresses the rule takes (non-ASCII ones)" +
			" and taking some it refuses (a domain without a dot)"}
	gapURL = schemaGap{"url_syntax",
		"a url is checked by go-playground/validator's http_url rule and must name a" +
			" host; format uri and the pattern approximate it, and some validators refuse" +
			" URLs the rule takes (an IPv6 address with a zone)"}
	gapTimeOrder = schemaGap{"timestamp_order",
		"created_at <= opened_at <= updated_at, " +
			"and resolved_at lies between created_at and updated_at"}
	gapUTCYear = schemaGap{"timestamp_utc_year",
		"a timestamp must fall within the years 0000 to 9999 once converted to UTC"}
	gapResponse = schemaGap{"response_against_request",
		"a response is checked against the case's request: every required field answered, " +
			"no field that was not asked for, each answer valid for its field's type and options"}
	gapDueAt = schemaGap{"due_at_later_than_now",
		"a due_at that the operation sets must be later than the time of the operation"}
	gapTransitions = schemaGap{"transitions",
		"a status move must be in the lifecycle table; " +
			"response_received needs a stored response; " +
			"a closed case changes only its metadata"}
	gapMetadataMerge = schemaGap{"metadata_merge_limit",
		"metadata merges into the case's, and the limit of " + strconv.Itoa(maxMetadataPairs) +
			" pairs applies to the result"}
	gapAwaiting = schemaGap{"awaiting_response",
		"a response is taken only while the case is in " + string(StatusNeedsResponse) +
			"; otherwise the call fails with " + string(CodeNotAwaiting) + ", or " +
			string(CodeCaseClosed) + " on a closed case; the identical response sent again" +
			" while the case is " + string(StatusUnderReview) + " is a no-op"}
)

// decoderGaps are the rules of the strict decoder that no schema says.
var decoderGaps = []schemaGap{gapDuplicateKeys, gapUTF8, gapSizeDepth}

// requestGaps are the rules of a request that no schema says.
var requestGaps = []schemaGap{
	gapUniqueNames, gapEnumExample, gapFinite, gapIntegerExponent, gapEmail, gapURL,
}

// rootSchema gives a schema its title, its description and the names of
// the rules it cannot express.
func rootSchema(s jsonObj, title, about string, gaps ...schemaGap) jsonObj {
	var b strings.Builder
	b.WriteString(about)
	b.WriteString(" This is the strict view, as a service checks its input: unknown keys" +
		" and unknown enum values are refused. Lenient readers (a partner reading" +
		" cases and events) ignore unknown keys and accept enum values added later," +
		" since the API is in preview.")
	b.WriteString(" Not expressed by this schema, or not decided alike by every JSON" +
		" Schema validator, and checked by the library:")
	ids := make([]any, len(gaps))
	for i, g := range gaps {
		b.WriteString(" (" + strconv.Itoa(i+1) + ") " + g.id + ": " + g.text + ".")
		ids[i] = g.id
	}
	s["title"] = title
	s["description"] = b.String()
	s["x-not-expressible"] = ids
	return s
}
