package cases

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecEventText is the JSON of the event of codecAnswered.
func codecEventText() string {
	return string(codecMust(codecAnsweredEvent().MarshalJSON()))
}

func TestEvent_MarshalJSON_Envelope(t *testing.T) {
	c, events, err := Open(validOpen(), testEnv(t0))
	require.NoError(t, err)
	require.Len(t, events, 1)
	want := `{"id":"00000000-0000-7000-8000-000000000002","object":"event",` +
		`"type":"case.opened","created_at":"2026-03-01T09:00:00Z","data":` +
		codecText(c) + `}`

	out, err := events[0].MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, want, string(out))

	byValue, err := json.Marshal(events[0])
	require.NoError(t, err)
	assert.Equal(t, want, string(byValue))
	byPointer, err := json.Marshal(&events[0])
	require.NoError(t, err)
	assert.Equal(t, want, string(byPointer))
}

func TestEvent_MarshalJSON_Fields(t *testing.T) {
	e := Event{
		ID:        "00000000-0000-7000-8000-000000000009",
		Type:      EventType("case.deleted"),
		CreatedAt: time.Date(2026, 3, 1, 14, 30, 0, 250e6, time.FixedZone("IST", 19800)),
	}
	out, err := e.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"id":"00000000-0000-7000-8000-000000000009","object":"event",`+
		`"type":"case.deleted","created_at":"2026-03-01T09:00:00.25Z","data":null}`,
		string(out))
}

// codecEvents returns the events of the library's operations.
func codecEvents(t *testing.T) map[string]Event {
	t.Helper()
	one := func(_ *Case, events []Event, err error) Event {
		t.Helper()
		require.NoError(t, err)
		require.Len(t, events, 1)
		return events[0]
	}
	opened := codecOpened()
	answered, answeredEvent := codecAnswered()
	return map[string]Event{
		"opened":   one(Open(validOpen(), testEnv(t0))),
		"answered": answeredEvent,
		"resolved": one(Update(answered, &UpdateRequest{Status: ptr(StatusResolved)},
			testEnv(t0.Add(2*time.Hour)))),
		"superseded": one(CloseForParent(opened, ParentCanceled,
			testEnv(t0.Add(time.Second+time.Millisecond)))),
		"ra opened": one(Open(validRAOpen(), testEnv(t0))),
	}
}

func TestEvent_RoundTrip(t *testing.T) {
	for name, e := range codecEvents(t) {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, e.Validate())
			first, err := e.MarshalJSON()
			require.NoError(t, err)

			d, err := codecLenient.Event(first)
			require.NoError(t, err)
			second, err := d.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(first), string(second))

			s, err := codecStrict.Event(first)
			require.NoError(t, err)
			assert.Equal(t, e.ID, s.ID)
			assert.Equal(t, e.Type, s.Type)
			assert.True(t, e.CreatedAt.Equal(s.CreatedAt))
			assert.Equal(t, codecText(e.Data), codecText(s.Data))

			var u Event
			require.NoError(t, json.Unmarshal(first, &u))
			third, err := u.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(first), string(third))
		})
	}
}

func codecEventProblems() []codecProblem {
	text := codecEventText()
	in := func(old, new string) string { return codecSwap(text, old, new) }
	one := func(p string, c Code) []at { return []at{{p, c}} }
	noData := text[:strings.Index(text, `,"data":`)] + "}"
	id := `"id":"` + codecEventID + `"`
	return []codecProblem{
		{"valid", docEvent, text, nil, nil},
		{"object case", docEvent, in(`"object":"event"`, `"object":"case"`),
			one("/object", CodeInvalidValue), nil},
		{"object empty", docEvent, in(`"object":"event"`, `"object":""`),
			one("/object", CodeInvalidValue), nil},
		{"object number", docEvent, in(`"object":"event"`, `"object":1`),
			one("/object", CodeInvalidType), one("/object", CodeInvalidType)},
		{"type unknown", docEvent, in(`"type":"case.updated"`, `"type":"case.deleted"`),
			one("/type", CodeUnknownValue), nil},
		{"type number", docEvent, in(`"type":"case.updated"`, `"type":1`),
			one("/type", CodeInvalidType), one("/type", CodeInvalidType)},
		{"type null", docEvent, in(`"type":"case.updated"`, `"type":null`),
			one("/type", CodeRequired), nil},
		{"id not a uuid", docEvent, in(id, `"id":"evt_1"`),
			one("/id", CodeInvalidFormat), nil},
		{"id absent", docEvent, in(id+",", ""), one("/id", CodeRequired), nil},
		{"created_at malformed", docEvent,
			in(`"created_at":"2026-03-01T10:00:00Z","data"`, `"created_at":"soon","data"`),
			one("/created_at", CodeInvalidFormat), one("/created_at", CodeInvalidFormat)},
		{"created_at object", docEvent,
			in(`"created_at":"2026-03-01T10:00:00Z","data"`, `"created_at":{},"data"`),
			one("/created_at", CodeInvalidType), one("/created_at", CodeInvalidType)},
		{"created_at leap second", docEvent,
			in(`"created_at":"2026-03-01T10:00:00Z","data"`,
				`"created_at":"2016-12-31T23:59:60Z","data"`),
			one("/created_at", CodeInvalidFormat), one("/created_at", CodeInvalidFormat)},
		{"data null", docEvent, text[:strings.Index(text, `,"data":`)] + `,"data":null}`,
			one("/data", CodeRequired), nil},
		{"data absent", docEvent, noData, one("/data", CodeRequired), nil},
		{"data array", docEvent, text[:strings.Index(text, `,"data":`)] + `,"data":[]}`,
			one("/data", CodeInvalidType), one("/data", CodeInvalidType)},
		{"data details object", docEvent,
			in(`"details":"The state rejected the name."`, `"details":{}`),
			one("/data/details", CodeInvalidType), one("/data/details", CodeInvalidType)},
		{"data due_at object", docEvent,
			in(`"due_at":"2026-03-04T09:00:00Z"`, `"due_at":{}`),
			one("/data/due_at", CodeInvalidType), one("/data/due_at", CodeInvalidType)},
		{"data summary empty", docEvent, in(
			`"summary":"Additional information needed to complete your filing."`,
			`"summary":""`), one("/data/summary", CodeRequired), nil},
		{"data parent_type unknown", docEvent,
			in(`"parent_type":"filing"`, `"parent_type":"court_order"`),
			one("/data/parent_type", CodeUnknownValue), nil},
		{"data answer missing", docEvent, in(`"legal_name":"Acme Holdings LLC",`, ""),
			one("/data/response/fields/legal_name", CodeRequired), nil},
		{"data answer invalid", docEvent, in(`"country":"US"`, `"country":"USA"`),
			one("/data/response/fields/office/country", CodeInvalidFormat), nil},
		{"data object event", docEvent, in(`"object":"case"`, `"object":"event"`),
			one("/data/object", CodeInvalidValue), nil},
		{"unknown key", docEvent, in(id+",", id+`,"livemode":false,`),
			one("/livemode", CodeUnknownField), nil},
		{"unknown key in data", docEvent, in(`"object":"case"`,
			`"object":"case","livemode":false`),
			one("/data/livemode", CodeUnknownField), nil},
		{"null body", docEvent, `null`, one("", CodeInvalidType),
			one("", CodeInvalidType)},
		{"array body", docEvent, `[]`, one("", CodeInvalidType),
			one("", CodeInvalidType)},
		{"every problem at once", docEvent, codecSwap(codecSwap(in(
			`"object":"event"`, `"object":"case"`),
			`"type":"case.updated"`, `"type":"case.deleted"`),
			`"summary":"Additional information needed to complete your filing."`,
			`"summary":""`), []at{
			{"/data/summary", CodeRequired},
			{"/object", CodeInvalidValue},
			{"/type", CodeUnknownValue},
		}, nil},
	}
}

func TestDecoder_Event_Problems(t *testing.T) {
	for _, tc := range codecEventProblems() {
		t.Run(tc.name, func(t *testing.T) {
			for _, mode := range []struct {
				dec  Decoder
				want []at
			}{{codecStrict, tc.strict}, {codecLenient, tc.lenient}} {
				e, err := docEvent.decode(mode.dec, []byte(tc.body))
				if mode.want == nil {
					assert.NoError(t, err, "lenient=%v", mode.dec.Lenient)
					assert.NotNil(t, e)
					continue
				}
				assertInvalid(t, err, mode.want...)
			}
		})
	}
}

func TestDecoder_Event_UnknownValues(t *testing.T) {
	text := codecSwap(codecEventText(), `"type":"case.updated"`, `"type":"case.deleted"`)
	text = codecSwap(text, `"status":"under_review"`, `"status":"on_hold"`)

	e, err := codecLenient.Event([]byte(text))
	require.NoError(t, err)
	assert.Equal(t, EventType("case.deleted"), e.Type)
	assert.Equal(t, Status("on_hold"), e.Data.Status)
	out, err := e.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, text, string(out))

	_, err = codecStrict.Event([]byte(text))
	assertInvalid(t, err, at{"/data/status", CodeUnknownValue}, at{"/type", CodeUnknownValue})
}

func TestDecoder_Event_LenientWithoutData(t *testing.T) {
	text := codecEventText()
	for _, body := range []string{
		text[:strings.Index(text, `,"data":`)] + `,"data":null}`,
		text[:strings.Index(text, `,"data":`)] + `}`,
	} {
		e, err := codecLenient.Event([]byte(body))
		require.NoError(t, err)
		assert.Nil(t, e.Data)
		out, err := e.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, text[:strings.Index(text, `,"data":`)]+`,"data":null}`, string(out))
	}
}

func TestEvent_UnmarshalJSON(t *testing.T) {
	text := codecEventText()
	var e Event
	require.NoError(t, json.Unmarshal([]byte(text), &e))
	assert.Equal(t, codecEventID, e.ID)
	assert.Equal(t, EventCaseUpdated, e.Type)
	assert.Equal(t, t0.Add(time.Hour), e.CreatedAt)
	require.NotNil(t, e.Data)
	assert.Equal(t, StatusUnderReview, e.Data.Status)

	// On failure the event is left as it was.
	before := string(codecMust(e.MarshalJSON()))
	bad := codecSwap(text, `"due_at":"2026-03-04T09:00:00Z"`, `"due_at":{}`)
	err := json.Unmarshal([]byte(bad), &e)
	assertInvalid(t, err, at{"/data/due_at", CodeInvalidType})
	assert.Equal(t, before, string(codecMust(e.MarshalJSON())))
}
