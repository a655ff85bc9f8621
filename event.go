package cases

import "time"

// EventType names what happened to a case.
//
// An EventType the package does not know is kept by lenient decoding and
// refused by strict validation with [CodeUnknownValue].
type EventType string

// The event types.
const (
	// EventCaseOpened fires once, when a case first becomes visible to the
	// partner.
	EventCaseOpened EventType = "case.opened"
	// EventCaseUpdated fires for every later change that alters a visible
	// case, closing included.
	EventCaseUpdated EventType = "case.updated"
)

// EventTypes returns the known event types.
func EventTypes() []EventType { return []EventType{EventCaseOpened, EventCaseUpdated} }

// IsKnown reports whether t is one of the types listed by [EventTypes].
func (t EventType) IsKnown() bool { return t == EventCaseOpened || t == EventCaseUpdated }

// Event tells the partner about a change to a case it can see. Operations
// return the events a change produces; delivering them is the caller's
// work.
type Event struct {
	// ID identifies the event: a fresh UUID in canonical lowercase form.
	ID string `json:"id"`

	// Type names what happened.
	Type EventType `json:"type"`

	// CreatedAt is when the change happened, in UTC.
	CreatedAt time.Time `json:"created_at"`

	// Data is the case after the change. The event owns it: it shares no
	// memory with the case an operation returns.
	Data *Case `json:"data"`
}

// Validate checks e strictly: its own fields and its case, as
// [Case.Validate] does, with pointers below "/data".
func (e *Event) Validate() error {
	var rep report
	validateEvent(e, &rep)
	return rep.err()
}

func validateEvent(e *Event, rep *report) {
	rep.check("", &eventRules{id: e.ID, typ: e.Type, createdAt: e.CreatedAt})
	if e.Data == nil {
		rep.add("/data", CodeRequired, "data is required")
		return
	}
	var sub report
	validateCase(e.Data, &sub, checkStored)
	for _, it := range sub.items {
		it.Pointer = "/data" + it.Pointer
		rep.items = append(rep.items, it)
	}
}

// MarshalJSON encodes the event envelope with its case. Its receiver is a
// value, so that an Event and an *Event encode alike.
func (e Event) MarshalJSON() ([]byte, error) {
	var err error
	b := make([]byte, 0, 1200)
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID, &err)
	b = append(b, `,"object":"event","type":`...)
	b = appendString(b, string(e.Type), &err)
	b = append(b, `,"created_at":`...)
	b = appendTime(b, e.CreatedAt, &err)
	b = append(b, `,"data":`...)
	if e.Data == nil {
		b = append(b, "null"...)
	} else {
		var cerr error
		b, cerr = appendCase(b, e.Data)
		if err == nil {
			err = cerr
		}
	}
	return append(b, '}'), err
}

// UnmarshalJSON decodes e leniently, as [Decoder] with Lenient set does.
// On failure e is left as it was.
func (e *Event) UnmarshalJSON(data []byte) error {
	d, err := Decoder{Lenient: true}.Event(data)
	if err != nil {
		return err
	}
	*e = *d
	return nil
}

// Event decodes an event envelope and its case. A strict Decoder also
// validates both, as [Event.Validate] does.
func (d Decoder) Event(data []byte) (*Event, error) {
	r, err := d.start(data)
	if err != nil {
		return nil, err
	}
	e := &Event{}
	if r.null() {
		r.fail(CodeInvalidType, "event must be an object")
	} else {
		r.object("event", func(key string) {
			switch key {
			case "id":
				e.ID = r.reqStr(key)
			case "object":
				r.objectName("event")
			case "type":
				e.Type = EventType(r.reqStr(key))
			case "created_at":
				e.CreatedAt = r.reqTimestamp(key)
			case "data":
				if !r.null() {
					e.Data = &Case{}
					readCase(r, e.Data)
				}
			default:
				r.unknown()
			}
		})
	}
	if err := d.finish(r, func(rep *report) { validateEvent(e, rep) }); err != nil {
		return nil, err
	}
	return e, nil
}
