package cases

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Metadata is a set of string key-value pairs that the platform stores on
// a case for its own use: at most 50 pairs, keys of 1 to 40 characters
// without control characters or square brackets, values of at most 500
// characters. Nil and empty are the same, and both encode as {}.
type Metadata map[string]string

// The limits of section 1.4 of the specification.
const (
	maxMetadataPairs = 50
	maxMetadataKey   = 40
	maxMetadataValue = 500
)

// checkMetadata reports the problems of a case's metadata.
func checkMetadata(m Metadata, rep *report) {
	if len(m) > maxMetadataPairs {
		rep.add("/metadata", CodeTooMany,
			"metadata must have at most "+strconv.Itoa(maxMetadataPairs)+" pairs")
	}
	for k, v := range m {
		checkMetadataKey(k, rep)
		checkMetadataValue(k, v, rep)
	}
}

// checkMetadataKey reports the problems of one metadata key. A key may
// hold any character but a control character and a square bracket; line
// and paragraph separators are not control characters.
func checkMetadataKey(k string, rep *report) {
	switch n := utf8.RuneCountInString(k); {
	case n == 0:
		rep.add("/metadata/", CodeInvalidFormat, "metadata key must not be empty")
	case n > maxMetadataKey:
		rep.add(pointerJoin("/metadata", k), CodeTooLong,
			"metadata key must be at most "+strconv.Itoa(maxMetadataKey)+" characters")
	case !hasNoControl(k) || strings.ContainsAny(k, "[]"):
		rep.add(pointerJoin("/metadata", k), CodeInvalidFormat,
			"metadata key must be valid UTF-8 without control characters, '[' or ']'")
	}
}

// checkMetadataValue reports the problems of the value of key k.
func checkMetadataValue(k, v string, rep *report) {
	switch {
	case !utf8.ValidString(v):
		rep.add(pointerJoin("/metadata", k), CodeInvalidFormat,
			"metadata value must be valid UTF-8")
	case utf8.RuneCountInString(v) > maxMetadataValue:
		rep.add(pointerJoin("/metadata", k), CodeTooLong,
			"metadata value must be at most "+strconv.Itoa(maxMetadataValue)+" characters")
	}
}

// readMetadata reads a metadata object; null gives nil.
func readMetadata(r *reader) Metadata {
	if r.null() {
		return nil
	}
	m := Metadata{}
	var refused refusedKeys
	has := func(k string) bool { _, ok := m[k]; return ok || refused.has(k) }
	r.mapObject("metadata", has, func(key string) {
		if r.null() {
			r.fail(CodeInvalidType, "metadata value must be a string")
			refused.add(key)
			return
		}
		if v, ok := r.str("metadata value"); ok {
			m[key] = v
		} else {
			refused.add(key)
		}
	})
	return m
}

// refusedKeys remembers the keys of an object read into a map whose value
// was refused and so never reached the map, so that a repeat of such a key
// is still found. It holds nothing, and costs nothing, until a value is
// refused.
type refusedKeys struct{ keys map[string]struct{} }

func (rk *refusedKeys) add(k string) {
	if rk.keys == nil {
		rk.keys = map[string]struct{}{}
	}
	rk.keys[k] = struct{}{}
}

func (rk *refusedKeys) has(k string) bool {
	_, ok := rk.keys[k]
	return ok
}

// appendMetadata appends m as an object with its keys sorted: metadata,
// or, with appendOptString, an update's metadata patch.
func appendMetadata[V any](b []byte, m map[string]V,
	value func([]byte, V, *error) []byte, err *error) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k, err)
		b = append(b, ':')
		b = value(b, m[k], err)
	}
	return append(b, '}')
}
