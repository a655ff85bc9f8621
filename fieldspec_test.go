package cases

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specRow is one field spec checked as the only field of a request.
type specRow struct {
	name   string
	change func(s *FieldSpec)
	want   []at
}

// baseSpec returns a valid field spec named f.
func baseSpec() FieldSpec {
	return FieldSpec{Name: "f", Type: FieldString, Description: "Your answer."}
}

// caseWithSpecs returns a valid open case whose request holds specs.
func caseWithSpecs(t *testing.T, specs ...FieldSpec) *Case {
	t.Helper()
	c := mustOpen(t, validOpen())
	c.Request = &MissingInformationRequest{Fields: specs}
	return c
}

func runSpecRows(t *testing.T, rows []specRow) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			s := baseSpec()
			tc.change(&s)
			err := caseWithSpecs(t, s).Validate()
			if len(tc.want) == 0 {
				assert.NoError(t, err)
				return
			}
			assertInvalid(t, err, tc.want...)
		})
	}
}

func TestFieldSpec_Name(t *testing.T) {
	p := "/request/fields/0/name"
	set := func(n string) func(*FieldSpec) { return func(s *FieldSpec) { s.Name = n } }
	runSpecRows(t, []specRow{
		{name: "one letter", change: set("a")},
		{name: "letters digits underscores", change: set("legal_name_2")},
		{name: "64 characters", change: set("a" + strings.Repeat("b_9", 21))},
		{name: "65 characters", change: set("a" + strings.Repeat("b", 64)),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "empty", change: set(""), want: []at{{p, CodeRequired}}},
		{name: "uppercase first", change: set("Legal"), want: []at{{p, CodeInvalidFormat}}},
		{name: "uppercase inside", change: set("legalName"), want: []at{{p, CodeInvalidFormat}}},
		{name: "leading digit", change: set("1st"), want: []at{{p, CodeInvalidFormat}}},
		{name: "leading underscore", change: set("_a"), want: []at{{p, CodeInvalidFormat}}},
		{name: "hyphen", change: set("a-b"), want: []at{{p, CodeInvalidFormat}}},
		{name: "space", change: set("a b"), want: []at{{p, CodeInvalidFormat}}},
		{name: "non-ASCII letter", change: set("é"), want: []at{{p, CodeInvalidFormat}}},
		{name: "slash", change: set("a/b"), want: []at{{p, CodeInvalidFormat}}},
	})
}

func TestFieldSpec_Type(t *testing.T) {
	p := "/request/fields/0/type"
	set := func(ft FieldType) func(*FieldSpec) {
		return func(s *FieldSpec) {
			s.Type = ft
			if ft == FieldEnum {
				s.Options = []string{"a"}
			}
		}
	}
	rows := []specRow{
		{name: "empty", change: set(""), want: []at{{p, CodeRequired}}},
		{name: "capitalised", change: set("String"), want: []at{{p, CodeUnknownValue}}},
		{name: "unknown", change: set("phone_number"), want: []at{{p, CodeUnknownValue}}},
	}
	for _, ft := range FieldTypes() {
		rows = append(rows, specRow{name: "known " + string(ft), change: set(ft)})
	}
	runSpecRows(t, rows)
}

func TestFieldSpec_Description(t *testing.T) {
	p := "/request/fields/0/description"
	set := func(d string) func(*FieldSpec) { return func(s *FieldSpec) { s.Description = d } }
	runSpecRows(t, []specRow{
		{name: "one character", change: set("?")},
		{name: "500 two-byte characters", change: set(strings.Repeat("é", 500))},
		{name: "500 four-byte characters", change: set(strings.Repeat("😀", 500))},
		{name: "501 characters", change: set(strings.Repeat("é", 501)),
			want: []at{{p, CodeTooLong}}},
		{name: "empty", change: set(""), want: []at{{p, CodeRequired}}},
		{name: "blank", change: set(" \t "), want: []at{{p, CodeRequired}}},
		{name: "NUL", change: set("a\x00b"), want: []at{{p, CodeInvalidFormat}}},
		{name: "escape", change: set("a\x1bb"), want: []at{{p, CodeInvalidFormat}}},
		{name: "invalid UTF-8", change: set("a\xffb"), want: []at{{p, CodeInvalidFormat}}},
	})
}

