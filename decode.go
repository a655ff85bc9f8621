package cases

import (
	"slices"
	"strconv"
	"sync"
	"time"
)

// The default limits of a [Decoder]. A strict Decoder reads what a
// service receives, where a size limit guards the service; a lenient one
// reads what the platform sent, which it built and checked itself, so its
// limits only have to stop a runaway document.
const (
	// DefaultMaxBytes is the largest document a strict Decoder accepts:
	// 1 MiB.
	DefaultMaxBytes = 1 << 20

	// DefaultMaxDepth is the deepest nesting of objects and arrays a
	// strict Decoder accepts.
	DefaultMaxDepth = 32

	// DefaultLenientMaxBytes is the largest document a lenient Decoder
	// accepts: 16 MiB. The largest case that strict validation accepts
	// takes about 6.4 MB once encoded: 50 text fields whose description,
	// example and answer are at their limits, every character escaped to
	// six bytes (U+2028 is written \u2028), details, summary and metadata
	// at theirs. An event adds a few hundred bytes to its case. The rules
	// bound the value of a number answer but not the length of its
	// literal, so a case whose numbers run to megabytes of digits is the
	// only valid one that needs more.
	DefaultLenientMaxBytes = 16 << 20

	// DefaultLenientMaxDepth is the deepest nesting a lenient Decoder
	// accepts: enough for a response that a strict Decoder accepted at
	// DefaultMaxDepth, held in a case (two more levels) inside an event
	// (one more), with room to spare for the payloads of kinds added
	// later.
	DefaultLenientMaxDepth = 64
)

// Decoder decodes the documents of the case API from JSON text.
//
// A strict Decoder (the zero value) is for input that a service receives:
// it refuses unknown and repeated keys, and checks every rule of the
// document that does not depend on the time or on a stored case, so that
// one call reports every problem at once. A lenient Decoder is for what a
// partner receives: it ignores unknown keys, keeps the last of repeated
// keys and keeps enum values it does not know, and checks no rule beyond
// the JSON types.
//
// Both refuse text that is not JSON, data after the value, invalid UTF-8,
// documents over MaxBytes and nesting deeper than MaxDepth, reporting the
// byte offset of a syntax error. The limits default by mode: 1 MiB and 32
// levels when strict, 16 MiB and 64 levels when lenient, so that a
// partner can read back every case that strict validation accepts.
// Problems come back as an [*Error] wrapping [ErrInvalid]. A Decoder never
// modifies its input, and the strings it returns may share memory with one
// copy of it.
type Decoder struct {
	// Lenient selects lenient decoding.
	Lenient bool

	// MaxBytes is the size limit in bytes, in either mode. Zero or less
	// means DefaultMaxBytes when strict and DefaultLenientMaxBytes when
	// lenient.
	MaxBytes int

	// MaxDepth is the nesting limit in levels of objects and arrays, in
	// either mode. Zero or less means DefaultMaxDepth when strict and
	// DefaultLenientMaxDepth when lenient.
	MaxDepth int
}

// limits returns the size and nesting limits that d applies.
func (d Decoder) limits() (maxBytes, maxDepth int) {
	maxBytes, maxDepth = d.MaxBytes, d.MaxDepth
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
		if d.Lenient {
			maxBytes = DefaultLenientMaxBytes
		}
	}
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
		if d.Lenient {
			maxDepth = DefaultLenientMaxDepth
		}
	}
	return maxBytes, maxDepth
}

// start checks the size of data and prepares a reader for it.
func (d Decoder) start(data []byte) (*reader, error) {
	limit, depth := d.limits()
	if len(data) > limit {
		return nil, newError([]Item{{Code: CodeTooLarge,
			Message: "document must be at most " + strconv.Itoa(limit) + " bytes"}})
	}
	r := readers.Get().(*reader)
	r.s, r.pos, r.depth, r.maxDepth = string(data), 0, 0, depth
	r.strict, r.fatal = !d.Lenient, false
	return r, nil
}

// readers keeps the readers of finished documents for the next ones: a
// reader carries its pointer stack, which is worth not allocating each time.
var readers = sync.Pool{New: func() any {
	r := new(reader)
	r.at = r.atBuf[:0]
	return r
}}

// release returns r to the pool. It keeps nothing of the document: the
// decoded values and the items belong to the caller.
func release(r *reader) {
	clear(r.at[:cap(r.at)])
	r.at = r.at[:0]
	r.s, r.items = "", nil
	readers.Put(r)
}

// finish checks the end of the document and, when decoding is strict and
// the JSON was readable, runs check, then releases r. Problems that check
// finds at or below a pointer the reader already reported are left out:
// the reader's item says what is wrong there.
func (d Decoder) finish(r *reader, check func(*report)) error {
	r.end()
	if r.fatal {
		// Text that is not JSON, or nests too deep, has no values to speak
		// of: the one item that says so is the whole answer.
		r.items = slices.DeleteFunc(r.items, func(it Item) bool {
			return it.Code != CodeInvalidJSON && it.Code != CodeTooDeep
		})
	}
	if !r.fatal && !d.Lenient && check != nil {
		// The report lives in the reader, which is on the heap already:
		// the kinds' checks take it through an interface.
		r.rep = report{}
		check(&r.rep)
		found := report{items: r.items}
		found.merge(r.rep.items)
		r.items = found.items
		r.rep = report{}
	}
	items := r.items
	release(r)
	if len(items) == 0 {
		return nil
	}
	return newError(items)
}

