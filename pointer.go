package cases

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file builds and orders the RFC 6901 JSON Pointers that items carry.

// seg is one step of a JSON Pointer: an object key, or an array index
// when idx is not negative.
type seg struct {
	key string
	idx int
}

// pointer renders the segments as an RFC 6901 JSON Pointer.
func pointer(segs []seg) string {
	var b strings.Builder
	for _, sg := range segs {
		b.WriteByte('/')
		if sg.idx >= 0 {
			b.WriteString(strconv.Itoa(sg.idx))
		} else {
			writeEscapedSegment(&b, sg.key)
		}
	}
	return b.String()
}

// writeEscapedSegment writes s as one escaped segment. A key that is not
// valid UTF-8 is written with its invalid bytes replaced, so that the
// pointer itself is valid text.
func writeEscapedSegment(b *strings.Builder, s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteByte(s[i])
		}
	}
}

// pointerJoin appends one escaped segment to a rendered pointer.
func pointerJoin(base, seg string) string {
	var b strings.Builder
	b.WriteString(base)
	b.WriteByte('/')
	writeEscapedSegment(&b, seg)
	return b.String()
}

// comparePointers orders two pointers segment by segment, with segments
// made of digits compared as numbers; an ancestor comes before its
// descendants.
func comparePointers(a, b string) int {
	for a != "" && b != "" {
		var sa, sb string
		sa, a = nextSegment(a)
		sb, b = nextSegment(b)
		if c := compareSegments(sa, sb); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

// nextSegment splits "/x/rest" into "x" and "/rest".
func nextSegment(p string) (seg, rest string) {
	p = p[1:]
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func compareSegments(a, b string) int {
	if isIndex(a) && isIndex(b) {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
	}
	return strings.Compare(a, b)
}

// isIndex reports whether s is an array index as RFC 6901 writes one:
// digits without a leading zero.
func isIndex(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// covered reports whether one of items is at pointer or at one of its
// ancestors.
func covered(items []Item, pointer string) bool {
	for _, it := range items {
		if pointer == it.Pointer || strings.HasPrefix(pointer, it.Pointer+"/") {
			return true
		}
	}
	return false
}
