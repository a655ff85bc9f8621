package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
)

// Body is an open body as a JSON value, for building the bodies of the
// corpus and the benchmarks from the typical one.
type Body map[string]any

// LoadBody reads the JSON object in the file at path.
func LoadBody(path string) (Body, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseBody(data)
}

// ParseBody decodes a JSON object, keeping numbers as written.
func ParseBody(data []byte) (Body, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var b Body
	if err := dec.Decode(&b); err != nil {
		return nil, err
	}
	return b, nil
}

// Clone returns a deep copy of b.
func (b Body) Clone() Body {
	c, err := ParseBody(b.JSON())
	if err != nil {
		panic("bench: cloning a body: " + err.Error())
	}
	return c
}

// JSON encodes b, indented, without escaping HTML characters.
func (b Body) JSON() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		panic("bench: encoding a body: " + err.Error())
	}
	return buf.Bytes()
}

// Request returns the request object of b.
func (b Body) Request() map[string]any { return b["request"].(map[string]any) }

// Fields returns the field specs of b's request.
func (b Body) Fields() []any { return b.Request()["fields"].([]any) }

// SetFields replaces the field specs of b's request.
func (b Body) SetFields(fields []any) { b.Request()["fields"] = fields }

// Field returns the field spec at index i.
func (b Body) Field(i int) map[string]any { return b.Fields()[i].(map[string]any) }

// WithFields returns a copy of b that requests n fields: b's own fields in
// turn, each name suffixed with its index so that names stay unique.
func WithFields(b Body, n int) Body {
	c := b.Clone()
	own := c.Fields()
	fields := make([]any, n)
	for i := range fields {
		f := Body(own[i%len(own)].(map[string]any)).Clone()
		f["name"] = f["name"].(string) + "_" + strconv.Itoa(i)
		fields[i] = map[string]any(f)
	}
	c.SetFields(fields)
	return c
}

// WithDetails returns a copy of b whose details are n bytes of markdown:
// lines of text with line breaks.
func WithDetails(b Body, n int) Body {
	c := b.Clone()
	const line = "The state rejected the name **Acme LLC**; send the corrected name.\n"
	c["details"] = strings.Repeat(line, n/len(line)+1)[:n]
	return c
}
