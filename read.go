package cases

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

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
	atBuf    [DefaultMaxDepth + 1]seg
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

// keySet remembers the keys of one object to find duplicates.
type keySet struct {
	inline [16]string
	n      int
	more   map[string]struct{}
}

func (ks *keySet) add(k string) (fresh bool) {
	for i := 0; i < ks.n; i++ {
		if ks.inline[i] == k {
			return false
		}
	}
	if ks.more != nil {
		if _, dup := ks.more[k]; dup {
			return false
		}
	}
	if ks.n < len(ks.inline) {
		ks.inline[ks.n] = k
		ks.n++
		return true
	}
	if ks.more == nil {
		ks.more = make(map[string]struct{})
	}
	ks.more[k] = struct{}{}
	return true
}

// object reads an object member by member, calling each with the decoded
// key while the key is on the pointer stack; each must consume the member's
// value. A value that is not an object is reported as subject's type error.
// In strict mode a repeated key is reported and its value skipped.
func (r *reader) object(subject string, each func(key string)) bool {
	var seen keySet
	return r.members(subject, func(key string) bool { return !seen.add(key) }, each)
}

// mapObject reads an object into a map as object does, asking has whether
// a key is already in the map instead of remembering the keys apart.
func (r *reader) mapObject(subject string, has func(key string) bool, each func(key string)) bool {
	return r.members(subject, has, each)
}

// members reads the members of an object; repeated reports whether a key
// appeared before in it.
func (r *reader) members(subject string, repeated func(key string) bool,
	each func(key string)) bool {
	if r.peek() != '{' {
		r.typeError(subject, "an object")
		return false
	}
	if !r.enter() {
		return false
	}
	if r.peek() == '}' {
		r.pos++
		r.depth--
		return true
	}
	for !r.fatal {
		if r.peek() != '"' {
			r.syntax("expected a string for an object key")
			return false
		}
		key, ok := r.rawString(true)
		if r.fatal {
			return false
		}
		if r.peek() != ':' {
			r.syntax("expected ':' after an object key")
			return false
		}
		r.pos++
		r.push(key)
		if !ok {
			r.skip(false)
		} else if repeated(key) && r.strict {
			r.fail(CodeDuplicate, "key must not appear twice in one object")
			r.skip(true)
		} else {
			each(key)
		}
		r.pop()
		if r.fatal {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			r.depth--
			return true
		default:
			r.syntax("expected ',' or '}' after an object member")
			return false
		}
	}
	return false
}

// array reads an array element by element; each must consume the element.
func (r *reader) array(subject string, each func(i int)) bool {
	if r.peek() != '[' {
		r.typeError(subject, "an array")
		return false
	}
	if !r.enter() {
		return false
	}
	if r.peek() == ']' {
		r.pos++
		r.depth--
		return true
	}
	for i := 0; !r.fatal; i++ {
		r.pushIndex(i)
		each(i)
		r.pop()
		if r.fatal {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			r.depth--
			return true
		default:
			r.syntax("expected ',' or ']' after an array element")
			return false
		}
	}
	return false
}

// unknown handles a key the object does not define: refused in strict
// mode, skipped in lenient mode.
func (r *reader) unknown() {
	if r.strict {
		r.fail(CodeUnknownField, "key is not defined here")
	}
	r.skip(!r.strict)
}

// str reads a string value; null and other types are reported.
func (r *reader) str(subject string) (string, bool) {
	if r.peek() != '"' {
		r.typeError(subject, "a string")
		return "", false
	}
	return r.rawString(false)
}

// optStr reads a string or null; null gives ok and a nil result.
func (r *reader) optStr(subject string) (*string, bool) {
	if r.null() {
		return nil, true
	}
	s, ok := r.str(subject)
	if !ok {
		return nil, false
	}
	return &s, true
}

// reqStr reads a string that may not be null. Null leaves "" so that
// validation reports the value as required.
func (r *reader) reqStr(subject string) string {
	if r.null() {
		return ""
	}
	s, _ := r.str(subject)
	return s
}

// timestamp reads an RFC 3339 string and converts it to UTC.
func (r *reader) timestamp(subject string) (time.Time, bool) {
	s, ok := r.str(subject)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseTimestamp(s)
	if err != nil {
		r.fail(CodeInvalidFormat, subject+" must be an RFC 3339 timestamp")
		return time.Time{}, false
	}
	return t, true
}

