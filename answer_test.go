package cases

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecInteger is an answer to an integer field, named by its JSON text,
// and the code CheckResponse reports for it; syntax marks text that is not
// JSON.
type codecInteger struct {
	name   string
	code   Code
	syntax bool
}

var codecIntegers = []codecInteger{
	{name: "42"},
	{name: "-0"},
	{name: "0"},
	{name: "1.0"},
	{name: "1e3"},
	{name: "1E+2"},
	{name: "10e-1"},
	{name: "0e999999999999"},
	{name: "9223372036854775807"},
	{name: "-9223372036854775808"},
	{name: "92233720368547758070e-1"},
	{name: "9223372036854775808", code: CodeInvalidFormat},
	{name: "-9223372036854775809", code: CodeInvalidFormat},
	{name: "1e19", code: CodeInvalidFormat},
	{name: "1e400", code: CodeInvalidFormat},
	{name: "-1e400", code: CodeInvalidFormat},
	{name: "1e-400", code: CodeInvalidFormat},
	{name: "1.5", code: CodeInvalidFormat},
	{name: `"42"`, code: CodeInvalidType},
	{name: "true", code: CodeInvalidType},
	{name: "[1]", code: CodeInvalidType},
	{name: "0x10", syntax: true},
	{name: "+1", syntax: true},
	{name: "01", syntax: true},
	{name: ".5", syntax: true},
	{name: "1.", syntax: true},
	{name: "1e", syntax: true},
	{name: "NaN", syntax: true},
	{name: "Infinity", syntax: true},
	{name: "-", syntax: true},
}

// codecIntOpen returns an open request whose fields include an optional
// integer field named employees.
func codecIntOpen() *OpenRequest {
	o := validOpen()
	req := o.Request.(*MissingInformationRequest)
	req.Fields = append(req.Fields, FieldSpec{
		Name: "employees", Type: FieldInteger, Description: "Number of employees.",
	})
	return o
}

func codecIntegerBody(lit string) string {
	return `{"fields":{"legal_name":"Acme","office":{"street_line_1":"1 Main St",` +
		`"city":"Dover","region":"DE","postal_code":"19901","country":"US"},` +
		`"employees":` + lit + `}}`
}

func TestDecoder_IntegerAnswers(t *testing.T) {
	c := mustOpen(t, codecIntOpen())
	for _, tc := range codecIntegers {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecIntegerBody(tc.name))
			p, err := codecStrict.Response(KindMissingInformation, body)
			if tc.syntax {
				assertInvalid(t, err, at{"", CodeInvalidJSON})
				return
			}
			require.NoError(t, err)
			err = c.CheckResponse(p)
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/fields/employees", tc.code})
			}

			// The same answer stored in a whole case is checked when the case
			// is decoded strictly, at its pointer in the case.
			n, _, err := Respond(c, validAnswers(), testEnv(t0.Add(time.Hour)))
			require.NoError(t, err)
			text := codecSwap(codecText(n), `"legal_name":"Acme Holdings LLC"`,
				`"employees":`+tc.name+`,"legal_name":"Acme Holdings LLC"`)
			_, err = codecStrict.Case([]byte(text))
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/response/fields/employees", tc.code})
			}
		})
	}
}

func TestDecoder_NumberAnswers(t *testing.T) {
	o := validOpen()
	req := o.Request.(*MissingInformationRequest)
	req.Fields = append(req.Fields, FieldSpec{
		Name: "employees", Type: FieldNumber, Description: "Share of capital.",
	})
	c := mustOpen(t, o)
	for _, tc := range []struct {
		name string // the answer's JSON text
		code Code
	}{
		{"1.5", ""}, {"-0", ""}, {"1e308", ""}, {"1e-400", ""},
		{"1e400", CodeInvalidFormat}, {"-1e400", CodeInvalidFormat},
		{`"1.5"`, CodeInvalidType}, {"null", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := []byte(codecIntegerBody(tc.name))
			p, err := codecStrict.Response(KindMissingInformation, body)
			require.NoError(t, err)
			err = c.CheckResponse(p)
			if tc.code == "" {
				assert.NoError(t, err)
			} else {
				assertInvalid(t, err, at{"/fields/employees", tc.code})
			}
		})
	}
}

