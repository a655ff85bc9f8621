package cases

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The operations of a FuzzOperations program. Each is one byte followed
// by its arguments:
//
//	opOpen     status and kind, due offset
//	opUpdate   status and reason, summary and details, due_at, metadata
//	opRespond  which answers
//	opClose    which outcome
//	opAdvance  how far the clock moves (back, from 240 up)
const (
	opOpen = iota
	opUpdate
	opRespond
	opClose
	opAdvance
	opCount
)

var (
	fzStatuses = []Status{
		"", StatusNeedsResponse, StatusUnderReview, StatusResolved, StatusSuperseded, "closed",
	}
	fzReasons = []ResolutionReason{
		"-", "", ReasonResponseReceived, ReasonNoResponseNeeded,
		ReasonParentCanceled, ReasonParentCompleted, ReasonParentFailed, "bogus",
	}
	fzOutcomes = []ParentOutcome{
		ParentCompleted, ParentCanceled, ParentFailed, ParentRejected, "exploded",
	}
)

// fzMachine runs a FuzzOperations program on one case.
type fzMachine struct {
	t    *testing.T
	prog []byte
	pos  int
	now  time.Time
	ids  int
	seen map[string]bool
	c    *Case

	// passed and failed count the operations on a case by their result;
	// statuses collects the statuses the case went through.
	passed, failed int
	statuses       map[Status]bool
}

func (m *fzMachine) next() byte {
	if m.pos >= len(m.prog) {
		m.pos++
		return 0
	}
	b := m.prog[m.pos]
	m.pos++
	return b
}

func (m *fzMachine) env() Env {
	return Env{Now: m.now, NewID: func() (uuid.UUID, error) {
		m.ids++
		return uuid.MustParse(lcID(m.ids)), nil
	}}
}

func (m *fzMachine) run() {
	for m.pos < len(m.prog) {
		op := int(m.next() % opCount)
		if m.c == nil {
			op = opOpen
		}
		switch op {
		case opOpen:
			m.open()
		case opUpdate:
			m.update()
		case opRespond:
			m.respond()
		case opClose:
			outcome := fzOutcomes[int(m.next())%len(fzOutcomes)]
			// apply checks the outcome, success or error, itself.
			_, _ = m.apply(func(env Env) (*Case, []Event, error) {
				return CloseForParent(m.c, outcome, env)
			})
		case opAdvance:
			if b := m.next(); b < 240 {
				m.now = m.now.Add(time.Duration(b) * time.Minute)
			} else {
				m.now = m.now.Add(-time.Duration(b-239) * time.Hour)
			}
		}
	}
}

func (m *fzMachine) open() {
	t := m.t
	b, d := m.next(), m.next()
	o := validOpen()
	if b/5%3 == 2 {
		o = validRAOpen()
	}
	o.Status = fzStatuses[1+int(b)%5]
	o.DueAt = nil
	if d != 0 {
		o.DueAt = ptr(m.now.Add(time.Duration(int(d)-64) * time.Hour))
	}
	var want []at
	if !o.Status.IsOpen() {
		code := CodeInvalidValue
		if !o.Status.IsKnown() {
			code = CodeUnknownValue
		}
		want = append(want, at{"/status", code})
	}
	if o.DueAt != nil && !o.DueAt.After(m.now) {
		want = append([]at{{"/due_at", CodeInvalidValue}}, want...)
	}
	ids := m.ids

	got, events, err := Open(o, m.env())
	if want != nil {
		assertInvalid(t, err, want...)
		require.Nil(t, got)
		return
	}
	require.NoError(t, err)
	require.NoError(t, got.Validate())
	fzInvariants(t, got)
	assert.Equal(t, lcID(ids+1), got.ID)
	assert.Equal(t, m.now, got.CreatedAt)
	assert.Equal(t, m.now, got.UpdatedAt)
	assert.Equal(t, o.Status == StatusNeedsResponse, got.OpenedAt != nil)
	if o.Status == StatusUnderReview {
		assert.Empty(t, events)
	} else {
		require.Len(t, events, 1)
		assert.Equal(t, EventCaseOpened, events[0].Type)
		assert.Equal(t, got, events[0].Data)
	}
	m.seen = map[string]bool{got.ID: true}
	for _, e := range events {
		m.seen[e.ID] = true
	}
	m.c = got
}

