package bench

import (
	"path/filepath"
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchBody is one body the benchmarks run every approach on.
type benchBody struct {
	name  string
	body  []byte
	valid bool
}

// benchBodies returns the bodies of the benchmarks, all built from the
// root package's typical body: itself, its five-problem twin, the typical
// body asking for 1, 10 and 50 fields, and with 100 KB of details, which
// is past the limit of 10,000 characters and so refused.
func benchBodies(t testing.TB) []benchBody {
	root := filepath.Join("..", "testdata")
	typical, err := LoadBody(filepath.Join(root, "open_typical.json"))
	require.NoError(t, err)
	return []benchBody{
		{"typical", readFile(t, filepath.Join(root, "open_typical.json")), true},
		{"five_problems", readFile(t, filepath.Join(root, "open_five_problems.json")), false},
		{"fields_1", WithFields(typical, 1).JSON(), true},
		{"fields_10", WithFields(typical, 10).JSON(), true},
		{"fields_50", WithFields(typical, 50).JSON(), true},
		{"details_100KB", WithDetails(typical, 100<<10).JSON(), false},
	}
}

// sink keeps the rendered errors alive, so that rendering is not optimised
// away.
var sink []byte

// BenchmarkOpen runs every approach on every benchmark body. A refused
// body's error is rendered as a handler answering 400 would: problem
// details marshalled for cases, the error's text for the peers. The floor
// validates nothing, so it only decodes.
//
// The names are BenchmarkOpen/APPROACH/BODY, so that run.sh can run one
// approach at a time.
func BenchmarkOpen(b *testing.B) {
	bodies := benchBodies(b)
	for _, a := range approaches(b) {
		b.Run(a.Name, func(b *testing.B) {
			for _, bb := range bodies {
				b.Run(bb.name, func(b *testing.B) {
					benchOne(b, a, bb)
				})
			}
		})
	}
}

func benchOne(b *testing.B, a Approach, bb benchBody) {
	b.ReportAllocs()
	b.SetBytes(int64(len(bb.body)))
	for b.Loop() {
		err := a.Check(bb.body)
		switch {
		case a.Name == Floor:
			// The floor's decoding error on a refused body (a due_at
			// that is not a time) is no verdict: it validates nothing.
		case bb.valid && err != nil:
			b.Fatal(err)
		case !bb.valid && err == nil:
			b.Fatal("a refused body was accepted")
		case err != nil:
			sink = a.Render(err)
		}
	}
}

// TestBenchmarkBodies pins what the benchmarks measure: every approach
// accepts the valid bodies and refuses the others, and cases finds five
// problems in the five-problem body and one in the long details.
func TestBenchmarkBodies(t *testing.T) {
	bodies := benchBodies(t)
	for _, a := range approaches(t) {
		for _, bb := range bodies {
			err := a.Check(bb.body)
			switch {
			case bb.valid:
				assert.NoError(t, err, "%s on %s", a.Name, bb.name)
			case a.Name != Floor:
				assert.Error(t, err, "%s on %s", a.Name, bb.name)
			}
		}
	}
	_, err := cases.Decoder{}.Open(bodies[1].body)
	assert.Len(t, cases.ProblemFor(err).Errors, 5)
	_, err = cases.Decoder{}.Open(bodies[5].body)
	require.Len(t, cases.ProblemFor(err).Errors, 1)
	assert.Equal(t, "/details", *cases.ProblemFor(err).Errors[0].Pointer)
}