// absent stands for a field left out of a response.
type absent struct{}

// answerRow is one answer to a field f of type typ. Pointers in want are
// relative to the field's own pointer.
type answerRow struct {
	name     string
	typ      FieldType
	optional bool
	value    any
	want     []at
}

func okAnswer(name string, typ FieldType, v any) answerRow {
	return answerRow{name: name, typ: typ, value: v}
}

func badAnswer(name string, typ FieldType, v any, code Code) answerRow {
	return answerRow{name: name, typ: typ, value: v, want: []at{{"", code}}}
}

// answerCase returns an open case asking for one field f of the row's
// type; an enum field offers llc and corporation.
func answerCase(t *testing.T, tc answerRow) *Case {
	t.Helper()
	s := FieldSpec{Name: "f", Type: tc.typ, Description: "Answer.", Required: !tc.optional}
	if tc.typ == FieldEnum {
		s.Options = []string{"llc", "corporation"}
	}
	c := caseWithSpecs(t, s)
	require.NoError(t, c.Validate())
	return c
}

// runAnswerRows checks each answer through Case.CheckResponse, with
// pointers below /fields/f, and through Case.Validate on a case holding
// the response, with pointers below /response/fields/f.
func runAnswerRows(t *testing.T, rows []answerRow) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			c := answerCase(t, tc)
			resp := &MissingInformationResponse{Fields: map[string]any{}}
			if _, skip := tc.value.(absent); !skip {
				resp.Fields["f"] = tc.value
			}
			for _, base := range []string{"", "/response"} {
				var err error
				if base == "" {
					err = c.CheckResponse(resp)
				} else {
					c.Response = resp
					err = c.Validate()
				}
				if base == "" {
					assertNoEcho(t, mustJSON(resp), err)
				} else {
					assertNoEcho(t, mustJSON(c), err)
				}
				if len(tc.want) == 0 {
					assert.NoError(t, err, "at %q", base)
					continue
				}
				want := make([]at, len(tc.want))
				for i, w := range tc.want {
					want[i] = at{base + "/fields/f" + w.Pointer, w.Code}
				}
				assertInvalid(t, err, want...)
			}
		})
	}
}

func TestFieldSpec_AnswerString(t *testing.T) {
	addr := Address{StreetLine1: "1 Main St", City: "Dover", Region: "DE",
		PostalCode: "19901", Country: "US"}
	runAnswerRows(t, []answerRow{
		okAnswer("one character", FieldString, "a"),
		okAnswer("1,000 two-byte characters", FieldString, strings.Repeat("é", 1000)),
		okAnswer("1,000 four-byte characters", FieldString, strings.Repeat("😀", 1000)),
		okAnswer("no-break space inside", FieldString, "a\u00a0b"),
		badAnswer("1,001 characters", FieldString, strings.Repeat("é", 1001), CodeTooLong),
		badAnswer("1,001 ASCII characters", FieldString, strings.Repeat("a", 1001), CodeTooLong),
		badAnswer("line feed", FieldString, "a\nb", CodeInvalidFormat),
		badAnswer("carriage return", FieldString, "a\rb", CodeInvalidFormat),
		badAnswer("tab", FieldString, "a\tb", CodeInvalidFormat),
		badAnswer("NUL", FieldString, "a\x00b", CodeInvalidFormat),
		badAnswer("DEL", FieldString, "a\x7fb", CodeInvalidFormat),
		badAnswer("C1 control", FieldString, "a\u0085b", CodeInvalidFormat),
		badAnswer("line separator", FieldString, "a\u2028b", CodeInvalidFormat),
		badAnswer("paragraph separator", FieldString, "a\u2029b", CodeInvalidFormat),
		badAnswer("invalid UTF-8", FieldString, "a\xffb", CodeInvalidFormat),
		badAnswer("bool", FieldString, true, CodeInvalidType),
		badAnswer("number", FieldString, json.Number("1"), CodeInvalidType),
		badAnswer("object", FieldString, map[string]any{"a": "b"}, CodeInvalidType),
		badAnswer("array", FieldString, []any{"a"}, CodeInvalidType),
		badAnswer("Go address", FieldString, addr, CodeInvalidType),
		badAnswer("empty", FieldString, "", CodeRequired),
		badAnswer("blank", FieldString, "  ", CodeRequired),
		badAnswer("null", FieldString, nil, CodeRequired),
		badAnswer("absent", FieldString, absent{}, CodeRequired),
	})
}

