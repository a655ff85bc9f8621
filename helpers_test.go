package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// t0 is the time the tests open their cases at.
var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// testEnv returns an Env at the given time whose IDs count up from 1, so
// that every ID a test sees is predictable.
func testEnv(now time.Time) Env {
	n := 0
	return Env{Now: now, NewID: func() (uuid.UUID, error) {
		n++
		return uuid.MustParse(fmt.Sprintf("00000000-0000-7000-8000-%012d", n)), nil
	}}
}

func ptr[T any](v T) *T { return &v }

// validOpen returns an open request for a missing_information case that
// passes every rule, with fields of several types.
func validOpen() *OpenRequest {
	return &OpenRequest{
		ParentType: ParentFiling,
		ParentID:   "fil_1a2b3c",
		Kind:       KindMissingInformation,
		Status:     StatusNeedsResponse,
		Summary:    "Additional information needed to complete your filing.",
		Details:    ptr("The state rejected the name."),
		Request: &MissingInformationRequest{Fields: []FieldSpec{
			{Name: "legal_name", Type: FieldString, Description: "Corrected legal name.",
				Required: true, Example: "Acme Holdings LLC"},
			{Name: "office", Type: FieldAddress, Description: "Registered office.", Required: true},
			{Name: "email", Type: FieldEmail, Description: "Contact email."},
			{Name: "entity", Type: FieldEnum, Description: "Entity type.",
				Options: []string{"llc", "corporation"}},
		}},
		DueAt:    ptr(t0.Add(72 * time.Hour)),
		Metadata: Metadata{"external_id": "user_123"},
	}
}

// validRAOpen returns an open request for an ra_termination case.
func validRAOpen() *OpenRequest {
	return &OpenRequest{
		ParentType: ParentBusiness,
		ParentID:   "biz_42",
		Kind:       KindRATermination,
		Status:     StatusNeedsResponse,
		Summary:    "Registered-agent service ends on 1 April.",
		Request:    &RATerminationRequest{Reason: RASwitchingProviders},
	}
}

// validAnswers returns a response that answers validOpen's request.
func validAnswers() *MissingInformationResponse {
	return &MissingInformationResponse{Fields: map[string]any{
		"legal_name": "Acme Holdings LLC",
		"office": map[string]any{
			"street_line_1": "1 Main St", "city": "Dover", "region": "DE",
			"postal_code": "19901", "country": "US",
		},
	}}
}

// mustOpen opens o at t0 and fails the test on error.
func mustOpen(t testing.TB, o *OpenRequest) *Case {
	t.Helper()
	c, _, err := Open(o, testEnv(t0))
	require.NoError(t, err)
	return c
}

// at is the short form of an expected item: its pointer and code.
type at struct {
	Pointer string
	Code    Code
}

// assertItems checks that err is an *Error holding exactly the items want,
// in order, and that it wraps family.
func assertItems(t testing.TB, err error, family error, want ...at) {
	t.Helper()
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, family)
	got := make([]at, len(e.Items))
	for i, it := range e.Items {
		got[i] = at{it.Pointer, it.Code}
	}
	assert.Equal(t, want, got)
}

// assertInvalid checks that err is an ErrInvalid error with exactly want.
func assertInvalid(t testing.TB, err error, want ...at) {
	t.Helper()
	assertItems(t, err, ErrInvalid, want...)
}

func TestHelpersBuildValidInput(t *testing.T) {
	c := mustOpen(t, validOpen())
	require.NoError(t, c.Validate())
	require.NoError(t, c.CheckResponse(validAnswers()))
	ra := mustOpen(t, validRAOpen())
	require.NoError(t, ra.Validate())
}

// codecMember is one member of a JSON object: its key as written between
// the quotes, and its value as raw JSON text.
type codecMember struct{ key, raw string }

// codecFieldsRaw is the fields list of the request in codecOpenMembers.
const codecFieldsRaw = `[` +
	`{"name":"legal_name","type":"string","description":"Legal name.","required":true},` +
	`{"name":"employees","type":"integer","description":"Employees."}]`

// codecOpenMembers are the members of an open body that strict decoding
// accepts.
var codecOpenMembers = []codecMember{
	{"parent_type", `"filing"`},
	{"parent_id", `"fil_1a2b3c"`},
	{"kind", `"missing_information"`},
	{"status", `"needs_response"`},
	{"summary", `"Additional information needed."`},
	{"details", `"The state rejected the name."`},
	{"request", `{"fields":` + codecFieldsRaw + `}`},
	{"due_at", `"2099-01-02T03:04:05Z"`},
	{"metadata", `{"external_id":"user_123"}`},
}

// codecObject writes base as a JSON object after edits, given as pairs of
// key and raw value: a pair replaces the member with that key or adds one
// at the end; an empty raw value removes the member.
func codecObject(base []codecMember, edits ...string) string {
	members := slices.Clone(base)
	for i := 0; i+1 < len(edits); i += 2 {
		k, raw := edits[i], edits[i+1]
		j := slices.IndexFunc(members, func(m codecMember) bool { return m.key == k })
		switch {
		case j >= 0 && raw == "":
			members = slices.Delete(members, j, j+1)
		case j >= 0:
			members[j].raw = raw
		case raw != "":
			members = append(members, codecMember{k, raw})
		}
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + m.key + `":` + m.raw)
	}
	b.WriteByte('}')
	return b.String()
}

// codecOpen returns a valid open body after edits (see codecObject).
func codecOpen(edits ...string) string { return codecObject(codecOpenMembers, edits...) }