func (m *fzMachine) update() {
	b1, b2, b3, b4 := int(m.next()), int(m.next()), int(m.next()), int(m.next())
	u := &UpdateRequest{}
	if s := fzStatuses[b1%6]; s != "" {
		u.Status = &s
	}
	if r := fzReasons[b1/6%8]; r != "-" {
		u.ResolutionReason = &r
	}
	switch b2 % 5 {
	case 1:
		u.Summary = ptr(m.c.Summary)
	case 2:
		u.Summary = ptr(fmt.Sprintf("Summary %d.", b2))
	case 3:
		u.Summary = ptr(" ")
	case 4:
		u.Summary = ptr(strings.Repeat("s", 256))
	}
	switch b2 / 5 % 4 {
	case 1:
		u.Details = Set(fmt.Sprintf("Details %d.", b2))
	case 2:
		u.Details = Clear[string]()
	case 3:
		u.Details = Set("bad\x00")
	}
	switch b3 % 4 {
	case 1:
		u.DueAt = Set(m.now.Add(time.Duration(b3/4-8) * time.Hour))
	case 2:
		u.DueAt = Clear[time.Time]()
	case 3:
		if m.c.DueAt != nil {
			u.DueAt = Set(*m.c.DueAt)
		}
	}
	key := fmt.Sprintf("k%d", b4/6%60)
	switch b4 % 6 {
	case 1:
		u.Metadata = map[string]*string{key: ptr("v")}
	case 2:
		u.Metadata = map[string]*string{key: nil}
	case 3:
		u.Metadata = map[string]*string{}
		for i := range 10 {
			u.Metadata[fmt.Sprintf("k%d_%d", b4, i)] = ptr("v")
		}
	case 4:
		u.Metadata = map[string]*string{"a[b]": ptr("x")}
	case 5:
		u.Metadata = map[string]*string{"external_id": nil}
	}
	oracle := u.Summary == nil && u.Details.IsKeep() && u.DueAt.IsKeep() &&
		u.Metadata == nil && (u.Status == nil || u.Status.IsKnown()) &&
		(u.ResolutionReason == nil || u.ResolutionReason.IsKnown())
	var to Status
	var reason ResolutionReason
	if u.Status != nil {
		to = *u.Status
	}
	if u.ResolutionReason != nil {
		reason = *u.ResolutionReason
	}
	want := lcExpect(m.c, to, reason)

	_, err := m.apply(func(env Env) (*Case, []Event, error) { return Update(m.c, u, env) })
	if !oracle {
		return
	}
	if want.family != nil {
		assertItems(m.t, err, want.family, want.item)
		return
	}
	assert.NoError(m.t, err)
}

func (m *fzMachine) respond() {
	var resp Payload
	switch b := m.next(); b % 6 {
	case 0:
		resp = validAnswers()
	case 1:
		resp = lcAnswers(map[string]any{"legal_name": fmt.Sprintf("Acme %d LLC", b)})
	case 2:
		resp = lcBadAnswers()
	case 3:
		resp = &RATerminationResponse{Acknowledged: true}
	case 4:
		resp = &RATerminationResponse{}
	}
	c := m.c
	got, _ := m.apply(func(env Env) (*Case, []Event, error) { return Respond(c, resp, env) })
	if got != nil && got.Status == StatusUnderReview && c.Status == StatusNeedsResponse {
		assert.True(m.t, samePayload(resp, got.Response), "the response is not stored")
	}
	if got != nil {
		assert.True(m.t, c.Status == StatusNeedsResponse ||
			c.Status == StatusUnderReview && samePayload(resp, c.Response),
			"respond succeeded on a case in %s", c.Status)
	}
}

