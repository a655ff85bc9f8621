package casehttp_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/casekit/cases/casehttp"
	"github.com/casekit/cases/casetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input catalogue (hostile_catalogue_test.go) sent through
// the handler: every input that "as" gives to open, update, respond:KIND
// or respond-to:NAME goes to its endpoint, and the answer must be the
// catalogue's, exactly.

// TestHostileInputs_ThroughTheHandler sends every input of the catalogue
// that goes to an endpoint. A refused input gets 400 (413 for too_large)
// with exactly the catalogue's items; an accepted one is decoded, and gets
// what the cases package gives the same operation on the same case at
// the same time: 200, or the problem of a rule that decoding does not
// check (a due time in the past, an answer the request did not ask
// for). No answer is a 500, and no message repeats a string of the
// input.
func TestHostileInputs_ThroughTheHandler(t *testing.T) {
	env := casetest.NewEnv()
	store := casehttp.NewMemoryStore()
	var failures []error
	h := casehttp.NewHandler(store, casehttp.Options{Now: env.Now, NewID: env.NewID,
		OnError: func(_ *http.Request, err error) { failures = append(failures, err) }})
	bases := newHostileBases(t, store, env)

	for _, e := range hostileEntries(t) {
		for _, as := range e.as {
			t.Run(e.name+"/"+as, func(t *testing.T) {
				before := bytes.Clone(e.input)
				c, req := bases.request(t, as, e.input)
				// An empty body is JSON that does not parse, not a body
				// without a type.
				req.Header.Set("Content-Type", "application/json")
				rec := serve(h, authorized(req))
				require.Equal(t, before, e.input, "the handler changed the input")
				assert.NotEqual(t, http.StatusInternalServerError, rec.Code, rec.Body.String())
				if e.want.Accept {
					checkAccepted(t, as, c, e.input, rec, env)
				} else {
					checkRefused(t, e.want.Items.of(as), rec)
				}
				checkNoSecrets(t, e.input, rec.Body.Bytes())
			})
		}
	}
	assert.Empty(t, failures)
}

func checkRefused(t *testing.T, want []hostileItem, rec *httptest.ResponseRecorder) {
	require.NotEmpty(t, want, "neither accepted nor refused")
	status := http.StatusBadRequest
	items := make([]cases.Item, len(want))
	for i, it := range want {
		require.NotNil(t, it.Pointer)
		items[i] = casetest.At(*it.Pointer, it.Code)
		if it.Code == cases.CodeTooLarge {
			status = http.StatusRequestEntityTooLarge
		}
	}
	casetest.AssertProblem(t, rec.Result(), status, casetest.ProblemType(cases.ErrInvalid),
		items...)
}

// checkAccepted checks the answer to an input that strict decoding
// accepts against what the cases package makes of it for case c (nil for
// an open).
func checkAccepted(t *testing.T, as string, c *cases.Case, input []byte,
	rec *httptest.ResponseRecorder, env *casetest.Env) {
	err := libraryOutcome(as, c, input, env)
	if err == nil {
		readCase(t, rec.Result())
		return
	}
	p := casehttp.ProblemFor(err)
	var want []cases.Item
	for _, it := range p.Errors {
		want = append(want, casetest.At(*it.Pointer, it.Code))
	}
	casetest.AssertProblem(t, rec.Result(), p.Status, p.Type, want...)
}

// libraryOutcome decodes input strictly and applies the operation as
// names to c at env's time, as the handler does.
func libraryOutcome(as string, c *cases.Case, input []byte, env *casetest.Env) error {
	dec := cases.Decoder{}
	var err error
	switch {
	case as == "open":
		var o *cases.OpenRequest
		if o, err = dec.Open(input); err == nil {
			_, _, err = cases.Open(o, cases.Env{Now: env.Now()})
		}
	case as == "update":
		var u *cases.UpdateRequest
		if u, err = dec.Update(input); err == nil {
			_, _, err = cases.Update(c, u, cases.Env{Now: env.Now()})
		}
	default:
		var p cases.Payload
		if p, err = dec.Response(c.Kind, input); err == nil {
			_, _, err = cases.Respond(c, p, cases.Env{Now: env.Now()})
		}
	}
	return err
}

