package cases

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecFuzzSeeds returns the bodies of the decoding tests' tables, with
// the events and cases the library builds.
func codecFuzzSeeds() []string {
	seeds := codecAllBodies()
	for _, tc := range codecEventProblems() {
		seeds = append(seeds, tc.body)
	}
	answered, _ := codecAnswered()
	for _, c := range []*Case{codecOpened(), answered, codecResolved(), codecRA()} {
		seeds = append(seeds, codecText(c))
	}
	return seeds
}

// codecCheckFailure checks the error of a decoder that refused its input:
// an *Error wrapping ErrInvalid, with items that each have a code and a
// JSON Pointer, in sorted order.
func codecCheckFailure(t *testing.T, err error) {
	t.Helper()
	var e *Error
	require.ErrorAs(t, err, &e)
	require.NotEmpty(t, e.Items)
	assert.ErrorIs(t, err, ErrInvalid)
	for _, it := range e.Items {
		assert.NotEmpty(t, it.Code)
		assert.True(t, it.Pointer == "" || strings.HasPrefix(it.Pointer, "/"), it.Pointer)
		assert.True(t, utf8.ValidString(it.Pointer), it.Pointer)
	}
	sorted := slices.Clone(e.Items)
	sortItems(sorted)
	assert.Equal(t, sorted, e.Items)
}

// codecCheckDecoded checks what holds whenever a decoder accepts data: it
// is JSON, and the decoder left it unchanged.
func codecCheckDecoded(t *testing.T, data, before []byte) {
	t.Helper()
	require.Equal(t, before, data, "the decoder changed its input")
	assert.True(t, json.Valid(data), "accepted text that is not JSON: %q", data)
}

func FuzzDecodeOpen(f *testing.F) {
	for _, s := range codecFuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := bytes.Clone(data)
		o, err := codecStrict.Open(data)
		require.Equal(t, before, data, "the decoder changed its input")
		if err != nil {
			codecCheckFailure(t, err)
			return
		}
		codecCheckDecoded(t, data, before)

		first, err := o.MarshalJSON()
		require.NoError(t, err)
		again, err := codecStrict.Open(first)
		require.NoError(t, err, "%s", first)
		if o.Metadata == nil {
			o.Metadata = Metadata{}
		}
		assert.Equal(t, o, again)
		second, err := again.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(first), string(second))

		// What strict decoding accepts, lenient decoding reads alike.
		l, err := codecLenient.Open(data)
		require.NoError(t, err)
		if l.Metadata == nil {
			l.Metadata = Metadata{}
		}
		assert.Equal(t, o, l)
	})
}

func FuzzDecodeUpdate(f *testing.F) {
	for _, s := range codecFuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := bytes.Clone(data)
		u, err := codecStrict.Update(data)
		require.Equal(t, before, data, "the decoder changed its input")
		if err != nil {
			codecCheckFailure(t, err)
			return
		}
		codecCheckDecoded(t, data, before)

		first, err := u.MarshalJSON()
		require.NoError(t, err)
		again, err := codecStrict.Update(first)
		require.NoError(t, err, "%s", first)
		assert.Equal(t, u, again)

		l, err := codecLenient.Update(data)
		require.NoError(t, err)
		assert.Equal(t, u, l)
	})
}

func FuzzDecodeResponse(f *testing.F) {
	kinds := []Kind{KindMissingInformation, KindRATermination, "new_kind"}
	for _, s := range codecFuzzSeeds() {
		for _, k := range kinds {
			f.Add(string(k), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		before := bytes.Clone(data)
		p, err := codecStrict.Response(Kind(kind), data)
		require.Equal(t, before, data, "the decoder changed its input")
		if err != nil {
			codecCheckFailure(t, err)
			return
		}
		codecCheckDecoded(t, data, before)
		require.NotNil(t, p)

		first, err := p.MarshalJSON()
		require.NoError(t, err)
		again, err := codecStrict.Response(Kind(kind), first)
		require.NoError(t, err, "%s", first)
		assert.Equal(t, p, again)
		second, err := again.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(first), string(second))

		l, err := codecLenient.Response(Kind(kind), data)
		require.NoError(t, err)
		assert.Equal(t, p, l)
	})
}

func FuzzDecodeCaseLenient(f *testing.F) {
	for _, s := range codecFuzzSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := bytes.Clone(data)
		c, err := codecLenient.Case(data)
		require.Equal(t, before, data, "the decoder changed its input")
		if err != nil {
			codecCheckFailure(t, err)
			return
		}
		codecCheckDecoded(t, data, before)

		first, err := c.MarshalJSON()
		require.NoError(t, err)
		require.True(t, json.Valid(first), "%q", first)
		again, err := codecLenient.Case(first)
		require.NoError(t, err, "%s", first)
		if c.Metadata == nil {
			c.Metadata = Metadata{}
		}
		assert.Equal(t, c, again)
		second, err := again.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(first), string(second))

		// A case that strict decoding accepts is one that lenient decoding
		// reads alike.
		if s, err := codecStrict.Case(data); err == nil {
			if s.Metadata == nil {
				s.Metadata = Metadata{}
			}
			assert.Equal(t, c, s)
		} else {
			codecCheckFailure(t, err)
		}
	})
}
