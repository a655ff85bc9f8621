package main

import (
	"bytes"
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/assert"
)

func TestField(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `""`},
		{"/summary", "/summary"},
		{"/metadata/a:b", "/metadata/a:b"},
		{"/metadata/a:", "/metadata/a:"},
		{"/metadata/a: b", `"/metadata/a: b"`},
		{"/metadata/a\nb", `"/metadata/a\nb"`},
		{"/metadata/a\tb", `"/metadata/a\tb"`},
		{"/metadata/a\u0085b", `"/metadata/a\u0085b"`},
		{"/metadata/a\u2028b", `"/metadata/a\u2028b"`},
		{"/metadata/a\xffb", `"/metadata/a\xffb"`},
		{"/metadata/\"q\"", `/metadata/"q"`},
		{`"quoted.json`, `"\"quoted.json"`},
		{"/metadata/é", "/metadata/é"},
		{"<stdin>", "<stdin>"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, field(tt.in), "%q", tt.in)
	}
}

func TestWriteItems(t *testing.T) {
	var b bytes.Buffer
	writeItems(&b, "a: b.json", []cases.Item{
		{Pointer: "", Code: cases.CodeInvalidJSON, Message: "invalid JSON at byte 3: x"},
		{Pointer: "/metadata/k", Code: cases.CodeTooLong, Message: "two\nlines"},
	})
	assert.Equal(t, `"a: b.json": "": invalid_json: invalid JSON at byte 3: x`+"\n"+
		`"a: b.json": /metadata/k: too_long: two lines`+"\n", b.String())
}