// apply runs an operation on the current case and checks what it did:
// the input is never changed; a failure is an *Error; a success gives a
// valid case, moves updated_at exactly when the case changes, and produces
// one event with a fresh ID exactly when a visible case changes.
func (m *fzMachine) apply(op func(env Env) (*Case, []Event, error)) (*Case, error) {
	t, before := m.t, m.c
	clone := before.Clone()
	encoded, err := before.MarshalJSON()
	require.NoError(t, err)

	got, events, err := op(m.env())
	require.Equal(t, clone, before, "the operation changed its input")
	again, _ := before.MarshalJSON()
	require.Equal(t, string(encoded), string(again), "the operation changed its input")
	if err != nil {
		fzRequireError(t, err)
		require.Nil(t, got)
		require.Nil(t, events)
		m.failed++
		return nil, err
	}
	require.NotNil(t, got)
	m.passed++
	m.statuses[got.Status] = true
	require.NoError(t, got.Validate())
	fzInvariants(t, got)
	fzSameIdentity(t, before, got)

	after, err := got.MarshalJSON()
	require.NoError(t, err)
	back, err := Decoder{}.Case(after)
	require.NoError(t, err, "a stored case does not decode strictly")
	assert.Equal(t, got, back, "a stored case does not survive a round trip")
	if string(after) == string(encoded) {
		assert.Equal(t, before, got, "a no-op returned a different case")
		assert.Empty(t, events, "a no-op produced an event")
		m.c = got
		return got, nil
	}
	now := m.now
	if before.UpdatedAt.After(now) {
		now = before.UpdatedAt
	}
	assert.Equal(t, now, got.UpdatedAt)
	if before.OpenedAt == nil && got.OpenedAt != nil {
		assert.Equal(t, now, *got.OpenedAt)
	}
	if got.Status.IsTerminal() && !before.Status.IsTerminal() {
		assert.Equal(t, now, *got.ResolvedAt)
	}
	m.checkEvents(before, got, events, now)
	m.c = got
	return got, nil
}

func (m *fzMachine) checkEvents(before, got *Case, events []Event, now time.Time) {
	t := m.t
	if got.OpenedAt == nil {
		require.Empty(t, events, "an internal case produced an event")
		return
	}
	require.Len(t, events, 1)
	e := events[0]
	typ := EventCaseUpdated
	if before.OpenedAt == nil {
		typ = EventCaseOpened
	}
	assert.Equal(t, typ, e.Type)
	assert.Equal(t, got, e.Data)
	assert.NotSame(t, got, e.Data)
	assert.Equal(t, now, e.CreatedAt)
	assert.False(t, m.seen[e.ID], "event ID %s used before", e.ID)
	m.seen[e.ID] = true
	assert.NoError(t, e.Validate())
	data, err := e.MarshalJSON()
	require.NoError(t, err)
	back, err := Decoder{}.Event(data)
	require.NoError(t, err, "an event does not decode strictly")
	assert.Equal(t, &e, back)
}

// fzSameIdentity checks what never changes after open, and what never
// changes after close.
func fzSameIdentity(t *testing.T, before, got *Case) {
	assert.Equal(t, before.ID, got.ID)
	assert.Equal(t, before.CreatedAt, got.CreatedAt)
	assert.Equal(t, before.ParentType, got.ParentType)
	assert.Equal(t, before.ParentID, got.ParentID)
	assert.Equal(t, before.Kind, got.Kind)
	assert.Equal(t, before.Request, got.Request)
	if before.OpenedAt != nil {
		assert.Equal(t, before.OpenedAt, got.OpenedAt, "opened_at changed")
	}
	if before.Status.IsTerminal() {
		x := got.Clone()
		x.Metadata, x.UpdatedAt = before.Metadata, before.UpdatedAt
		assert.Equal(t, before, x, "a closed case changed beyond its metadata")
	}
}

