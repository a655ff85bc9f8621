package cases

import (
	"encoding/json"
	"testing"
)

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