// optTimestamp reads a timestamp or null.
func (r *reader) optTimestamp(subject string) *time.Time {
	if r.null() {
		return nil
	}
	t, ok := r.timestamp(subject)
	if !ok {
		return nil
	}
	return &t
}

// errTimestamp reports a string that is not an RFC 3339 timestamp this
// package can carry.
var errTimestamp = errors.New("not an RFC 3339 timestamp")

// parseTimestamp parses an RFC 3339 date-time and converts it to UTC. It
// is stricter than time.Parse: two-digit fields, a '.' before fractional
// seconds, offsets within ±23:59, no leap second, and a result within the
// years 0000 to 9999 in UTC, so that it encodes back as RFC 3339.
func parseTimestamp(s string) (time.Time, error) {
	if !isRFC3339(s) {
		return time.Time{}, errTimestamp
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}, errTimestamp
	}
	return t, nil
}

// isRFC3339 checks the shape of an RFC 3339 date-time and the ranges that
// time.Parse lets through.
func isRFC3339(s string) bool {
	if len(s) < 20 || !isDateShape(s[:10]) || s[10] != 'T' || !isClock(s[11:19]) {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		n := digits(rest, 1)
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-'):
		return isTwoDigits(rest, 1, 23) && rest[3] == ':' && isTwoDigits(rest, 4, 59)
	}
	return false
}

// isClock reports whether s is hh:mm:ss of a time of day without a leap
// second.
func isClock(s string) bool {
	return isTwoDigits(s, 0, 23) && s[2] == ':' && isTwoDigits(s, 3, 59) &&
		s[5] == ':' && isTwoDigits(s, 6, 59)
}

// isDateShape reports whether s is YYYY-MM-DD with digits in place; the
// calendar is checked by time.Parse.
func isDateShape(s string) bool {
	return len(s) == 10 && digits(s, 0) == 4 && s[4] == '-' && isTwoDigits(s, 5, 12) &&
		s[7] == '-' && isTwoDigits(s, 8, 31)
}

// isTwoDigits reports whether s[i:i+2] are two digits of a number at most
// max.
func isTwoDigits(s string, i, max int) bool {
	if i+2 > len(s) || digits(s, i) < i+2 {
		return false
	}
	return int(s[i]-'0')*10+int(s[i+1]-'0') <= max
}

func (r *reader) boolean(subject string) (bool, bool) {
	c := r.peek()
	switch {
	case c == 't' && strings.HasPrefix(r.s[r.pos:], "true"):
		r.pos += 4
		return true, true
	case c == 'f' && strings.HasPrefix(r.s[r.pos:], "false"):
		r.pos += 5
		return false, true
	}
	r.typeError(subject, "a boolean")
	return false, false
}

// rawString reads the string that starts at r.pos. Invalid UTF-8 and lone
// surrogate escapes are reported at the current pointer (or at the key's
// own pointer when isKey) and give ok false; the string is still consumed.
func (r *reader) rawString(isKey bool) (s string, ok bool) {
	start := r.pos + 1
	i := start
	for i < len(r.s) {
		i = plainRun(r.s, i)
		if i == len(r.s) {
			break
		}
		c := r.s[i]
		switch {
		case c == '"':
			r.pos = i + 1
			return r.s[start:i], true
		case c == '\\':
			return r.escapedString(start, isKey)
		case c < 0x20:
			r.pos = i
			r.syntax("control character in a string")
			return "", false
		default:
			if rn, size := utf8.DecodeRuneInString(r.s[i:]); rn != utf8.RuneError || size > 1 {
				i += size
				continue
			}
			return r.escapedString(start, isKey)
		}
	}
	r.pos = len(r.s)
	r.syntax("unterminated string")
	return "", false
}