func TestFieldSpec_AnswerText(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("lines and tabs", FieldText, "a\nb\r\n\tc"),
		okAnswer("line separator", FieldText, "a\u2028b"),
		okAnswer("10,000 characters", FieldText, strings.Repeat("é", 10000)),
		badAnswer("10,001 characters", FieldText, strings.Repeat("é", 10001), CodeTooLong),
		badAnswer("NUL", FieldText, "a\x00b", CodeInvalidFormat),
		badAnswer("escape", FieldText, "a\x1bb", CodeInvalidFormat),
		badAnswer("vertical tab", FieldText, "a\vb", CodeInvalidFormat),
		badAnswer("C1 control", FieldText, "a\u0085b", CodeInvalidFormat),
		badAnswer("invalid UTF-8", FieldText, "\xc3", CodeInvalidFormat),
		badAnswer("bool", FieldText, false, CodeInvalidType),
		badAnswer("blank lines", FieldText, " \n\t ", CodeRequired),
	})
}

func TestFieldSpec_AnswerNumber(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("zero", FieldNumber, json.Number("0")),
		okAnswer("negative exponent", FieldNumber, json.Number("-1.5e3")),
		okAnswer("underflow to zero", FieldNumber, json.Number("1e-400")),
		okAnswer("float64", FieldNumber, 2.5),
		okAnswer("int", FieldNumber, 3),
		badAnswer("overflow", FieldNumber, json.Number("1e400"), CodeInvalidFormat),
		badAnswer("negative overflow", FieldNumber, json.Number("-1e400"), CodeInvalidFormat),
		badAnswer("infinity", FieldNumber, math.Inf(1), CodeInvalidFormat),
		badAnswer("NaN", FieldNumber, math.NaN(), CodeInvalidFormat),
		badAnswer("string", FieldNumber, "1", CodeInvalidType),
		badAnswer("empty string", FieldNumber, "", CodeInvalidType),
		badAnswer("bool", FieldNumber, true, CodeInvalidType),
		badAnswer("null", FieldNumber, nil, CodeRequired),
		badAnswer("absent", FieldNumber, absent{}, CodeRequired),
	})
}

func TestFieldSpec_AnswerInteger(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	runAnswerRows(t, []answerRow{
		okAnswer("one", FieldInteger, n("1")),
		okAnswer("one point zero", FieldInteger, n("1.0")),
		okAnswer("exponent", FieldInteger, n("1e3")),
		okAnswer("capital exponent", FieldInteger, n("1E3")),
		okAnswer("negative exponent, whole", FieldInteger, n("100e-2")),
		okAnswer("fraction times ten", FieldInteger, n("0.5e1")),
		okAnswer("zero", FieldInteger, n("0")),
		okAnswer("negative zero", FieldInteger, n("-0")),
		okAnswer("min int64", FieldInteger, n("-9223372036854775808")),
		okAnswer("max int64", FieldInteger, n("9223372036854775807")),
		okAnswer("max int64 with exponent", FieldInteger, n("9.223372036854775807e18")),
		okAnswer("long mantissa", FieldInteger, n("12345678901234567890e-1")),
		okAnswer("float64 whole", FieldInteger, 2.0),
		okAnswer("int64 min", FieldInteger, int64(math.MinInt64)),
		okAnswer("float64 min int64", FieldInteger, float64(math.MinInt64)),
		okAnswer("uint64 max int64", FieldInteger, uint64(math.MaxInt64)),
		badAnswer("fraction", FieldInteger, n("1.5"), CodeInvalidFormat),
		badAnswer("overflow exponent", FieldInteger, n("1e400"), CodeInvalidFormat),
		badAnswer("max int64 plus one", FieldInteger, n("9223372036854775808"),
			CodeInvalidFormat),
		badAnswer("min int64 minus one", FieldInteger, n("-9223372036854775809"),
			CodeInvalidFormat),
		badAnswer("1e19", FieldInteger, n("1e19"), CodeInvalidFormat),
		badAnswer("tiny", FieldInteger, n("1e-400"), CodeInvalidFormat),
		badAnswer("float64 fraction", FieldInteger, 1.5, CodeInvalidFormat),
		badAnswer("uint64 max", FieldInteger, uint64(math.MaxUint64), CodeInvalidFormat),
		badAnswer("uint64 max int64 plus one", FieldInteger, uint64(math.MaxInt64)+1,
			CodeInvalidFormat),
		// float64(math.MaxInt64) rounds up to 2^63, one past the range.
		badAnswer("float64 two to the 63", FieldInteger, float64(math.MaxInt64),
			CodeInvalidFormat),
		badAnswer("string", FieldInteger, "3", CodeInvalidType),
		badAnswer("bool", FieldInteger, true, CodeInvalidType),
		badAnswer("null", FieldInteger, nil, CodeRequired),
	})
}

