package cases

import (
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lcInputs holds the arguments of one call. The purity tests build them
// twice, deterministically, so that one copy can be compared with the
// other after the call.
type lcInputs struct {
	c    *Case
	o    *OpenRequest
	u    *UpdateRequest
	resp Payload
	ev   *Event
	data []byte
}

// lcEncoded returns the JSON of every value in in that has one.
func lcEncoded(t testing.TB, in lcInputs) map[string]string {
	t.Helper()
	out := map[string]string{}
	add := func(name string, v interface{ MarshalJSON() ([]byte, error) }) {
		b, err := v.MarshalJSON()
		require.NoError(t, err, name)
		out[name] = string(b)
	}
	if in.c != nil {
		add("case", in.c)
	}
	if in.o != nil {
		add("open", in.o)
	}
	if in.resp != nil {
		add("resp", in.resp)
	}
	if in.ev != nil {
		add("event", in.ev)
	}
	out["data"] = string(in.data)
	return out
}

// lcPurityCase is one call and the inputs it takes.
type lcPurityCase struct {
	name  string
	fails bool
	build func(t testing.TB) lcInputs
	run   func(in lcInputs) error
}

func lcWithCase(start string) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs { return lcInputs{c: lcStartNamed(t, start)} }
}

func lcWithOpen(change func(o *OpenRequest)) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs {
		o := validOpen()
		if change != nil {
			change(o)
		}
		return lcInputs{o: o}
	}
}

func lcWithUpdate(start string, u func() *UpdateRequest) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs { return lcInputs{c: lcStartNamed(t, start), u: u()} }
}

func lcWithResponse(start string, resp func() Payload) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs {
		return lcInputs{c: lcStartNamed(t, start), resp: resp()}
	}
}

func lcWithData(s string) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs { return lcInputs{data: []byte(s)} }
}

func lcWithEvent(change func(e *Event)) func(t testing.TB) lcInputs {
	return func(t testing.TB) lcInputs {
		_, events, err := Open(validOpen(), testEnv(t0))
		require.NoError(t, err)
		e := &events[0]
		if change != nil {
			change(e)
		}
		return lcInputs{ev: e}
	}
}

// lcBroken is a case that breaks invariants: resolved with no closing
// fields, a bad summary and an unknown key in its metadata.
func lcBroken(t testing.TB) lcInputs {
	c := lcNeedsResponse(t)
	c.Status = StatusResolved
	c.Summary = ""
	c.Metadata["a[b]"] = "x"
	c.Response = lcAnswers(map[string]any{"legal_name": 5})
	return lcInputs{c: c}
}

func lcBadAnswers() Payload  { return lcAnswers(map[string]any{"legal_name": 5, "x": 1}) }
func lcGoodAnswers() Payload { return validAnswers() }
func lcNewAnswers() Payload  { return lcAnswers(map[string]any{"legal_name": "New LLC"}) }

// errNoIDs is the failure of the ID source of lcFailingEnv.
var errNoIDs = errors.New("no IDs today")

func lcFailingEnv() Env {
	return Env{Now: lcNow, NewID: func() (uuid.UUID, error) {
		return uuid.Nil, errNoIDs
	}}
}

func lcRun(op func(in lcInputs) (*Case, []Event, error)) func(in lcInputs) error {
	return func(in lcInputs) error {
		_, _, err := op(in)
		return err
	}
}

var lcCaseJSON = `{"id":"00000000-0000-7000-8000-000000000001","object":"case",` +
	`"created_at":"2026-03-01T09:00:00Z","updated_at":"2026-03-01T09:00:00Z",` +
	`"metadata":{"a":"b"},"parent_type":"filing","parent_id":"fil_1",` +
	`"kind":"missing_information",` +
	`"status":"needs_response","summary":"S.","details":null,"request":{"fields":[` +
	`{"name":"n","type":"enum","description":"D.","required":true,"options":["a","b"]}]},` +
	`"response":null,"opened_at":"2026-03-01T09:00:00Z","due_at":null,"resolved_at":null,` +
	`"resolution_reason":null}`

