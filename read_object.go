package cases

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