func TestFieldSpec_Options(t *testing.T) {
	p := "/request/fields/0/options"
	enum := func(opts ...string) func(*FieldSpec) {
		return func(s *FieldSpec) { s.Type, s.Options = FieldEnum, opts }
	}
	many := func(n int) []string {
		o := make([]string, n)
		for i := range o {
			o[i] = "o" + strconv.Itoa(i)
		}
		return o
	}
	runSpecRows(t, []specRow{
		{name: "enum with one option", change: enum("llc")},
		{name: "enum with 100 options", change: enum(many(100)...)},
		{name: "enum with 101 options", change: enum(many(101)...),
			want: []at{{p, CodeTooMany}}},
		{name: "enum without options", change: enum(),
			want: []at{{p, CodeRequired}}},
		{name: "enum with empty options", change: func(s *FieldSpec) {
			s.Type, s.Options = FieldEnum, []string{}
		}, want: []at{{p, CodeTooFew}}},
		{name: "option of 100 characters", change: enum(strings.Repeat("é", 100))},
		{name: "option of 101 characters", change: enum("a", strings.Repeat("é", 101)),
			want: []at{{p + "/1", CodeTooLong}}},
		{name: "empty option", change: enum("a", ""),
			want: []at{{p + "/1", CodeInvalidFormat}}},
		{name: "blank option", change: enum(" ", "a"),
			want: []at{{p + "/0", CodeInvalidFormat}}},
		{name: "invalid UTF-8 option", change: enum("a\xff"),
			want: []at{{p + "/0", CodeInvalidFormat}}},
		{name: "duplicate option", change: enum("a", "b", "a"),
			want: []at{{p + "/2", CodeDuplicate}}},
		{name: "option three times", change: enum("a", "a", "a"),
			want: []at{{p + "/1", CodeDuplicate}, {p + "/2", CodeDuplicate}}},
		{name: "options differ in case", change: enum("llc", "LLC")},
		{name: "options on a string field", change: func(s *FieldSpec) {
			s.Options = []string{"a"}
		}, want: []at{{p, CodeNotAllowed}}},
		{name: "empty options on a string field", change: func(s *FieldSpec) {
			s.Options = []string{}
		}, want: []at{{p, CodeNotAllowed}}},
		{name: "bad options on a string field", change: func(s *FieldSpec) {
			s.Options = []string{"", "a", "a", strings.Repeat("x", 101)}
		}, want: []at{{p, CodeNotAllowed}}},
		{name: "options on an integer field", change: func(s *FieldSpec) {
			s.Type, s.Options = FieldInteger, []string{"1"}
		}, want: []at{{p, CodeNotAllowed}}},
	})
}

func TestFieldSpec_Example(t *testing.T) {
	p := "/request/fields/0/example"
	ex := func(ft FieldType, v any, opts ...string) func(*FieldSpec) {
		return func(s *FieldSpec) {
			s.Type, s.Example = ft, v
			if ft == FieldEnum {
				s.Options = opts
			}
		}
	}
	address := map[string]any{
		"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
		"postal_code": "19901",
	}
	runSpecRows(t, []specRow{
		{name: "no example", change: ex(FieldString, nil)},
		{name: "string", change: ex(FieldString, "Acme Holdings LLC")},
		{name: "string of 1,001 characters", change: ex(FieldString, strings.Repeat("a", 1001)),
			want: []at{{p, CodeTooLong}}},
		{name: "string on two lines", change: ex(FieldString, "a\nb"),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "empty string", change: ex(FieldString, ""),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "bool for a string", change: ex(FieldString, true),
			want: []at{{p, CodeInvalidType}}},
		{name: "integer", change: ex(FieldInteger, json.Number("7"))},
		{name: "fraction for an integer", change: ex(FieldInteger, json.Number("1.5")),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "string for a number", change: ex(FieldNumber, "1"),
			want: []at{{p, CodeInvalidType}}},
		{name: "date", change: ex(FieldDate, "2024-02-29")},
		{name: "impossible date", change: ex(FieldDate, "2023-02-29"),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "phone", change: ex(FieldPhone, "+14155550100")},
		{name: "phone without plus", change: ex(FieldPhone, "14155550100"),
			want: []at{{p, CodeInvalidFormat}}},
		{name: "enum option", change: ex(FieldEnum, "llc", "llc", "corporation")},
		{name: "enum outside options", change: ex(FieldEnum, "lp", "llc", "corporation"),
			want: []at{{p, CodeInvalidValue}}},
		{name: "enum without options", change: ex(FieldEnum, "lp"),
			want: []at{{"/request/fields/0/options", CodeRequired}}},
		{name: "address without country", change: ex(FieldAddress, address),
			want: []at{{p + "/country", CodeRequired}}},
		{name: "unknown type", change: ex("colour", "red"),
			want: []at{{"/request/fields/0/type", CodeUnknownValue}}},
	})
}