var lcPurityCases = []lcPurityCase{
	{"Open", false, lcWithOpen(nil), lcRun(func(in lcInputs) (*Case, []Event, error) {
		return Open(in.o, testEnv(t0))
	})},
	{"Open internal", false, lcWithOpen(func(o *OpenRequest) { o.Status = StatusUnderReview }),
		lcRun(func(in lcInputs) (*Case, []Event, error) { return Open(in.o, testEnv(t0)) })},
	{"Open invalid", true, lcWithOpen(func(o *OpenRequest) {
		o.Summary, o.Status, o.Metadata["a[b]"] = "", StatusResolved, "x"
		o.Request.(*MissingInformationRequest).Fields[3].Options = nil
	}), lcRun(func(in lcInputs) (*Case, []Event, error) { return Open(in.o, testEnv(t0)) })},
	{"Open past due", true, lcWithOpen(nil), lcRun(func(in lcInputs) (*Case, []Event, error) {
		return Open(in.o, testEnv(t0.AddDate(1, 0, 0)))
	})},
	{"Open without IDs", true, lcWithOpen(nil), lcRun(func(in lcInputs) (*Case, []Event, error) {
		return Open(in.o, lcFailingEnv())
	})},
	{"Update move", false, lcWithUpdate("needs_response", func() *UpdateRequest {
		return lcMove(StatusSuperseded, ReasonParentFailed)
	}), lcUpdateRun},
	{"Update values", false, lcWithUpdate("under_review_answered", func() *UpdateRequest {
		return &UpdateRequest{
			Summary: ptr("S."), Details: Clear[string](), DueAt: Set(lcNow.Add(time.Hour)),
			Metadata: map[string]*string{"external_id": nil, "new": ptr("v")},
		}
	}), lcUpdateRun},
	{"Update no-op", false, lcWithUpdate("resolved_answered", func() *UpdateRequest {
		return lcMove(StatusResolved, "")
	}), lcUpdateRun},
	{"Update closed metadata", false, lcWithUpdate("superseded", func() *UpdateRequest {
		return &UpdateRequest{Metadata: map[string]*string{"external_id": ptr("x")}}
	}), lcUpdateRun},
	{"Update invalid", true, lcWithUpdate("needs_response", func() *UpdateRequest {
		return &UpdateRequest{Summary: ptr(""), Metadata: map[string]*string{"a]": nil}}
	}), lcUpdateRun},
	{"Update over the metadata limit", true, func(t testing.TB) lcInputs {
		return lcInputs{c: lcMetadataCase(t, 50), u: &UpdateRequest{
			Metadata: map[string]*string{"new": ptr("v")},
		}}
	}, lcUpdateRun},
	{"Update closed", true, lcWithUpdate("resolved", func() *UpdateRequest {
		return &UpdateRequest{Summary: ptr("S."), Metadata: map[string]*string{"a": ptr("b")}}
	}), lcUpdateRun},
	{"Update illegal", true, lcWithUpdate("needs_response", func() *UpdateRequest {
		return lcMove(StatusResolved, "")
	}), lcUpdateRun},
	{"Update without IDs", true, lcWithUpdate("needs_response", func() *UpdateRequest {
		return lcMove(StatusUnderReview, "")
	}), lcRun(func(in lcInputs) (*Case, []Event, error) {
		return Update(in.c, in.u, lcFailingEnv())
	})},
	{"Respond", false, lcWithResponse("needs_response", lcGoodAnswers), lcRespondRun},
	{"Respond replaces", false, lcWithResponse("needs_response_answered", lcNewAnswers),
		lcRespondRun},
	{"Respond no-op", false, lcWithResponse("under_review_answered", lcGoodAnswers), lcRespondRun},
	{"Respond invalid", true, lcWithResponse("needs_response", lcBadAnswers), lcRespondRun},
	{"Respond not awaiting", true, lcWithResponse("under_review_answered", lcNewAnswers),
		lcRespondRun},
	{"Respond closed", true, lcWithResponse("resolved_answered", lcGoodAnswers), lcRespondRun},
	{"Respond without IDs", true, lcWithResponse("needs_response", lcGoodAnswers),
		lcRun(func(in lcInputs) (*Case, []Event, error) {
			return Respond(in.c, in.resp, lcFailingEnv())
		})},
	{"CloseForParent", false, lcWithCase("under_review_answered"),
		lcRun(func(in lcInputs) (*Case, []Event, error) {
			return CloseForParent(in.c, ParentRejected, testEnv(lcNow))
		})},
	{"CloseForParent closed", true, lcWithCase("resolved"),
		lcRun(func(in lcInputs) (*Case, []Event, error) {
			return CloseForParent(in.c, ParentCompleted, testEnv(lcNow))
		})},
	{"CloseForParent repeat", false, lcWithCase("superseded"),
		lcRun(func(in lcInputs) (*Case, []Event, error) {
			return CloseForParent(in.c, ParentCanceled, testEnv(lcNow))
		})},
	{"CloseForParent unknown outcome", true, lcWithCase("needs_response"),
		lcRun(func(in lcInputs) (*Case, []Event, error) {
			return CloseForParent(in.c, "exploded", testEnv(lcNow))
		})},
	{"CheckResponse", false, lcWithResponse("needs_response", lcGoodAnswers),
		func(in lcInputs) error { return in.c.CheckResponse(in.resp) }},
	{"CheckResponse invalid", true, lcWithResponse("needs_response", lcBadAnswers),
		func(in lcInputs) error { return in.c.CheckResponse(in.resp) }},
	{"Case.Validate", false, lcWithCase("superseded_answered"),
		func(in lcInputs) error { return in.c.Validate() }},
	{"Case.Validate invalid", true, lcBroken, func(in lcInputs) error { return in.c.Validate() }},
	{"OpenRequest.Validate", false, lcWithOpen(nil),
		func(in lcInputs) error { return in.o.Validate() }},
	{"OpenRequest.Validate invalid", true, lcWithOpen(func(o *OpenRequest) { o.ParentID = "" }),
		func(in lcInputs) error { return in.o.Validate() }},
	{"Event.Validate", false, lcWithEvent(nil),
		func(in lcInputs) error { return in.ev.Validate() }},
	{"Event.Validate invalid", true, lcWithEvent(func(e *Event) {
		e.ID, e.Data.Summary = "x", ""
	}), func(in lcInputs) error { return in.ev.Validate() }},
	{"Case.MarshalJSON", false, lcWithCase("resolved_answered"), func(in lcInputs) error {
		_, err := in.c.MarshalJSON()
		return err
	}},
	{"Event.MarshalJSON", false, lcWithEvent(nil), func(in lcInputs) error {
		_, err := in.ev.MarshalJSON()
		return err
	}},
	{"OpenRequest.MarshalJSON", false, lcWithOpen(nil), func(in lcInputs) error {
		_, err := in.o.MarshalJSON()
		return err
	}},
	{"UpdateRequest.MarshalJSON", false, lcWithUpdate("needs_response", func() *UpdateRequest {
		return &UpdateRequest{Summary: ptr("S."), Details: Clear[string](),
			Metadata: map[string]*string{"a": nil, "b": ptr("c")}}
	}), func(in lcInputs) error {
		_, err := in.u.MarshalJSON()
		return err
	}},
	{"Payload.MarshalJSON", false, lcWithResponse("needs_response", lcGoodAnswers),
		func(in lcInputs) error {
			_, err := in.resp.MarshalJSON()
			return err
		}},
	{"Case.UnmarshalJSON invalid", true, func(t testing.TB) lcInputs {
		return lcInputs{c: lcNeedsResponse(t), data: []byte(`{"id":5}`)}
	}, func(in lcInputs) error { return in.c.UnmarshalJSON(in.data) }},
	{"Decoder.Case", false, lcWithData(lcCaseJSON), func(in lcInputs) error {
		_, err := Decoder{}.Case(in.data)
		return err
	}},
	{"Decoder.Case lenient", false, lcWithData(lcCaseJSON), func(in lcInputs) error {
		_, err := Decoder{Lenient: true}.Case(in.data)
		return err
	}},
	{"Decoder.Case invalid", true, lcWithData(`{"id":"x","status":"closed","summary":"a\u0000"}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Case(in.data)
			return err
		}},
	{"Decoder.Open", false, lcWithData(`{"parent_type":"filing","parent_id":"f","kind":` +
		`"missing_information","status":"needs_response","summary":"S","request":` +
		`{"fields":[{"name":"a","type":"string","description":"D"}]}}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Open(in.data)
			return err
		}},
	{"Decoder.Open invalid", true, lcWithData(`{"parent_type":"x","summary":"\ud800"}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Open(in.data)
			return err
		}},
	{"Decoder.Update", false, lcWithData(`{"metadata":{"a":null,"b":"c"},"details":null}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Update(in.data)
			return err
		}},
	{"Decoder.Update invalid", true, lcWithData(`{"kind":"x","summary":"","a":1} x`),
		func(in lcInputs) error {
			_, err := Decoder{}.Update(in.data)
			return err
		}},
	{"Decoder.Response", false, lcWithData(`{"fields":{"a":"b","c":{"d":[1,2.5e3,null]}}}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Response(KindMissingInformation, in.data)
			return err
		}},
	{"Decoder.Response invalid", true, lcWithData("{\"fields\":{\"a\":\"\xff\"},\"b\":1}"),
		func(in lcInputs) error {
			_, err := Decoder{}.Response(KindMissingInformation, in.data)
			return err
		}},
	{"Decoder.Event", false, lcWithData(`{"id":"00000000-0000-7000-8000-000000000009",` +
		`"object":"event","type":"case.opened","created_at":"2026-03-01T09:00:00Z",` +
		`"data":` + lcCaseJSON + `}`),
		func(in lcInputs) error {
			_, err := Decoder{}.Event(in.data)
			return err
		}},
	{"Decoder.Event invalid", true, lcWithData(`{"type":"case.closed","data":{"id":1}}`),
		func(in lcInputs) error {
			_, err := Decoder{Lenient: true}.Event(in.data)
			return err
		}},
}

func lcUpdateRun(in lcInputs) error {
	_, _, err := Update(in.c, in.u, testEnv(lcNow))
	return err
}

func lcRespondRun(in lcInputs) error {
	_, _, err := Respond(in.c, in.resp, testEnv(lcNow))
	return err
}

func TestPurity_InputsUnchanged(t *testing.T) {
	for _, tt := range lcPurityCases {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.build(t)
			want := tt.build(t)
			require.Equal(t, want, in, "the inputs are not built deterministically")
			encoded := lcEncoded(t, in)
			var cloned *Case
			if in.c != nil {
				cloned = in.c.Clone()
			}

			err := tt.run(in)
			if tt.fails {
				var e *Error
				if !errors.As(err, &e) {
					assert.ErrorIs(t, err, errNoIDs)
					assert.EqualError(t, err, "cases: generating an ID: no IDs today")
				}
			} else {
				assert.NoError(t, err)
			}
			assert.Equal(t, want, in)
			assert.Equal(t, encoded, lcEncoded(t, in))
			if in.c != nil {
				assert.Equal(t, cloned, in.c)
			}
		})
	}
}

// lcScribble changes every value reachable from c in place.
func lcScribble(c *Case) {
	if c.Metadata == nil {
		c.Metadata = Metadata{}
	}
	for k := range c.Metadata {
		c.Metadata[k] += "!"
	}
	c.Metadata["scribbled"] = "x"
	if c.Details != nil {
		*c.Details += "!"
	}
	for _, p := range []*time.Time{c.OpenedAt, c.DueAt, c.ResolvedAt} {
		if p != nil {
			*p = p.Add(time.Second)
		}
	}
	lcScribblePayload(c.Request)
	lcScribblePayload(c.Response)
}

// lcScribblePayload changes every value reachable from p in place.
func lcScribblePayload(p Payload) {
	switch p := p.(type) {
	case *MissingInformationRequest:
		for i := range p.Fields {
			f := &p.Fields[i]
			f.Name += "_x"
			f.Description += "!"
			f.Example = lcScribbleValue(f.Example)
			for j := range f.Options {
				f.Options[j] += "!"
			}
		}
	case *MissingInformationResponse:
		for k, v := range p.Fields {
			p.Fields[k] = lcScribbleValue(v)
		}
		p.Fields["scribbled"] = "x"
	case *RATerminationRequest:
		p.Reason += "!"
		if p.ReasonDetail != nil {
			*p.ReasonDetail += "!"
		}
	case *RATerminationResponse:
		p.Acknowledged = !p.Acknowledged
		if s := p.SuccessorAgent; s != nil {
			s.Name += "!"
			if s.Address != nil {
				s.Address.City += "!"
			}
		}
	}
}

func lcScribbleValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = lcScribbleValue(e)
		}
		x["scribbled"] = "x"
		return x
	case []any:
		for i := range x {
			x[i] = lcScribbleValue(x[i])
		}
		return x
	case *Address:
		x.City += "!"
		return x
	case string:
		return x + "!"
	}
	return "scribbled"
}

// lcScribbleOpen changes every value reachable from o in place.
func lcScribbleOpen(o *OpenRequest) {
	o.Metadata["external_id"] = "changed"
	o.Metadata["scribbled"] = "x"
	*o.Details += "!"
	*o.DueAt = o.DueAt.Add(time.Hour)
	lcScribblePayload(o.Request)
}

func TestPurity_ResultSharesNothing(t *testing.T) {
	type call func(in lcInputs) (*Case, []Event, error)
	tests := []struct {
		name  string
		build func(t testing.TB) lcInputs
		call  call
	}{
		{"Open typical", lcWithOpen(nil), func(in lcInputs) (*Case, []Event, error) {
			return Open(in.o, testEnv(t0))
		}},
		{"Update", lcWithUpdate("under_review_answered", func() *UpdateRequest {
			return &UpdateRequest{Summary: ptr("S."), DueAt: Set(lcNow.Add(time.Hour)),
				Details: Set("D."), Metadata: map[string]*string{"b": ptr("c")}}
		}), func(in lcInputs) (*Case, []Event, error) {
			return Update(in.c, in.u, testEnv(lcNow))
		}},
		{"Update no-op", lcWithUpdate("resolved_answered", func() *UpdateRequest {
			return &UpdateRequest{}
		}), func(in lcInputs) (*Case, []Event, error) {
			return Update(in.c, in.u, testEnv(lcNow))
		}},
		{"Respond", lcWithResponse("needs_response", lcGoodAnswers),
			func(in lcInputs) (*Case, []Event, error) {
				return Respond(in.c, in.resp, testEnv(lcNow))
			}},
		{"Respond no-op", lcWithResponse("under_review_answered", lcGoodAnswers),
			func(in lcInputs) (*Case, []Event, error) {
				return Respond(in.c, in.resp, testEnv(lcNow))
			}},
		{"CloseForParent", lcWithCase("under_review_answered"),
			func(in lcInputs) (*Case, []Event, error) {
				return CloseForParent(in.c, ParentCanceled, testEnv(lcNow))
			}},
		{"CloseForParent repeat", lcWithCase("superseded_answered"),
			func(in lcInputs) (*Case, []Event, error) {
				return CloseForParent(in.c, ParentCompleted, testEnv(lcNow))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.build(t)
			want := tt.build(t)
			got, events, err := tt.call(in)
			require.NoError(t, err)
			gotCopy := got.Clone()
			gotJSON, err := got.MarshalJSON()
			require.NoError(t, err)

			// The events' cases are not the returned case.
			for i := range events {
				lcScribble(events[i].Data)
			}
			again, err := got.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(gotJSON), string(again))
			assert.Equal(t, gotCopy, got)

			// The returned case is not the input.
			lcScribble(got)
			assert.Equal(t, want, in)

			// The input is not the returned case.
			if in.c != nil {
				lcScribble(in.c)
			}
			if in.o != nil {
				lcScribbleOpen(in.o)
			}
			lcScribblePayload(in.resp)
			fresh, _, err := tt.call(tt.build(t))
			require.NoError(t, err)
			lcScribble(fresh)
			assert.Equal(t, fresh, got)
		})
	}
}