// checkNoSecrets asserts that the answer repeats no string literal of
// the input of four bytes or more, other than the model's own words.
func checkNoSecrets(t *testing.T, input, answer []byte) {
	var p cases.Problem
	if json.Unmarshal(answer, &p) != nil || p.Status == 0 {
		return
	}
	texts := []string{p.Title, p.Detail}
	for _, it := range p.Errors {
		texts = append(texts, it.Detail)
	}
	vocabulary := modelWords()
	for _, lit := range literals(input) {
		if len(lit) < 4 || vocabulary[lit] {
			continue
		}
		for _, text := range texts {
			assert.NotContains(t, text, lit, "a message repeats the input")
		}
	}
}

// hostileBases makes the cases that update and respond inputs go to:
// each input gets a new case opened from a baseline of the catalogue.
type hostileBases struct {
	cases *casehttp.MemoryStore
	env   *casetest.Env
	open  map[cases.Kind]*cases.OpenRequest
}

func newHostileBases(t *testing.T, store *casehttp.MemoryStore,
	env *casetest.Env) *hostileBases {
	b := &hostileBases{cases: store, env: env, open: map[cases.Kind]*cases.OpenRequest{}}
	for _, name := range []string{"baseline_open.json", "baseline_ra_open.json"} {
		o, err := cases.Decoder{}.Open([]byte(readHostile(t, name)))
		require.NoError(t, err, name)
		b.open[o.Kind] = o
	}
	return b
}

// request returns the request that sends input as the entry point as
// names, and the case it goes to (nil for an open).
func (b *hostileBases) request(t *testing.T, as string, input []byte) (*cases.Case,
	*http.Request) {
	switch as {
	case "open":
		return nil, httptestRequest("POST", "/v1/case", string(input))
	case "update":
		c := b.create(t, cases.KindMissingInformation)
		return c, httptestRequest("PATCH", "/v1/case/"+c.ID, string(input))
	}
	var c *cases.Case
	if name, ok := strings.CutPrefix(as, "respond-to:"); ok {
		c = b.store(t, name)
	} else {
		c = b.create(t, cases.Kind(strings.TrimPrefix(as, "respond:")))
	}
	return c, httptestRequest("POST", "/v1/case/"+c.ID+"/response", string(input))
}

// store stores the case of the catalogue's NAME.json under a new ID.
func (b *hostileBases) store(t *testing.T, name string) *cases.Case {
	c, err := cases.Decoder{}.Case([]byte(readHostile(t, name+".json")))
	require.NoError(t, err, name)
	id, err := b.env.NewID()
	require.NoError(t, err)
	c.ID = id.String()
	_, err = b.cases.Create(t.Context(), c, nil)
	require.NoError(t, err)
	return c
}

// create stores a new case of kind in needs_response. A kind the cases
// package does not know cannot be opened: its case is a
// missing_information case given that kind and a raw request, stored
// directly, as a store may hold it.
func (b *hostileBases) create(t *testing.T, kind cases.Kind) *cases.Case {
	o, known := b.open[kind]
	if !known {
		o = b.open[cases.KindMissingInformation]
	}
	c, events, err := cases.Open(o, b.env.Cases())
	require.NoError(t, err)
	if !known {
		c.Kind, c.Request, events = kind, cases.RawPayload(`{"doc":"wanted"}`), nil
	}
	_, err = b.cases.Create(t.Context(), c, events)
	require.NoError(t, err)
	return c
}

// literals returns the raw text between the quotes of each string in
// input, found by scanning, not parsing, so that broken JSON has them too.
func literals(input []byte) []string {
	var out []string
	for i := 0; i < len(input); i++ {
		if input[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(input) && input[j] != '"' {
			if input[j] == '\\' {
				j++
			}
			j++
		}
		out = append(out, string(input[i+1:min(j, len(input))]))
		i = j
	}
	return out
}

// modelWords returns the words of the model itself, keys and enum values,
// which messages may name.
func modelWords() map[string]bool {
	words := []string{
		"case", "event", "id", "object", "created_at", "updated_at", "metadata",
		"parent_type", "parent_id", "kind", "status", "summary", "details",
		"request", "response", "opened_at", "due_at", "resolved_at",
		"resolution_reason", "type", "data", "fields", "name", "description",
		"required", "example", "options", "reason", "reason_detail",
		"acknowledged", "successor_agent", "address", "street_line_1",
		"street_line_2", "city", "county", "region", "postal_code", "country",
	}
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	for _, list := range [][]string{enumWords(cases.ParentTypes()), enumWords(cases.Kinds()),
		enumWords(cases.Statuses()), enumWords(cases.ResolutionReasons()),
		enumWords(cases.FieldTypes()), enumWords(cases.RAReasons()),
		enumWords(cases.EventTypes())} {
		for _, w := range list {
			m[w] = true
		}
	}
	return m
}

func enumWords[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
