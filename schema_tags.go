package cases

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
)

// This file turns the validate tags of the mirrors in rules.go into
// JSON Schema keywords, and holds the definitions the schemas share.

// objectSchema renders a mirror of rules.go as a closed object whose keys
// are the JSON keys of public (or the mirror's own keys when public is
// nil). A key the mirror does not declare takes its schema from extra; a
// key in neither is a programmer error. Keys named in required are
// required besides those whose tags require them.
func objectSchema(mirror, public reflect.Type, extra map[string]jsonObj,
	required ...string) jsonObj {
	props := jsonObj{}
	req := slices.Clone(required)
	var publicKeys []string
	if public != nil {
		publicKeys = jsonKeys(public)
	}
	for i := range mirror.NumField() {
		f := mirror.Field(i)
		key := f.Tag.Get("name")
		if public != nil && !slices.Contains(publicKeys, key) {
			continue
		}
		s, isReq := typeSchema(f.Type, strings.Split(f.Tag.Get("validate"), ","))
		props[key] = s
		if isReq {
			req = append(req, key)
		}
	}
	keys := append(slices.Collect(maps.Keys(extra)), publicKeys...)
	for _, key := range keys {
		if _, done := props[key]; done {
			continue
		}
		s, ok := extra[key]
		if !ok {
			panic("cases: no schema for the key " + key + " of " + public.String())
		}
		props[key] = s
	}
	slices.Sort(req)
	s := jsonObj{"type": "object", "properties": props, "additionalProperties": false}
	if len(req) > 0 {
		s["required"] = toAny(req)
	}
	return s
}

// jsonKeys returns the JSON keys of the fields of struct type t.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

var typeTime = reflect.TypeFor[time.Time]()

// typeSchema renders a field of Go type t with the validator tags tags,
// and reports whether its key is required.
func typeSchema(t reflect.Type, tags []string) (jsonObj, bool) {
	own, elem := tags, []string(nil)
	if i := slices.Index(tags, "dive"); i >= 0 {
		own, elem = tags[:i], tags[i+1:]
	}
	required := slices.Contains(own, "required") || slices.Contains(own, "true")
	isNullable := slices.Contains(own, "omitnil") || slices.Contains(own, "omitempty")
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	var s jsonObj
	switch {
	case base == typeTime:
		s = ref("timestamp")
	case mirrorDefs[base] != "":
		s = ref(mirrorDefs[base])
	case base.Kind() == reflect.String:
		s = stringSchema(base, own)
	case base.Kind() == reflect.Bool:
		s = jsonObj{"type": "boolean"}
		if slices.Contains(own, "true") {
			s["const"] = true
		}
	case base.Kind() == reflect.Slice:
		s = arraySchema(base, own, elem)
	default:
		panic("cases: no schema for a field of type " + t.String())
	}
	if isNullable && !required {
		s = nullable(s)
	}
	return s, required
}

func arraySchema(t reflect.Type, own, elem []string) jsonObj {
	items, _ := typeSchema(t.Elem(), elem)
	s := jsonObj{"type": "array", "items": items}
	for _, tag := range own {
		name, param, _ := strings.Cut(tag, "=")
		switch name {
		case "min":
			s["minItems"] = mustAtoi(param)
		case "max":
			s["maxItems"] = mustAtoi(param)
		}
	}
	return s
}

// stringSchema renders the tags of a string field.
func stringSchema(t reflect.Type, tags []string) jsonObj {
	r := stringRules{s: jsonObj{"type": "string"}}
	for _, tag := range tags {
		name, param, _ := strings.Cut(tag, "=")
		r.add(t, name, param)
	}
	return r.finish()
}

// stringRules gathers the schema of a string field, tag by tag.
type stringRules struct {
	s        jsonObj
	patterns []string
	// notBlank says that a tag refuses blank strings; blankFree, that
	// the other keywords already do.
	notBlank, blankFree bool
}

// add renders the tag name=param of a field of type t.
func (r *stringRules) add(t reflect.Type, name, param string) {
	s := r.s
	switch name {
	case "omitnil", "omitempty", "":
	case "required":
		if _, isEnum := enumOfType(t); !isEnum {
			s["minLength"] = 1
		}
	case "notblank", "present":
		s["minLength"] = 1
		r.notBlank = true
	case "max":
		s["maxLength"] = mustAtoi(param)
	case "min":
		s["minLength"] = mustAtoi(param)
	case "known":
		e, _ := enumOfType(t)
		s["enum"] = e.values()
	case "iso3166_1_alpha2":
		s["enum"] = countryCodes()
	default:
		r.addPattern(name)
	}
}