// plain marks the bytes that stand for themselves in a JSON string: ASCII
// other than control characters, the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainRun returns the index of the first byte from i on that is not
// plain, or len(s). It tests eight bytes at a time: most bytes of most
// strings need no decision beyond that.
func plainRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		quote, backslash := x^(ones*'"'), x^(ones*'\\')
		// A high bit marks a byte below 0x20, a quote, a backslash, or a
		// byte past ASCII.
		if ((x-ones*0x20)&^x|(quote-ones)&^quote|(backslash-ones)&^backslash|x)&highs != 0 {
			break
		}
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// ones and highs have one bit in each byte of a word: the lowest and the
// highest. With them a word tests eight bytes at once.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// load8 returns the eight bytes of s from i as a little-endian word.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// escapedString reads a string that needs decoding, from its first byte.
// Decoding only shrinks a string, so one allocation of its raw length
// holds the result.
func (r *reader) escapedString(start int, isKey bool) (string, bool) {
	var b strings.Builder
	b.Grow(rawLength(r.s, start))
	problem := ""
	i := start
	for i < len(r.s) {
		c := r.s[i]
		switch {
		case c == '"':
			r.pos = i + 1
			if problem != "" {
				r.reportString(b.String(), isKey, problem)
				return "", false
			}
			return b.String(), true
		case c < 0x20:
			r.pos = i
			r.syntax("control character in a string")
			return "", false
		case c == '\\':
			n, p := r.escape(&b, i)
			if n == 0 {
				return "", false
			}
			if p != "" {
				problem = p
			}
			i += n
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			rn, size := utf8.DecodeRuneInString(r.s[i:])
			if rn == utf8.RuneError && size == 1 {
				problem = "must be valid UTF-8"
			}
			b.WriteString(r.s[i : i+size])
			i += size
		}
	}
	r.pos = len(r.s)
	r.syntax("unterminated string")
	return "", false
}

// rawLength returns the length of the raw string that starts at start,
// up to its closing quote or the end of s.
func rawLength(s string, start int) int {
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '"':
			return i - start
		case '\\':
			i++
		}
	}
	return len(s) - start
}

func (r *reader) reportString(s string, isKey bool, problem string) {
	if isKey {
		r.push(s)
		r.fail(CodeInvalidFormat, "key "+problem)
		r.pop()
		return
	}
	r.fail(CodeInvalidFormat, "string "+problem)
}

// escape decodes the escape sequence at i into b. It returns the number
// of bytes read, or 0 after a syntax error, and the problem of an escape
// that is valid JSON but not a character: a lone UTF-16 surrogate.
func (r *reader) escape(b *strings.Builder, i int) (int, string) {
	if i+1 >= len(r.s) {
		r.pos = i
		r.syntax("unterminated string")
		return 0, ""
	}
	switch c := r.s[i+1]; c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		return r.unicodeEscape(b, i)
	default:
		r.pos = i
		r.syntax("invalid escape sequence in a string")
		return 0, ""
	}
	return 2, ""
}

// unicodeEscape decodes a \u escape, or a surrogate pair of two.
func (r *reader) unicodeEscape(b *strings.Builder, i int) (int, string) {
	rn, ok := r.hex4(i + 2)
	if !ok {
		return 0, ""
	}
	if !utf16.IsSurrogate(rn) {
		b.WriteRune(rn)
		return 6, ""
	}
	if rn < 0xDC00 && i+11 < len(r.s) && r.s[i+6] == '\\' && r.s[i+7] == 'u' {
		lo, ok := r.hex4(i + 8)
		if !ok {
			return 0, ""
		}
		if pair := utf16.DecodeRune(rn, lo); pair != utf8.RuneError {
			b.WriteRune(pair)
			return 12, ""
		}
	}
	b.WriteRune(utf8.RuneError)
	return 6, "must not contain a lone UTF-16 surrogate"
}

func (r *reader) hex4(i int) (rune, bool) {
	if i+4 > len(r.s) {
		r.pos = i
		r.syntax("invalid \\u escape in a string")
		return 0, false
	}
	var v rune
	for _, c := range []byte(r.s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			r.pos = i
			r.syntax("invalid \\u escape in a string")
			return 0, false
		}
		v = v<<4 | rune(c)
	}
	return v, true
}

// number reads a number literal, checking the JSON grammar.
func (r *reader) number() (string, bool) {
	start := r.pos
	i := start
	if i < len(r.s) && r.s[i] == '-' {
		i++
	}
	i = integerPart(r.s, i)
	if i >= 0 {
		i = fractionPart(r.s, i)
	}
	if i >= 0 {
		i = exponentPart(r.s, i)
	}
	if i < 0 {
		r.pos = -i - 1
		r.syntax("invalid number")
		return "", false
	}
	r.pos = i
	return r.s[start:i], true
}

// integerPart, fractionPart and exponentPart read their part of a number
// from s[i:] and return the index after it, or -j-1 for a grammar error
// at j. The fraction and the exponent may be absent.
func integerPart(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '0':
		return i + 1
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		return digits(s, i)
	}
	return -i - 1
}

func fractionPart(s string, i int) int {
	if i >= len(s) || s[i] != '.' {
		return i
	}
	if j := digits(s, i+1); j > i+1 {
		return j
	}
	return -(i + 1) - 1
}

