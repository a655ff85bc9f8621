package cases

import (
	"errors"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
)

// report collects the problems of one input.
type report struct {
	items []Item
}

func (rep *report) add(pointer string, code Code, msg string) {
	if rep.items == nil {
		rep.items = make([]Item, 0, 8)
	}
	rep.items = append(rep.items, Item{Pointer: pointer, Code: code, Message: msg})
}

// err returns the collected problems as an *Error, or nil when there are
// none.
func (rep *report) err() error {
	if len(rep.items) == 0 {
		return nil
	}
	return newError(rep.items)
}

// merge adds the items of more that are not at or below a pointer rep
// already holds: a problem found first says what is wrong there, and a
// second check of the same value would only repeat it.
func (rep *report) merge(more []Item) {
	n := len(rep.items)
	for _, it := range more {
		if !covered(rep.items[:n], it.Pointer) {
			rep.items = append(rep.items, it)
		}
	}
}

// nest runs fn, which reports problems at pointers relative to one value,
// and moves what it reported below base plus the segment seg. The pointer
// is built only when there is a problem to report.
func (rep *report) nest(base, seg string, fn func()) {
	n := len(rep.items)
	fn()
	if len(rep.items) == n {
		return
	}
	prefix := pointerJoin(base, seg)
	for i := n; i < len(rep.items); i++ {
		rep.items[i].Pointer = prefix + rep.items[i].Pointer
	}
}

// check runs the validator on the struct s and adds its failures as items
// below base.
func (rep *report) check(base string, s any) {
	rep.convert(base, s, rules.Struct(s))
}

// checkPartial runs the validator on the named fields of the struct s.
func (rep *report) checkPartial(base string, s any, fields ...string) {
	rep.convert(base, s, rules.StructPartial(s, fields...))
}

// convert adds the failures in a validator's error as items below base.
func (rep *report) convert(base string, s any, err error) {
	if err == nil {
		return
	}
	var fails validator.ValidationErrors
	if !errors.As(err, &fails) {
		panic("cases: validating " + reflect.TypeOf(s).String() + ": " + err.Error())
	}
	for _, fe := range fails {
		code, msg := describe(fe)
		var b strings.Builder
		b.WriteString(base)
		appendPointer(&b, fe.Namespace())
		rep.add(b.String(), code, msg)
	}
}

// appendPointer appends to b the JSON Pointer of a validator namespace
// ("caseRules.request.fields[2]" gives "/request/fields/2"). The names come
// from the mirrors' name tags, so they hold no dots or brackets.
func appendPointer(b *strings.Builder, ns string) {
	_, ns, _ = strings.Cut(ns, ".")
	for ns != "" {
		var part string
		part, ns, _ = strings.Cut(ns, ".")
		name, idx, _ := strings.Cut(part, "[")
		b.WriteByte('/')
		b.WriteString(name)
		for idx != "" {
			var i string
			i, idx, _ = strings.Cut(idx, "]")
			b.WriteByte('/')
			b.WriteString(i)
			idx = strings.TrimPrefix(idx, "[")
		}
	}
}
