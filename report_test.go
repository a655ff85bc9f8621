package cases

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendPointer(t *testing.T) {
	tests := []struct {
		name string
		ns   string
		want string
	}{
		{name: "top-level field", ns: "Case.summary", want: "/summary"},
		{name: "nested field", ns: "MissingInformationRequest.fields", want: "/fields"},
		{name: "index", ns: "MissingInformationRequest.fields[2].name",
			want: "/fields/2/name"},
		{name: "two-digit index", ns: "X.fields[10].options[3]",
			want: "/fields/10/options/3"},
		{name: "deep", ns: "RATerminationResponse.successor_agent.address.country",
			want: "/successor_agent/address/country"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			appendPointer(&b, tc.ns)
			assert.Equal(t, tc.want, b.String())
		})
	}
}

func TestReport_Merge(t *testing.T) {
	rep := report{}
	rep.add("/summary", CodeRequired, "summary is required")
	rep.add("/metadata/a[0]", CodeInvalidFormat, "metadata key must be valid")
	rep.merge([]Item{
		{Pointer: "/summary", Code: CodeRequired},       // the same value again
		{Pointer: "/metadata/a[0]", Code: CodeTooLong},  // at a reported pointer
		{Pointer: "/metadata", Code: CodeTooMany},       // an ancestor: kept
		{Pointer: "/summary/x", Code: CodeInvalidType},  // a descendant
		{Pointer: "/summaryx", Code: CodeInvalidFormat}, // a sibling that shares a prefix
		{Pointer: "/details", Code: CodeTooLong},        // elsewhere
		{Pointer: "/details", Code: CodeInvalidFormat},  // both new items kept
	})
	got := make([]at, len(rep.items))
	for i, it := range rep.items {
		got[i] = at{it.Pointer, it.Code}
	}
	assert.Equal(t, []at{
		{"/summary", CodeRequired},
		{"/metadata/a[0]", CodeInvalidFormat},
		{"/metadata", CodeTooMany},
		{"/summaryx", CodeInvalidFormat},
		{"/details", CodeTooLong},
		{"/details", CodeInvalidFormat},
	}, got)
}