func TestFieldSpec_AnswerBoolean(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("true", FieldBoolean, true),
		okAnswer("false", FieldBoolean, false),
		badAnswer("string true", FieldBoolean, "true", CodeInvalidType),
		badAnswer("empty string", FieldBoolean, "", CodeInvalidType),
		badAnswer("number", FieldBoolean, json.Number("1"), CodeInvalidType),
		badAnswer("null", FieldBoolean, nil, CodeRequired),
		badAnswer("absent", FieldBoolean, absent{}, CodeRequired),
	})
}

func TestFieldSpec_AnswerDate(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("leap day", FieldDate, "2024-02-29"),
		okAnswer("leap day of 2000", FieldDate, "2000-02-29"),
		okAnswer("last day of the year", FieldDate, "2025-12-31"),
		badAnswer("no leap day in 2023", FieldDate, "2023-02-29", CodeInvalidFormat),
		badAnswer("no leap day in 1900", FieldDate, "1900-02-29", CodeInvalidFormat),
		badAnswer("April 31", FieldDate, "2024-04-31", CodeInvalidFormat),
		badAnswer("month 13", FieldDate, "2024-13-01", CodeInvalidFormat),
		badAnswer("single digits", FieldDate, "2024-2-1", CodeInvalidFormat),
		badAnswer("single-digit day", FieldDate, "2024-02-1", CodeInvalidFormat),
		badAnswer("no hyphens", FieldDate, "20240229", CodeInvalidFormat),
		badAnswer("with a time", FieldDate, "2024-02-29T00:00:00Z", CodeInvalidFormat),
		badAnswer("day first", FieldDate, "29-02-2024", CodeInvalidFormat),
		badAnswer("number", FieldDate, json.Number("20240229"), CodeInvalidType),
		badAnswer("blank", FieldDate, " ", CodeRequired),
	})
}

func TestFieldSpec_AnswerDateTime(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("UTC", FieldDateTime, "2025-10-24T10:30:00Z"),
		okAnswer("positive offset", FieldDateTime, "2025-10-24T12:30:00+02:00"),
		okAnswer("negative offset", FieldDateTime, "2025-10-24T05:00:00-05:30"),
		okAnswer("fraction", FieldDateTime, "2025-10-24T10:30:00.5Z"),
		badAnswer("leap second", FieldDateTime, "2016-12-31T23:59:60Z", CodeInvalidFormat),
		badAnswer("no offset", FieldDateTime, "2025-10-24T10:30:00", CodeInvalidFormat),
		badAnswer("space for T", FieldDateTime, "2025-10-24 10:30:00Z", CodeInvalidFormat),
		badAnswer("date only", FieldDateTime, "2025-10-24", CodeInvalidFormat),
		badAnswer("hour 25", FieldDateTime, "2025-10-24T25:00:00Z", CodeInvalidFormat),
		badAnswer("number", FieldDateTime, json.Number("1761301800"), CodeInvalidType),
	})
}

