package cases

import (
	"strconv"
	"strings"
)

// reader decodes JSON text into the package's types. It reads the known
// shapes directly, reports every problem it can with its pointer, and stops
// only at a syntax error or a nesting limit, which it reports with the byte
// offset. Strings without escapes are slices of s, so a decoded document
// shares one allocation for most of its text.
//
// The reader keeps the pointer of the value it is reading as a stack of
// segments, so that a pointer costs nothing until a problem is reported.
type reader struct {
	s        string
	pos      int
	depth    int
	maxDepth int
	strict   bool
	fatal    bool
	items    []Item
	at       []seg
	// atBuf holds the pointer stack of a document within the strict
	// nesting limit; a deeper one grows the stack once, and the pooled
	// reader keeps the grown stack for the next document.
	atBuf [DefaultMaxDepth + 1]seg
	// specs is scratch space for the field specs of a request.
	specs []FieldSpec
	// rep collects the problems that the checks after reading find.
	rep report
}

// push enters the member key of the current object.
func (r *reader) push(key string) { r.at = append(r.at, seg{key: key, idx: -1}) }

// pushIndex enters element i of the current array.
func (r *reader) pushIndex(i int) { r.at = append(r.at, seg{idx: i}) }

func (r *reader) pop() { r.at = r.at[:len(r.at)-1] }

// fail reports a problem with the value being read.
func (r *reader) fail(code Code, msg string) {
	r.items = append(r.items, Item{Pointer: pointer(r.at), Code: code, Message: msg})
}

// syntax reports a fatal syntax error at the current offset.
func (r *reader) syntax(what string) {
	if r.fatal {
		return
	}
	r.fatal = true
	r.items = append(r.items, Item{
		Code:    CodeInvalidJSON,
		Message: "invalid JSON at byte " + strconv.Itoa(r.pos) + ": " + what,
	})
}

// ws skips white space. Most values follow a byte that is not white
// space, or one line break and an indent, so it returns early for the
// first and scans the second in a local loop.
func (r *reader) ws() {
	s, i := r.s, r.pos
	if i >= len(s) || s[i] > ' ' {
		return
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	r.pos = i
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// peek returns the first byte of the next value, or 0 at the end.
func (r *reader) peek() byte {
	r.ws()
	if r.pos < len(r.s) {
		return r.s[r.pos]
	}
	return 0
}

// end reports data after the document's value.
func (r *reader) end() {
	if r.fatal {
		return
	}
	if r.peek(); r.pos < len(r.s) {
		r.syntax("data after the value")
	}
}

// null consumes a null literal if one is next.
func (r *reader) null() bool {
	if r.peek() != 'n' {
		return false
	}
	if !strings.HasPrefix(r.s[r.pos:], "null") {
		r.syntax("invalid literal")
		return false
	}
	r.pos += 4
	return true
}

// typeError reports a value of the wrong JSON type and skips it.
func (r *reader) typeError(subject, want string) {
	if r.fatal {
		return
	}
	if r.peek(); r.pos >= len(r.s) {
		r.syntax("unexpected end of input")
		return
	}
	r.fail(CodeInvalidType, subject+" must be "+want)
	r.skip(true)
}

// enter consumes the opening byte of an object or array and applies the
// nesting limit.
func (r *reader) enter() bool {
	r.depth++
	if r.depth > r.maxDepth {
		r.fail(CodeTooDeep, "nesting must be at most "+strconv.Itoa(r.maxDepth)+" levels deep")
		r.fatal = true
		return false
	}
	r.pos++
	return true
}

// span is a member whose value is read once its sibling keys are known,
// as a case's request waits for the case's kind.
type span struct {
	key   string
	start int
	depth int
	set   bool
}

// later records where the value of the current member starts and skips it.
func (r *reader) later(key string) span {
	r.ws()
	sp := span{key: key, start: r.pos, depth: r.depth, set: true}
	r.skip(false)
	return sp
}

// readLater reads a member recorded by later with fn, from the object that
// held it, then restores the reader's position.
func (r *reader) readLater(sp span, fn func()) {
	if !sp.set || r.fatal {
		return
	}
	pos, depth := r.pos, r.depth
	r.pos, r.depth = sp.start, sp.depth
	r.push(sp.key)
	fn()
	r.pop()
	r.pos, r.depth = pos, depth
}