// fzInvariants checks the invariants of SPEC 3.5 directly, without
// Validate.
func fzInvariants(t *testing.T, c *Case) {
	assert.True(t, c.Status.IsKnown(), "status %q", c.Status)
	assert.False(t, c.UpdatedAt.Before(c.CreatedAt), "updated_at before created_at")
	if c.OpenedAt != nil {
		assert.False(t, c.OpenedAt.Before(c.CreatedAt), "opened_at before created_at")
		assert.False(t, c.UpdatedAt.Before(*c.OpenedAt), "updated_at before opened_at")
	}
	if c.Status == StatusNeedsResponse {
		assert.NotNil(t, c.OpenedAt, "needs_response without opened_at")
	}
	terminal := c.Status.IsTerminal()
	assert.Equal(t, terminal, c.ResolvedAt != nil, "resolved_at in %s", c.Status)
	assert.Equal(t, terminal, c.ResolutionReason != "", "resolution_reason in %s", c.Status)
	if terminal {
		assert.Equal(t, c.Status, c.ResolutionReason.Status())
	}
	if c.ResolutionReason == ReasonResponseReceived {
		assert.NotNil(t, c.Response, "response_received without a response")
	}
	if c.Response != nil {
		assert.NotNil(t, c.OpenedAt, "a response on an internal case")
		assert.NoError(t, c.CheckResponse(c.Response))
	}
	assert.LessOrEqual(t, len(c.Metadata), 50)
}

// fzRequireError checks that err is an *Error of one of the four
// families with well-formed, sorted items.
func fzRequireError(t *testing.T, err error) {
	var e *Error
	require.ErrorAs(t, err, &e)
	require.NotEmpty(t, e.Items)
	families := 0
	for _, f := range []error{ErrInvalid, ErrTransition, ErrClosed, ErrNotAwaitingResponse} {
		if errors.Is(err, f) {
			families++
		}
	}
	require.Equal(t, 1, families, "error %v", err)
	for i, it := range e.Items {
		require.NotEmpty(t, it.Code)
		require.NotEmpty(t, it.Message)
		require.True(t, it.Pointer == "" || strings.HasPrefix(it.Pointer, "/"), it.Pointer)
		if i > 0 {
			require.LessOrEqual(t, fzCompareItems(e.Items[i-1], it), 0,
				"items out of order: %v", e.Items)
		}
	}
}

// fzCompareItems orders items as SPEC 4 says: by pointer segment by
// segment, indexes as numbers, then by code.
func fzCompareItems(a, b Item) int {
	as, bs := strings.Split(a.Pointer, "/"), strings.Split(b.Pointer, "/")
	for i := 1; i < len(as) && i < len(bs); i++ {
		x, y := as[i], bs[i]
		if fzIsIndex(x) && fzIsIndex(y) && len(x) != len(y) {
			return len(x) - len(y)
		}
		if c := strings.Compare(x, y); c != 0 {
			return c
		}
	}
	if len(as) != len(bs) {
		return len(as) - len(bs)
	}
	return strings.Compare(string(a.Code), string(b.Code))
}

func fzIsIndex(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

// fzSeeds returns programs built from the transition matrix: each start
// case, then one update for every status and reason, then a metadata
// change, a response and a close.
func fzSeeds() [][]byte {
	starts := [][]byte{
		{opOpen, 0, 200},                       // needs_response
		{opOpen, 1, 200},                       // under_review, internal
		{opOpen, 0, 200, opRespond, 0},         // answered
		{opOpen, 10, 0, opAdvance, 30},         // ra_termination
		{opOpen, 1, 0, opUpdate, 1, 0, 0, 0},   // flipped visible
		{opOpen, 0, 200, opUpdate, 2, 0, 0, 0}, // under_review, visible
		{opOpen, 0, 200, opRespond, 0, opUpdate, 1, 0, 0, 0},
	}
	var seeds [][]byte
	for _, s := range starts {
		for st := range fzStatuses {
			for r := range fzReasons {
				p := append([]byte{}, s...)
				p = append(p, opAdvance, 5, opUpdate, byte(st+6*r), 0, 0, 0)
				p = append(p, opUpdate, 0, 7, 81, 1, opRespond, 0, opClose, 3)
				seeds = append(seeds, p)
			}
		}
	}
	return append(seeds,
		[]byte{opOpen, 0, 10},  // due in the past
		[]byte{opOpen, 2, 200}, // resolved at open
		[]byte{opOpen, 0, 200, opAdvance, 250, opUpdate, 0, 2, 0, 0},
		[]byte{opOpen, 0, 200, opUpdate, 0, 0, 0, 3, opUpdate, 0, 0, 0, 3},
		[]byte{opOpen, 0, 200, opRespond, 1, opRespond, 1, opRespond, 0},
	)
}

func FuzzOperations(f *testing.F) {
	for _, seed := range fzSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 512 {
			return
		}
		m := &fzMachine{t: t, prog: prog, now: t0, statuses: map[Status]bool{}}
		m.run()
	})
}