func TestFieldSpec_AnswerEmail(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("bare address", FieldEmail, "name@example.com"),
		okAnswer("dots, plus and subdomain", FieldEmail, "first.last+tag@sub.example.co"),
		badAnswer("display name", FieldEmail, "Name <name@example.com>", CodeInvalidFormat),
		badAnswer("angle brackets", FieldEmail, "<name@example.com>", CodeInvalidFormat),
		badAnswer("no domain", FieldEmail, "name@", CodeInvalidFormat),
		badAnswer("no local part", FieldEmail, "@example.com", CodeInvalidFormat),
		badAnswer("no at sign", FieldEmail, "name.example.com", CodeInvalidFormat),
		badAnswer("two at signs", FieldEmail, "name@@example.com", CodeInvalidFormat),
		badAnswer("bool", FieldEmail, true, CodeInvalidType),
		badAnswer("blank", FieldEmail, "\t", CodeRequired),
	})
}

func TestFieldSpec_AnswerPhone(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("US number", FieldPhone, "+14155550100"),
		okAnswer("8 digits", FieldPhone, "+12345678"),
		okAnswer("15 digits", FieldPhone, "+123456789012345"),
		badAnswer("7 digits", FieldPhone, "+1234567", CodeInvalidFormat),
		badAnswer("16 digits", FieldPhone, "+1234567890123456", CodeInvalidFormat),
		badAnswer("first digit 0", FieldPhone, "+04155550100", CodeInvalidFormat),
		badAnswer("no plus", FieldPhone, "14155550100", CodeInvalidFormat),
		badAnswer("two pluses", FieldPhone, "++14155550100", CodeInvalidFormat),
		badAnswer("spaces", FieldPhone, "+1 415 555 0100", CodeInvalidFormat),
		badAnswer("hyphens", FieldPhone, "+1-415-555-0100", CodeInvalidFormat),
		badAnswer("letters", FieldPhone, "+1415555CALL", CodeInvalidFormat),
		badAnswer("number", FieldPhone, json.Number("14155550100"), CodeInvalidType),
	})
}

func TestFieldSpec_AnswerURL(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("https", FieldURL, "https://example.com"),
		okAnswer("http with path, query and fragment", FieldURL, "http://example.com/a?b=c#d"),
		okAnswer("port", FieldURL, "https://sub.example.co:8443/x"),
		badAnswer("no host", FieldURL, "https://", CodeInvalidFormat),
		badAnswer("no host, with path", FieldURL, "https:///path", CodeInvalidFormat),
		badAnswer("port without a host", FieldURL, "http://:80", CodeInvalidFormat),
		badAnswer("port and path without a host", FieldURL, "https://:443/x", CodeInvalidFormat),
		badAnswer("user and port without a host", FieldURL, "http://user@:80/",
			CodeInvalidFormat),
		badAnswer("empty IPv6 literal", FieldURL, "http://[]:80/", CodeInvalidFormat),
		okAnswer("one-letter host with a port", FieldURL, "http://a:80"),
		okAnswer("IPv4 host", FieldURL, "http://192.0.2.1/x"),
		okAnswer("IPv6 host with a port", FieldURL, "https://[2001:db8::1]:443/x"),
		okAnswer("upper-case scheme", FieldURL, "HTTPS://EXAMPLE.COM/"),
		badAnswer("ftp", FieldURL, "ftp://x.y", CodeInvalidFormat),
		badAnswer("mailto", FieldURL, "mailto:a@b.co", CodeInvalidFormat),
		badAnswer("relative path", FieldURL, "/relative/path", CodeInvalidFormat),
		badAnswer("no scheme", FieldURL, "example.com", CodeInvalidFormat),
		badAnswer("bool", FieldURL, false, CodeInvalidType),
	})
}

