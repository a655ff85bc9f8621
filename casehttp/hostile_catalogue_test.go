package casehttp_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/casekit/cases"
	"github.com/stretchr/testify/require"
)

// The hostile-input catalogue of the cases package, in testdata/hostile,
// as the handler's tests read it. See hostile_test.go at the repository
// root for its format: NAME.json (or NAME.gen, built by a generator) and
// NAME.want.json, which says which entry points read the input ("as")
// and what must come out ("accept", or the exact "items").

// hostileDir is where the catalogue lives.
const hostileDir = "../testdata/hostile"

// hostileWant is the content of a NAME.want.json file.
type hostileWant struct {
	As     hostileAs    `json:"as"`
	Accept bool         `json:"accept"`
	Items  hostileItems `json:"items"`
}

type hostileItem struct {
	Pointer *string    `json:"pointer"`
	Code    cases.Code `json:"code"`
}

// hostileItems is "items": one list for every entry point, or a list by
// entry point.
type hostileItems struct {
	all []hostileItem
	by  map[string][]hostileItem
}

func (h *hostileItems) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(b, []byte("{")) {
		return json.Unmarshal(b, &h.by)
	}
	return json.Unmarshal(b, &h.all)
}

// of returns the items that entry point as must report.
func (h hostileItems) of(as string) []hostileItem {
	if h.by != nil {
		return h.by[as]
	}
	return h.all
}

// hostileAs is "as": one entry point, or a list of them.
type hostileAs []string

func (a *hostileAs) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*a = hostileAs{one}
		return nil
	}
	var many []string
	err := json.Unmarshal(b, &many)
	*a = many
	return err
}

// hostileEntry is one input of the catalogue and the endpoints it goes
// to.
type hostileEntry struct {
	name  string
	input []byte
	want  hostileWant
	as    []string
}

// servedByHandler reports whether the entry point as is an endpoint:
// open, update, respond:KIND (a response to a case of that kind) and
// respond-to:NAME (a response to the case in NAME.json).
func servedByHandler(as string) bool {
	return as == "open" || as == "update" || strings.HasPrefix(as, "respond:") ||
		strings.HasPrefix(as, "respond-to:")
}

// hostileGenerators builds the inputs of the NAME.gen entries that go to
// an endpoint, as the catalogue's own test does: each starts from a
// baseline of the catalogue or is made of repeats.
//
// TODO: these repeat the generators of the root package's catalogue test;
// sharing them needs a package both tests import, and the root imports
// none of its subpackages, not even in tests.
var hostileGenerators = map[string]func(t *testing.T) []byte{
	"size_over_limit_by_one": func(t *testing.T) []byte {
		return []byte(pad(readHostile(t, "baseline_open.json"), cases.DefaultMaxBytes+1))
	},
	"size_at_limit": func(t *testing.T) []byte {
		return []byte(pad(readHostile(t, "baseline_open.json"), cases.DefaultMaxBytes))
	},
	"depth_100k_arrays": func(*testing.T) []byte {
		return nested(`{"metadata":`, "[", "]", "", `}`)
	},
	"depth_100k_answer": func(*testing.T) []byte {
		return nested(`{"fields":{"x":`, "[", "]", "", `}}`)
	},
	"depth_100k_unclosed": func(*testing.T) []byte {
		return []byte(`{"data":` + strings.Repeat(`{"x":`, 100_000))
	},
	"metadata_10000_keys": func(t *testing.T) []byte {
		var b bytes.Buffer
		b.WriteString(`{"metadata":{`)
		for i := range 10_000 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"key_` + strconv.Itoa(i) + `":"val_` + strconv.Itoa(i) + `"`)
		}
		b.WriteString(`},`)
		b.WriteString(readHostile(t, "baseline_open.json")[1:])
		return b.Bytes()
	},
	"summary_500k_chars": func(*testing.T) []byte {
		return []byte(`{"parent_type":"business","parent_id":"biz_1","kind":"ra_termination",` +
			`"status":"needs_response","summary":"` + strings.Repeat("s", 500_000) +
			`","request":{"reason":"switching_providers"}}`)
	},
}

// nested returns head, 100,000 opens, mid, 100,000 closes and tail.
func nested(head, open, closing, mid, tail string) []byte {
	const n = 100_000
	return []byte(head + strings.Repeat(open, n) + mid + strings.Repeat(closing, n) + tail)
}

func readHostile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(hostileDir, name))
	require.NoError(t, err)
	return string(b)
}

// hostileEntries returns the entries of the catalogue that go to an
// endpoint, with their inputs.
func hostileEntries(t *testing.T) []hostileEntry {
	paths, err := filepath.Glob(filepath.Join(hostileDir, "*.want.json"))
	require.NoError(t, err)
	var entries []hostileEntry
	for _, path := range paths {
		e := hostileEntry{name: strings.TrimSuffix(filepath.Base(path), ".want.json")}
		require.NoError(t, json.Unmarshal([]byte(readHostile(t, filepath.Base(path))), &e.want),
			path)
		for _, as := range e.want.As {
			if servedByHandler(as) {
				e.as = append(e.as, as)
			}
		}
		if len(e.as) == 0 {
			continue
		}
		if _, err := os.Stat(filepath.Join(hostileDir, e.name+".gen")); err == nil {
			gen, ok := hostileGenerators[e.name]
			require.True(t, ok, "%s.gen goes to an endpoint and has no generator here", e.name)
			e.input = gen(t)
		} else {
			e.input = []byte(readHostile(t, e.name+".json"))
		}
		entries = append(entries, e)
	}
	require.GreaterOrEqual(t, len(entries), 100)
	return entries
}