func TestFuzzOperations_Seeds(t *testing.T) {
	statuses := map[Status]bool{}
	passed, failed := 0, 0
	for i, seed := range fzSeeds() {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			m := &fzMachine{t: t, prog: seed, now: t0, statuses: statuses}
			m.run()
			passed += m.passed
			failed += m.failed
		})
	}
	// The seeds reach every status, and both results.
	assert.Len(t, statuses, 4)
	assert.Greater(t, passed, 1000)
	assert.Greater(t, failed, 300)
}

// fzAllTypesOpen asks for one optional field of every type.
func fzAllTypesOpen() *OpenRequest {
	o := validOpen()
	var fields []FieldSpec
	for _, ft := range FieldTypes() {
		s := FieldSpec{Name: "f_" + string(ft), Type: ft, Description: "A " + string(ft) + "."}
		if ft == FieldEnum {
			s.Options = []string{"a", "b"}
		}
		fields = append(fields, s)
	}
	o.Request = &MissingInformationRequest{Fields: fields}
	return o
}

func FuzzCheckResponse(f *testing.F) {
	for _, tt := range lcAnswerCases {
		data, err := tt.answers().MarshalJSON()
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		`null`, `{}`, `[]`, `{"fields":null}`, `{"fields":[]}`, `{"fields":{},"x":1}`,
		`{"fields":{"legal_name":1e400}}`, `{"fields":{"f_integer":1.0,"f_number":-0}}`,
		`{"fields":{"f_date":"2024-02-30","f_phone":"+0123456789"}}`,
		`{"fields":{"f_url":"http://","f_date_time":"2024-01-01T00:00:60Z"}}`,
		`{"fields":{"f_address":{"country":"us"},"f_file":"doc_1"}}`,
		`{"fields":{"f_boolean":true,"f_text":"a\r\nb","f_enum":"a","f_email":"a@b.co"}}`,
		"{\"fields\":{\"legal_name\":\"\xff\"}}", `{"fields":{"a":1,"a":2}}`,
	} {
		f.Add([]byte(s))
	}
	cases := []*Case{mustOpen(f, validOpen()), mustOpen(f, fzAllTypesOpen())}
	copies := []*Case{cases[0].Clone(), cases[1].Clone()}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, d := range []Decoder{{}, {Lenient: true}} {
			resp, err := d.Response(KindMissingInformation, data)
			if err != nil {
				fzRequireError(t, err)
				require.ErrorIs(t, err, ErrInvalid)
				continue
			}
			for i, c := range cases {
				fzCheckAnswers(t, c, resp)
				require.Equal(t, copies[i], c)
			}
		}
	})
}

// fzCheckAnswers checks resp against c and, when it passes, responds with
// it: a response that CheckResponse accepts must make a valid case that
// survives a strict round trip.
func fzCheckAnswers(t *testing.T, c *Case, resp Payload) {
	err := c.CheckResponse(resp)
	if err != nil {
		fzRequireError(t, err)
		require.ErrorIs(t, err, ErrInvalid)
		_, _, rerr := Respond(c, resp, testEnv(lcNow))
		require.Equal(t, err, rerr, "Respond and CheckResponse disagree")
		return
	}
	got, events, err := Respond(c, resp, testEnv(lcNow))
	require.NoError(t, err)
	require.NoError(t, got.Validate())
	require.Len(t, events, 1)
	data, err := got.MarshalJSON()
	require.NoError(t, err)
	back, err := Decoder{}.Case(data)
	require.NoError(t, err)
	again, err := back.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(data), string(again))
}
