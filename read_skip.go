package cases

import "strings"

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
			if i+1 >= len(r.s) {
				// A backslash that ends the document is read as the
				// string's reader reads it: the string never ends.
				r.pos = i
				r.syntax("unterminated string")
				return
			}
			if !strings.ContainsRune(`"\\/bfnrt`, rune(r.s[i+1])) {
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