// TestFieldSpec_ManyProblems checks that every problem of every spec is
// reported, in pointer order with array indexes compared as numbers.
func TestFieldSpec_ManyProblems(t *testing.T) {
	specs := make([]FieldSpec, 11)
	for i := range specs {
		specs[i] = baseSpec()
		specs[i].Name = "f" + strings.Repeat("x", i)
	}
	specs[10].Name = "Bad"
	specs[2].Name = "2bad"
	specs[2].Description = ""
	specs[1].Type = "colour"

	err := caseWithSpecs(t, specs...).Validate()

	assertInvalid(t, err,
		at{"/request/fields/1/type", CodeUnknownValue},
		at{"/request/fields/2/description", CodeRequired},
		at{"/request/fields/2/name", CodeInvalidFormat},
		at{"/request/fields/10/name", CodeInvalidFormat},
	)
}

func TestFieldType_Lists(t *testing.T) {
	assert.Equal(t, []FieldType{
		"string", "text", "number", "integer", "boolean", "date", "date_time",
		"email", "phone", "url", "enum", "address", "file",
	}, FieldTypes())

	tests := []struct {
		name       string
		typ        FieldType
		known      bool
		stringLike bool
	}{
		{name: "string", typ: FieldString, known: true, stringLike: true},
		{name: "text", typ: FieldText, known: true, stringLike: true},
		{name: "number", typ: FieldNumber, known: true},
		{name: "integer", typ: FieldInteger, known: true},
		{name: "boolean", typ: FieldBoolean, known: true},
		{name: "date", typ: FieldDate, known: true, stringLike: true},
		{name: "date_time", typ: FieldDateTime, known: true, stringLike: true},
		{name: "email", typ: FieldEmail, known: true, stringLike: true},
		{name: "phone", typ: FieldPhone, known: true, stringLike: true},
		{name: "url", typ: FieldURL, known: true, stringLike: true},
		{name: "enum", typ: FieldEnum, known: true, stringLike: true},
		{name: "address", typ: FieldAddress, known: true},
		{name: "file", typ: FieldFile, known: true, stringLike: true},
		{name: "empty", typ: ""},
		{name: "capitalised", typ: "String"},
		{name: "unknown", typ: "colour"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.known, tc.typ.IsKnown())
			assert.Equal(t, tc.stringLike, tc.typ.IsStringLike())
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

func TestFieldSpec_AnswerAddress(t *testing.T) {
	addr := func(change func(m map[string]any)) map[string]any {
		m := map[string]any{
			"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
			"postal_code": "19901", "country": "US",
		}
		if change != nil {
			change(m)
		}
		return m
	}
	set := func(k string, v any) map[string]any {
		return addr(func(m map[string]any) { m[k] = v })
	}
	drop := func(k string) map[string]any {
		return addr(func(m map[string]any) { delete(m, k) })
	}
	part := func(name, p string, v any, code Code) answerRow {
		return answerRow{name: name, typ: FieldAddress, value: v, want: []at{{p, code}}}
	}
	goAddr := Address{StreetLine1: "1 Main St", City: "Dover", Region: "DE",
		PostalCode: "19901", Country: "US"}
	lower := goAddr
	lower.Country = "us"
	runAnswerRows(t, []answerRow{
		okAnswer("required parts", FieldAddress, addr(nil)),
		okAnswer("every part", FieldAddress, addr(func(m map[string]any) {
			m["street_line_2"], m["county"] = "Suite 4", "Kent"
		})),
		okAnswer("optional parts null", FieldAddress, addr(func(m map[string]any) {
			m["street_line_2"], m["county"] = nil, nil
		})),
		okAnswer("Go Address", FieldAddress, goAddr),
		okAnswer("Go *Address", FieldAddress, &goAddr),
		part("no city", "/city", drop("city"), CodeRequired),
		part("null city", "/city", set("city", nil), CodeRequired),
		part("blank city", "/city", set("city", " "), CodeRequired),
		part("no street_line_1", "/street_line_1", drop("street_line_1"), CodeRequired),
		part("no region", "/region", drop("region"), CodeRequired),
		part("no postal_code", "/postal_code", drop("postal_code"), CodeRequired),
		part("no country", "/country", drop("country"), CodeRequired),
		{name: "empty object", typ: FieldAddress, value: map[string]any{}, want: []at{
			{"/city", CodeRequired}, {"/country", CodeRequired},
			{"/postal_code", CodeRequired}, {"/region", CodeRequired},
			{"/street_line_1", CodeRequired},
		}},
		part("unknown key", "/zip", set("zip", "19901"), CodeUnknownField),
		part("unknown key escaped", "/a~1b~0c", set("a/b~c", "x"), CodeUnknownField),
		part("lowercase country", "/country", set("country", "us"), CodeInvalidFormat),
		part("alpha-3 country", "/country", set("country", "USA"), CodeInvalidFormat),
		part("unassigned country", "/country", set("country", "XX"), CodeInvalidFormat),
		part("number city", "/city", set("city", json.Number("5")), CodeInvalidType),
		part("bool street_line_2", "/street_line_2", set("street_line_2", true),
			CodeInvalidType),
		part("city on two lines", "/city", set("city", "Do\nver"), CodeInvalidFormat),
		part("Go Address lowercase country", "/country", lower, CodeInvalidFormat),
		badAnswer("string", FieldAddress, "1 Main St, Dover", CodeInvalidType),
		badAnswer("array", FieldAddress, []any{}, CodeInvalidType),
		badAnswer("null", FieldAddress, nil, CodeRequired),
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

func TestCase_CheckResponse_UnrequestedFields(t *testing.T) {
	tests := []struct {
		name    string
		answers map[string]any
		want    []at
	}{
		{name: "one unknown", answers: map[string]any{"f": "a", "g": "b"},
			want: []at{{"/fields/g", CodeUnknownField}}},
		{name: "unknown null", answers: map[string]any{"f": "a", "g": nil},
			want: []at{{"/fields/g", CodeUnknownField}}},
		{name: "escaped name", answers: map[string]any{"f": "a", "a/b~c": "x"},
			want: []at{{"/fields/a~1b~0c", CodeUnknownField}}},
		{name: "several, sorted", answers: map[string]any{"z": 1, "f": "a", "b": 2},
			want: []at{{"/fields/b", CodeUnknownField}, {"/fields/z", CodeUnknownField}}},
		{name: "unknown and missing", answers: map[string]any{"g": "b"},
			want: []at{{"/fields/f", CodeRequired}, {"/fields/g", CodeUnknownField}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := caseWithSpecs(t, FieldSpec{Name: "f", Type: FieldString,
				Description: "d", Required: true})

			err := c.CheckResponse(&MissingInformationResponse{Fields: tc.answers})

			assertInvalid(t, err, tc.want...)
		})
	}
}

// TestCase_CheckResponse_AllProblems checks that one response reports the
// problems of every field at once, in pointer order.
func TestCase_CheckResponse_AllProblems(t *testing.T) {
	c := mustOpen(t, validOpen())
	resp := &MissingInformationResponse{Fields: map[string]any{
		"office":  map[string]any{"street_line_1": "1 Main St", "country": "us"},
		"email":   "Name <a@b.co>",
		"entity":  "lp",
		"nickame": "x",
	}}

	err := c.CheckResponse(resp)

	assertInvalid(t, err,
		at{"/fields/email", CodeInvalidFormat},
		at{"/fields/entity", CodeInvalidValue},
		at{"/fields/legal_name", CodeRequired},
		at{"/fields/nickame", CodeUnknownField},
		at{"/fields/office/city", CodeRequired},
		at{"/fields/office/country", CodeInvalidFormat},
		at{"/fields/office/postal_code", CodeRequired},
		at{"/fields/office/region", CodeRequired},
	)
}