// codecRAOpen returns a valid ra_termination open body after edits.
func codecRAOpen(edits ...string) string {
	all := append([]string{"parent_type", `"business"`, "kind", `"ra_termination"`,
		"request", `{"reason":"other","reason_detail":"Moving."}`}, edits...)
	return codecObject(codecOpenMembers, all...)
}

// codecSwap returns s with old, which must occur exactly once, replaced by
// new.
func codecSwap(s, old, new string) string {
	if n := strings.Count(s, old); n != 1 {
		panic(fmt.Sprintf("codecSwap: %q occurs %d times", old, n))
	}
	return strings.Replace(s, old, new, 1)
}

// codecMust returns v and panics on err; it builds fixtures outside tests.
func codecMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// codecText encodes c, panicking on failure.
func codecText(c *Case) string { return string(codecMust(c.MarshalJSON())) }

// codecOpened returns validOpen opened at t0.
func codecOpened() *Case {
	c, _, err := Open(validOpen(), testEnv(t0))
	return codecMust(c, err)
}

// codecEventID is the ID of the event of codecAnswered.
const codecEventID = "00000000-0000-7000-8000-0000000000e1"

// codecAnswered returns codecOpened answered with validAnswers an hour
// later, and its case.updated event.
func codecAnswered() (*Case, Event) {
	env := Env{Now: t0.Add(time.Hour), NewID: func() (uuid.UUID, error) {
		return uuid.MustParse(codecEventID), nil
	}}
	c, events, err := Respond(codecOpened(), validAnswers(), env)
	if err != nil || len(events) != 1 {
		panic(fmt.Sprint("codecAnswered: ", err, len(events)))
	}
	return c, events[0]
}

// codecResolved returns codecAnswered resolved two hours after t0.
func codecResolved() *Case {
	c, _ := codecAnswered()
	n, _, err := Update(c, &UpdateRequest{Status: ptr(StatusResolved)},
		testEnv(t0.Add(2*time.Hour)))
	return codecMust(n, err)
}

// codecRA returns validRAOpen opened at t0.
func codecRA() *Case {
	c, _, err := Open(validRAOpen(), testEnv(t0))
	return codecMust(c, err)
}

// codecCaseText is the JSON of codecAnswered: a strictly valid case with a
// request, a response, details, a due time and metadata.
func codecCaseText() string {
	c, _ := codecAnswered()
	return codecText(c)
}

// codecDoc names a kind of document and how to decode it.
type codecDoc string

// codecDocs lists every document.
var codecDocs = []codecDoc{
	docOpen, docUpdate, docRespMI, docRespRA, docRespRaw, docCase, docEvent,
}

// decode decodes body as the document k with d.
func (k codecDoc) decode(d Decoder, body []byte) (any, error) {
	switch k {
	case docOpen:
		v, err := d.Open(body)
		return v, err
	case docUpdate:
		v, err := d.Update(body)
		return v, err
	case docRespMI:
		return d.Response(KindMissingInformation, body)
	case docRespRA:
		return d.Response(KindRATermination, body)
	case docRespRaw:
		return d.Response(Kind("new_kind"), body)
	case docCase:
		v, err := d.Case(body)
		return v, err
	case docEvent:
		v, err := d.Event(body)
		return v, err
	}
	panic("unknown document " + string(k))
}

// codecUnmarshal decodes data with encoding/json, numbers as json.Number.
func codecUnmarshal(t *testing.T, data []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	require.NoError(t, dec.Decode(v))
}

// codecRawRequest is a request of an unknown kind, with spacing, number
// forms and escapes that a re-encoding would change.
const codecRawRequest = `{ "x" : [1, 2.50, 1e400, -0, "\u00e9\n"],` +
	"\n\t" + `"y": {"z": null, "z": true} }`

// The documents a Decoder reads.
const (
	docOpen    codecDoc = "open"
	docUpdate  codecDoc = "update"
	docRespMI  codecDoc = "response_mi"
	docRespRA  codecDoc = "response_ra"
	docRespRaw codecDoc = "response_raw"
	docCase    codecDoc = "case"
	docEvent   codecDoc = "event"
)

var (
	codecStrict  = Decoder{}
	codecLenient = Decoder{Lenient: true}
)

// assertNoEcho checks that no message of err repeats what the caller
// submitted at the item's pointer in doc, the JSON text of the checked
// document: the value there (a string, or the text of a number) and, for
// a metadata key, the key itself. Answers and metadata may hold personal
// data, so a message names the rule, never the value. Values shorter
// than three characters are left out: they occur inside ordinary words.
// A doc that is not JSON has no values to compare.
func assertNoEcho(t testing.TB, doc []byte, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var root any
	if dec.Decode(&root) != nil {
		return
	}
	for _, it := range e.Items {
		for _, v := range submittedAt(root, it.Pointer) {
			if utf8.RuneCountInString(strings.TrimSpace(v)) >= 3 {
				assert.NotContains(t, it.Message, v, "the message at %q repeats its value",
					it.Pointer)
			}
		}
	}
}

// submittedAt returns the values that a caller submitted at pointer p of
// the JSON value root.
func submittedAt(root any, p string) []string {
	var out []string
	cur, parent := root, ""
	for p != "" {
		var seg string
		seg, p = nextSegment(p)
		seg = strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
		if parent == "metadata" {
			out = append(out, seg)
		}
		switch x := cur.(type) {
		case map[string]any:
			cur = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return out
			}
			cur = x[i]
		default:
			return out
		}
		parent = seg
	}
	switch v := cur.(type) {
	case string:
		out = append(out, v)
	case json.Number:
		out = append(out, v.String())
	}
	return out
}

// mustJSON returns the JSON form of v, or nil when it has none.
func mustJSON(v json.Marshaler) []byte {
	b, err := v.MarshalJSON()
	if err != nil {
		return nil
	}
	return b
}