func TestFieldSpec_AnswerEnum(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("an option", FieldEnum, "llc"),
		okAnswer("the other option", FieldEnum, "corporation"),
		badAnswer("other case", FieldEnum, "LLC", CodeInvalidValue),
		badAnswer("not an option", FieldEnum, "lp", CodeInvalidValue),
		badAnswer("number", FieldEnum, json.Number("1"), CodeInvalidType),
		badAnswer("empty", FieldEnum, "", CodeRequired),
	})
}

func TestFieldSpec_AnswerFile(t *testing.T) {
	runAnswerRows(t, []answerRow{
		okAnswer("prefixed ID", FieldFile, "doc_1a2b3c"),
		okAnswer("every allowed character", FieldFile, "AZaz09_-.:"),
		okAnswer("128 characters", FieldFile, strings.Repeat("d", 128)),
		badAnswer("129 characters", FieldFile, strings.Repeat("d", 129), CodeInvalidFormat),
		badAnswer("space", FieldFile, "doc 1", CodeInvalidFormat),
		badAnswer("slash", FieldFile, "doc/1", CodeInvalidFormat),
		badAnswer("non-ASCII", FieldFile, "dóc", CodeInvalidFormat),
		badAnswer("number", FieldFile, json.Number("1"), CodeInvalidType),
		badAnswer("blank", FieldFile, " ", CodeRequired),
	})
}

func TestFieldSpec_AnswerOptional(t *testing.T) {
	opt := func(name string, typ FieldType, v any, want ...at) answerRow {
		return answerRow{name: name, typ: typ, optional: true, value: v, want: want}
	}
	runAnswerRows(t, []answerRow{
		opt("absent string", FieldString, absent{}),
		opt("null string", FieldString, nil),
		opt("empty string", FieldString, ""),
		opt("blank email", FieldEmail, "  "),
		opt("null address", FieldAddress, nil),
		opt("absent boolean", FieldBoolean, absent{}),
		opt("invalid email", FieldEmail, "x", at{"", CodeInvalidFormat}),
		opt("empty string for a number", FieldNumber, "", at{"", CodeInvalidType}),
		opt("empty string for a boolean", FieldBoolean, "", at{"", CodeInvalidType}),
	})
}

// TestFieldSpec_AnswerInteger_HugeExponent checks that an integer answer
// whose exponent runs to a hundred million is refused without writing out
// its digits: a few bytes of JSON must not cost megabytes of memory.
func TestFieldSpec_AnswerInteger_HugeExponent(t *testing.T) {
	c := answerCase(t, answerRow{typ: FieldInteger})
	for _, lit := range []string{"1e99999999", "-25e99999999", "1.5e99999999"} {
		t.Run(lit, func(t *testing.T) {
			resp := &MissingInformationResponse{Fields: map[string]any{"f": json.Number(lit)}}
			var err error
			used := hostileAllocated(nil, func([]byte) (any, error) {
				err = c.CheckResponse(resp)
				return nil, err
			})
			assertInvalid(t, err, at{"/fields/f", CodeInvalidFormat})
			assert.Less(t, used, uint64(1<<20), "bytes allocated")
		})
	}
}

// TestCase_Clone_AddressAnswers checks that a clone holds its own copy of
// an address answered as a Go *Address, and keeps a nil one nil.
func TestCase_Clone_AddressAnswers(t *testing.T) {
	office := &Address{StreetLine1: "1 Main St", City: "Dover", Region: "DE",
		PostalCode: "19901", Country: "US", County: ptr("Kent")}
	c := mustOpen(t, validOpen())
	c.Response = &MissingInformationResponse{Fields: map[string]any{
		"office": office, "prior_office": (*Address)(nil),
	}}

	d := c.Clone()
	fields := d.Response.(*MissingInformationResponse).Fields
	got, ok := fields["office"].(*Address)
	require.True(t, ok)
	assert.NotSame(t, office, got)
	assert.Equal(t, office, got)
	assert.NotSame(t, office.County, got.County)
	assert.Equal(t, (*Address)(nil), fields["prior_office"])

	office.City, *office.County = "Camden", "Sussex"
	assert.Equal(t, "Dover", got.City)
	assert.Equal(t, ptr("Kent"), got.County)
}
