package cases

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPointer(t *testing.T) {
	for _, tc := range []struct {
		name string
		segs []seg
		want string
	}{
		{"root", nil, ""},
		{"key and index", []seg{{key: "fields", idx: -1}, {idx: 2}}, "/fields/2"},
		{"escapes", []seg{{key: "a/b~c", idx: -1}}, "/a~1b~0c"},
		{"empty key", []seg{{key: "", idx: -1}, {idx: 0}}, "//0"},
		{"invalid UTF-8", []seg{{key: "a\xffb", idx: -1}}, "/a\uFFFDb"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, pointer(tc.segs))
		})
	}
}

// TestComparePointers checks the order of items: segment by segment,
// array indexes by value, an ancestor before its descendants.
func TestComparePointers(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want int // the sign of the comparison
	}{
		{"equal", "/a/1", "/a/1", 0},
		{"keys", "/a", "/b", -1},
		{"indexes by value", "/fields/9", "/fields/10", -1},
		{"ancestor first", "/fields", "/fields/0", -1},
		{"root first", "", "/a", -1},
		{"index before a longer key", "/2", "/2a", -1},
		// "01" is not an index, so it is compared as text: "0" < "2".
		{"leading zero is a key", "/01", "/2", -1},
		{"zero is an index", "/0", "/10", -1},
		// An empty key is a segment of its own; the indexes after it are
		// still compared by value.
		{"indexes below an empty key", "//9", "//10", -1},
		{"empty key before a key", "//z", "/a", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, compareSign(comparePointers(tc.a, tc.b)))
			assert.Equal(t, -tc.want, compareSign(comparePointers(tc.b, tc.a)))
		})
	}
}

func compareSign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