// Case decodes a whole case. A strict Decoder also validates it as
// [Case.Validate] does.
func (d Decoder) Case(data []byte) (*Case, error) {
	r, err := d.start(data)
	if err != nil {
		return nil, err
	}
	c := &Case{}
	if r.null() {
		r.fail(CodeInvalidType, "case must be an object")
	} else {
		readCase(r, c)
	}
	if err := d.finish(r, func(rep *report) { validateCase(c, rep, checkStored) }); err != nil {
		return nil, err
	}
	return c, nil
}

// readCase reads the members of a case object into c.
func readCase(r *reader, c *Case) {
	var req, resp span
	r.object("case", func(key string) {
		switch key {
		case "id":
			c.ID = r.reqStr(key)
		case "object":
			r.objectName("case")
		case "created_at":
			c.CreatedAt = r.reqTimestamp(key)
		case "updated_at":
			c.UpdatedAt = r.reqTimestamp(key)
		case "opened_at":
			c.OpenedAt = r.optTimestamp(key)
		case "resolved_at":
			c.ResolvedAt = r.optTimestamp(key)
		case "resolution_reason":
			s, _ := r.optStr(key)
			if s != nil {
				c.ResolutionReason = ResolutionReason(*s)
				r.notEmpty(*s, key)
			}
		case "request":
			req = r.payload(key, c.Kind, false, &c.Request)
		case "response":
			resp = r.payload(key, c.Kind, true, &c.Response)
		default:
			readCommon(r, key, c)
		}
	})
	r.readLater(req, func() { c.Request = readPayload(r, c.Kind, false) })
	r.readLater(resp, func() { c.Response = readPayload(r, c.Kind, true) })
}

// payload reads a request or response member into *p when the kind is
// already known and decoding is strict, where a repeated kind is refused,
// so that the kind cannot change after the payload is read. Otherwise it
// records the member to be read once the object is done.
func (r *reader) payload(key string, k Kind, response bool, p *Payload) span {
	if r.strict && k != "" {
		*p = readPayload(r, k, response)
		return span{}
	}
	return r.later(key)
}

// readCommon reads one member that a case shares with an open body, so
// that one piece of code reads both.
func readCommon(r *reader, key string, c *Case) {
	switch key {
	case "metadata":
		c.Metadata = readMetadata(r)
	case "parent_type":
		c.ParentType = ParentType(r.reqStr(key))
	case "parent_id":
		c.ParentID = r.reqStr(key)
	case "kind":
		c.Kind = Kind(r.reqStr(key))
	case "status":
		c.Status = Status(r.reqStr(key))
	case "summary":
		c.Summary = r.reqStr(key)
	case "details":
		c.Details, _ = r.optStr(key)
	case "due_at":
		c.DueAt = r.optTimestamp(key)
	default:
		r.unknown()
	}
}

// notEmpty reports an empty string where an enum value belongs; it is
// neither null nor a value.
func (r *reader) notEmpty(s, subject string) {
	if s == "" && r.strict {
		r.fail(CodeUnknownValue, subject+" is not a known value")
	}
}

// objectName reads the "object" member, which names the type of the
// document.
func (r *reader) objectName(want string) {
	s, ok := r.str("object")
	if ok && s != want && r.strict {
		r.fail(CodeInvalidValue, "object must be "+strconv.Quote(want))
	}
}

// readPayload reads a request or response of kind k; null gives nil.
func readPayload(r *reader, k Kind, response bool) Payload {
	if r.null() {
		return nil
	}
	rules := kinds[k]
	if rules == nil {
		r.ws()
		start := r.pos
		r.skip(true)
		return RawPayload(r.s[start:r.pos])
	}
	if response {
		return rules.readResponse(r)
	}
	return rules.readRequest(r)
}

// Open decodes the body of an open request. A strict Decoder also checks
// the rules of every value it holds; [Open] checks them again, with the
// due time, since an OpenRequest may be built in Go.
func (d Decoder) Open(data []byte) (*OpenRequest, error) {
	r, err := d.start(data)
	if err != nil {
		return nil, err
	}
	c := &Case{}
	var req span
	if r.null() {
		r.fail(CodeInvalidType, "body must be an object")
	} else {
		r.object("body", func(key string) {
			if key == "request" {
				req = r.payload(key, c.Kind, false, &c.Request)
				return
			}
			readCommon(r, key, c)
		})
	}
	r.readLater(req, func() { c.Request = readPayload(r, c.Kind, false) })
	o := &OpenRequest{
		ParentType: c.ParentType, ParentID: c.ParentID, Kind: c.Kind,
		Status: c.Status, Summary: c.Summary, Details: c.Details,
		Request: c.Request, DueAt: c.DueAt, Metadata: c.Metadata,
	}
	if err := d.finish(r, func(rep *report) { o.check(rep, time.Time{}) }); err != nil {
		return nil, err
	}
	return o, nil
}

// Response decodes a respond body: the response payload of kind k itself.
// A strict Decoder checks the payload's own rules; [Case.CheckResponse]
// and [Respond] check it against the case's request. For a kind the
// package does not know, the body is kept as a [RawPayload].
func (d Decoder) Response(k Kind, data []byte) (Payload, error) {
	r, err := d.start(data)
	if err != nil {
		return nil, err
	}
	var p Payload
	if r.null() {
		r.fail(CodeInvalidType, "body must be an object")
	} else {
		p = readPayload(r, k, true)
	}
	check := func(rep *report) {
		if rules := kinds[k]; rules != nil && p != nil {
			rules.checkResponse(nil, p, "", rep)
		}
	}
	if err := d.finish(r, check); err != nil {
		return nil, err
	}
	return p, nil
}