func exponentPart(s string, i int) int {
	if i >= len(s) || (s[i] != 'e' && s[i] != 'E') {
		return i
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if j := digits(s, i); j > i {
		return j
	}
	return -i - 1
}

func digits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// skip consumes one value of any type. With report, problems inside it
// (invalid UTF-8) are reported; syntax and nesting are always checked.
func (r *reader) skip(report bool) {
	switch c := r.peek(); c {
	case '{':
		if r.enter() {
			r.skipMembers(report)
		}
	case '[':
		if r.enter() {
			r.skipElements(report)
		}
	case '"':
		if report {
			r.rawString(false)
		} else {
			r.skipString()
		}
	default:
		r.skipScalar(c)
	}
}

// skipScalar consumes a literal or a number that starts with c.
func (r *reader) skipScalar(c byte) {
	switch {
	case c == 't' || c == 'f':
		r.literal()
	case c == 'n':
		r.null()
	case c == '-' || ('0' <= c && c <= '9'):
		r.number()
	case c == 0 && r.pos >= len(r.s):
		r.syntax("unexpected end of input")
	default:
		r.syntax("invalid character at the start of a value")
	}
}

// skipString consumes a string, checking only its syntax.
func (r *reader) skipString() {
	for i := r.pos + 1; i < len(r.s); i++ {
		switch c := r.s[i]; {
		case c == '"':
			r.pos = i + 1
			return
		case c < 0x20:
			r.pos = i
			r.syntax("control character in a string")
			return
		case c == '\\':
			if i+1 < len(r.s) && r.s[i+1] == 'u' {
				if _, ok := r.hex4(i + 2); !ok {
					return
				}
				i += 5
				continue
			}
			if i+1 >= len(r.s) || !strings.ContainsRune(`"\\/bfnrt`, rune(r.s[i+1])) {
				r.pos = i
				r.syntax("invalid escape sequence in a string")
				return
			}
			i++
		}
	}
	r.pos = len(r.s)
	r.syntax("unterminated string")
}

func (r *reader) literal() {
	for _, lit := range [...]string{"true", "false"} {
		if strings.HasPrefix(r.s[r.pos:], lit) {
			r.pos += len(lit)
			return
		}
	}
	r.syntax("invalid literal")
}

func (r *reader) skipMembers(report bool) {
	if r.peek() == '}' {
		r.pos++
		r.depth--
		return
	}
	var seen keySet
	for !r.fatal {
		if r.peek() != '"' {
			r.syntax("expected a string for an object key")
			return
		}
		key, _ := r.rawString(true)
		if r.peek() != ':' {
			r.syntax("expected ':' after an object key")
			return
		}
		r.pos++
		r.push(key)
		if report && r.strict && !seen.add(key) {
			r.fail(CodeDuplicate, "key must not appear twice in one object")
		}
		r.skip(report)
		r.pop()
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			r.depth--
			return
		default:
			r.syntax("expected ',' or '}' after an object member")
			return
		}
	}
}

func (r *reader) skipElements(report bool) {
	if r.peek() == ']' {
		r.pos++
		r.depth--
		return
	}
	for i := 0; !r.fatal; i++ {
		r.pushIndex(i)
		r.skip(report)
		r.pop()
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			r.depth--
			return
		default:
			r.syntax("expected ',' or ']' after an array element")
			return
		}
	}
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

// value reads any JSON value into the value model of answers: string,
// bool, json.Number, map[string]any, []any or nil.
func (r *reader) value() any {
	switch c := r.peek(); {
	case c == '"':
		s, ok := r.rawString(false)
		if !ok {
			return nil
		}
		return s
	case c == '{':
		m := map[string]any{}
		r.mapObject("value", func(k string) bool { _, ok := m[k]; return ok },
			func(k string) { m[k] = r.value() })
		return m
	case c == '[':
		a := []any{}
		r.array("value", func(int) { a = append(a, r.value()) })
		return a
	case c == 't' || c == 'f':
		b, _ := r.boolean("value")
		return b
	case c == 'n':
		r.null()
		return nil
	case c == '-' || ('0' <= c && c <= '9'):
		n, _ := r.number()
		return json.Number(n)
	case c == 0 && r.pos >= len(r.s):
		r.syntax("unexpected end of input")
	default:
		r.syntax("invalid character at the start of a value")
	}
	return nil
}