// tagFormats holds the format, and the pattern that narrows it to what the
// validator accepts, of the tags that name a format.
var tagFormats = map[string]struct{ format, pattern string }{
	"email":    {format: "email"},
	"http_url": {format: "uri", pattern: urlPattern},
	"date":     {format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
}

// urlPattern narrows format uri to the http_url rule: an http or https
// scheme in any case, then an authority whose host name is not empty. The
// user information, when there is some, ends at the authority's last "@"
// (which is how net/url reads it); the host name runs from there to a
// port, a path, a query, a fragment or the end.
const urlPattern = `^[Hh][Tt][Tt][Pp][Ss]?://([^/?#]*@)?[^/?#@:][^/?#@]*([/?#]|$)`

// addPattern renders a tag that a format or a pattern says.
func (r *stringRules) addPattern(name string) {
	if f, ok := tagFormats[name]; ok {
		r.s["format"] = f.format
		if f.pattern != "" {
			r.patterns = append(r.patterns, f.pattern)
		}
		return
	}
	p, ok := tagPatterns()[name]
	if !ok {
		panic("cases: no schema for the validator tag " + name)
	}
	r.patterns = append(r.patterns, p)
	// These patterns admit no white space, so no blank string.
	r.blankFree = r.blankFree || name == "opaque" || name == "field" || name == "caseid"
	if name == "caseid" {
		r.s["format"] = "uuid"
	}
}

// finish returns the schema of the field.
func (r *stringRules) finish() jsonObj {
	s := r.s
	if s["enum"] != nil {
		delete(s, "minLength")
		r.blankFree = true
	}
	patterns := r.patterns
	if r.notBlank && !r.blankFree {
		patterns = append([]string{notBlankPattern()}, patterns...)
	}
	switch len(patterns) {
	case 0:
	case 1:
		s["pattern"] = patterns[0]
	default:
		all := make([]any, len(patterns))
		for i, p := range patterns {
			all[i] = jsonObj{"pattern": p}
		}
		s["allOf"] = all
	}
	return s
}

// controlClass is the body of a character class of the control characters
// of section 1.3 of the specification.
const controlClass = "\x00-\x1f\x7f-\u009f"

// tagPatterns returns the patterns of the project's own tags (validate.go).
// The lengths of opaque IDs and field names are those their Go rules
// accept, found by asking the rules, so that a pattern cannot drift from
// the rule it stands for; they are found once, when a schema is first
// rendered.
var tagPatterns = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"oneline": "^[^" + controlClass + "\u2028\u2029]*$",
		"text":    "^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\u009f]*$",
		"opaque":  "^[A-Za-z0-9_.:-]{1," + strconv.Itoa(longestAccepted(isOpaqueID, "a")) + "}$",
		"caseid":  "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
		"field":   "^[a-z][a-z0-9_]{0," + strconv.Itoa(longestAccepted(isFieldName, "a")-1) + "}$",
		"e164":    "^\\+[1-9][0-9]{7,14}$",
	}
})

// longestAccepted returns the greatest n for which rule accepts unit
// repeated n times, counting up from 1: the length limit that the rule
// holds. A rule that accepts no such string, or has no limit below 4096,
// is a programmer error.
func longestAccepted(rule func(string) bool, unit string) int {
	const bound = 4096
	n := 0
	for n < bound && rule(strings.Repeat(unit, n+1)) {
		n++
	}
	if n == 0 || n == bound {
		panic("cases: no length limit found for a pattern")
	}
	return n
}

// notBlankPattern matches a string with a character that is not white
// space, by unicode.IsSpace, as strings.TrimSpace sees it.
func notBlankPattern() string {
	var b strings.Builder
	b.WriteString("[^")
	for _, r16 := range unicode.White_Space.R16 {
		if r16.Stride != 1 {
			for r := r16.Lo; r <= r16.Hi; r += r16.Stride {
				b.WriteRune(rune(r))
			}
			continue
		}
		b.WriteRune(rune(r16.Lo))
		if r16.Hi != r16.Lo {
			b.WriteByte('-')
			b.WriteRune(rune(r16.Hi))
		}
	}
	b.WriteString("]")
	return b.String()
}

func ref(def string) jsonObj { return jsonObj{"$ref": "#/$defs/" + def} }

// nullable returns s widened to accept null.
func nullable(s jsonObj) jsonObj {
	typ, isOne := s["type"].(string)
	if !isOne || s["const"] != nil {
		return jsonObj{"anyOf": []any{jsonObj{"type": "null"}, s}}
	}
	n := maps.Clone(s)
	n["type"] = []any{typ, "null"}
	if e, ok := n["enum"].([]any); ok {
		n["enum"] = append(slices.Clone(e), nil)
	}
	return n
}

// collectRefs adds to used every definition that v refers to, directly or
// through other definitions.
func collectRefs(v any, defs map[string]jsonObj, used map[string]any) {
	switch x := v.(type) {
	case jsonObj:
		if r, ok := x["$ref"].(string); ok {
			name := strings.TrimPrefix(r, "#/$defs/")
			if _, seen := used[name]; !seen {
				def, ok := defs[name]
				if !ok {
					panic("cases: no schema definition " + name)
				}
				used[name] = def
				collectRefs(def, defs, used)
			}
		}
		for _, e := range x {
			collectRefs(e, defs, used)
		}
	case []any:
		for _, e := range x {
			collectRefs(e, defs, used)
		}
	}
}

// asciiJSON escapes every character outside ASCII, so that the invisible
// characters of the patterns can be read in the schema's text.
func asciiJSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, r := range string(b) {
		if r < 0x7f {
			out = append(out, byte(r))
			continue
		}
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
			continue
		}
		out = fmt.Appendf(out, `\u%04x`, r)
	}
	return out
}

func toAny[T ~string](v []T) []any {
	out := make([]any, len(v))
	for i, s := range v {
		out[i] = string(s)
	}
	return out
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("cases: bad number in a validator tag: " + s)
	}
	return n
}
