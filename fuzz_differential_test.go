package cases

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDifferentialOpen compares the strict reader with encoding/json on
// open bodies that encoding/json accepts as one JSON object without
// repeated keys. The library may refuse such a body for a rule of the
// model, never as invalid JSON; when it accepts one, it must hold the
// values encoding/json decodes into a plain struct of the same shape.
func FuzzDifferentialOpen(f *testing.F) {
	for _, seed := range diffSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !diffIsPlainObject(data) {
			return
		}
		o, err := Decoder{}.Open(data)
		if err != nil {
			var e *Error
			require.ErrorAs(t, err, &e)
			for _, it := range e.Items {
				assert.NotEqual(t, CodeInvalidJSON, it.Code,
					"refused JSON that encoding/json accepts: %s", it.Message)
			}
			return
		}
		want, err := diffDecodePlain(data)
		require.NoError(t, err, "accepted a body that encoding/json cannot decode")
		assert.Equal(t, want, diffOfOpen(o))
	})
}

func TestDifferentialOpen_Seeds(t *testing.T) {
	accepted := 0
	for _, seed := range diffSeeds(t) {
		if !diffIsPlainObject(seed) {
			continue
		}
		o, err := Decoder{}.Open(seed)
		if err != nil {
			continue
		}
		accepted++
		want, err := diffDecodePlain(seed)
		require.NoError(t, err)
		assert.Equal(t, want, diffOfOpen(o), "%s", seed)
	}
	assert.Greater(t, accepted, 10, "too few seeds exercise the comparison")
}

func TestDiffIsPlainObject(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "object", in: ` {"a":{"b":[{"c":1},{"c":2}]},"d":[]} `, want: true},
		{name: "repeated key", in: `{"a":1,"a":2}`, want: false},
		{name: "repeated by escape", in: `{"a":1,"\u0061":2}`, want: false},
		{name: "repeated in nested object", in: `{"a":{"b":1,"b":2}}`, want: false},
		{name: "repeated in array element", in: `{"a":[{"b":1,"b":2}]}`, want: false},
		{name: "same key in sibling objects", in: `{"a":{"b":1},"c":{"b":1}}`, want: true},
		{name: "array", in: `[]`, want: false},
		{name: "not JSON", in: `{"a":}`, want: false},
		{name: "trailing data", in: `{} {}`, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, diffIsPlainObject([]byte(tt.in)))
		})
	}
}

// diffSeeds returns the open bodies of the hostile catalogue and bodies
// built from the test helpers' requests.
func diffSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var seeds [][]byte
	for _, o := range []*OpenRequest{validOpen(), validRAOpen()} {
		b, err := o.MarshalJSON()
		require.NoError(tb, err)
		seeds = append(seeds, b)
	}
	seeds = append(seeds,
		[]byte(`{"parent_type":"verification","parent_id":"ver:9","kind":"missing_information",`+
			`"status":"under_review","summary":"S\u00e9 \ud83d\ude00 \/ \"q\"","details":null,`+
			`"request":{"fields":[{"name":"n","type":"integer","description":"D\tx",`+
			`"required":null,"example":-0},{"name":"t","type":"text","description":"d",`+
			`"example":"a\r\nb"},{"name":"e","type":"enum","description":"d",`+
			`"options":["x","y"],"example":"y"}]},"due_at":"2099-01-01T10:00:00.5+05:30",`+
			`"metadata":{"k":"","a/b~c":"\u00e9"}}`),
		[]byte(`{"parent_type":"business","parent_id":"b","kind":"ra_termination",`+
			`"status":"needs_response","summary":"s","request":{"reason":"other",`+
			`"reason_detail":"why\n"},"metadata":null,"due_at":null}`),
	)
	paths, err := filepath.Glob(filepath.Join(hostileDir, "*.want.json"))
	require.NoError(tb, err)
	for _, path := range paths {
		want, err := os.ReadFile(path)
		require.NoError(tb, err)
		if !bytes.Contains(want, []byte(`"as": "open"`)) {
			continue
		}
		body, err := os.ReadFile(strings.TrimSuffix(path, ".want.json") + ".json")
		if errors.Is(err, os.ErrNotExist) {
			continue // a generated input
		}
		require.NoError(tb, err)
		seeds = append(seeds, body)
	}
	return seeds
}

