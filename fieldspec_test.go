package cases

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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
			c := caseWithSpecs(t, s)
			err := c.Validate()
			assertNoEcho(t, mustJSON(c), err)
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