// diffIsPlainObject reports whether data is one JSON object, by
// encoding/json, with no key repeated in any object.
func diffIsPlainObject(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if !json.Valid(data) || len(trimmed) == 0 || trimmed[0] != '{' {
		return false
	}
	return !diffHasRepeatedKey(data)
}

// diffHasRepeatedKey reports whether an object in the JSON text data
// repeats a key, comparing keys after decoding their escapes.
func diffHasRepeatedKey(data []byte) bool {
	type frame struct {
		keys    map[string]bool
		object  bool
		wantKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			return true
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if top != nil && top.object {
					top.wantKey = true
				}
				stack = append(stack, &frame{keys: map[string]bool{}, object: d == '{', wantKey: true})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if !top.wantKey {
			top.wantKey = true
			continue
		}
		key, _ := tok.(string)
		if top.keys[key] {
			return true
		}
		top.keys[key] = true
		top.wantKey = false
	}
}

// diffOpen is the plain struct that encoding/json decodes an open body
// into.
type diffOpen struct {
	ParentType string            `json:"parent_type"`
	ParentID   string            `json:"parent_id"`
	Kind       string            `json:"kind"`
	Status     string            `json:"status"`
	Summary    string            `json:"summary"`
	Details    *string           `json:"details"`
	Request    json.RawMessage   `json:"request"`
	DueAt      *time.Time        `json:"due_at"`
	Metadata   map[string]string `json:"metadata"`
}

type diffField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Description string   `json:"description"`
	Required    *bool    `json:"required"`
	Example     any      `json:"example"`
	Options     []string `json:"options"`
}

type diffMIRequest struct {
	Fields []diffField `json:"fields"`
}

type diffRARequest struct {
	Reason       string  `json:"reason"`
	ReasonDetail *string `json:"reason_detail"`
}

// diffValues is what the comparison looks at: the values of an open body,
// with times in UTC and the request in the plain form of its kind.
type diffValues struct {
	ParentType, ParentID, Kind, Status, Summary string
	Details                                     *string
	DueAt                                       string
	Metadata                                    map[string]string
	Request                                     any
}

func diffDecodePlain(data []byte) (diffValues, error) {
	var p diffOpen
	if err := diffUnmarshal(data, &p); err != nil {
		return diffValues{}, err
	}
	v := diffValues{
		ParentType: p.ParentType, ParentID: p.ParentID, Kind: p.Kind,
		Status: p.Status, Summary: p.Summary, Details: p.Details,
		DueAt: diffTime(p.DueAt), Metadata: p.Metadata,
	}
	switch Kind(p.Kind) {
	case KindMissingInformation:
		var r diffMIRequest
		if err := diffUnmarshal(p.Request, &r); err != nil {
			return diffValues{}, err
		}
		for i := range r.Fields {
			if r.Fields[i].Required == nil {
				r.Fields[i].Required = new(bool)
			}
		}
		v.Request = r
	case KindRATermination:
		var r diffRARequest
		if err := diffUnmarshal(p.Request, &r); err != nil {
			return diffValues{}, err
		}
		v.Request = r
	}
	return v, nil
}

func diffUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func diffOfOpen(o *OpenRequest) diffValues {
	v := diffValues{
		ParentType: string(o.ParentType), ParentID: o.ParentID, Kind: string(o.Kind),
		Status: string(o.Status), Summary: o.Summary, Details: o.Details,
		DueAt: diffTime(o.DueAt), Metadata: o.Metadata,
	}
	switch r := o.Request.(type) {
	case *MissingInformationRequest:
		plain := diffMIRequest{}
		if r.Fields != nil {
			plain.Fields = make([]diffField, len(r.Fields))
		}
		for i, f := range r.Fields {
			plain.Fields[i] = diffField{
				Name: f.Name, Type: string(f.Type), Description: f.Description,
				Required: &f.Required, Example: f.Example, Options: f.Options,
			}
		}
		v.Request = plain
	case *RATerminationRequest:
		v.Request = diffRARequest{Reason: string(r.Reason), ReasonDetail: r.ReasonDetail}
	}
	return v
}

func diffTime(t *time.Time) string {
	if t == nil {
		return "<nil>"
	}
	return t.UTC().Format(time.RFC3339Nano)
}
