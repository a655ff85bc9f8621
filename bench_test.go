package cases

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// plainOpen mirrors OpenRequest with a concrete request type, so that
// encoding/json can decode an open body into it: the floor that strict
// decoding is measured against.
type plainOpen struct {
	ParentType ParentType                `json:"parent_type"`
	ParentID   string                    `json:"parent_id"`
	Kind       Kind                      `json:"kind"`
	Status     Status                    `json:"status"`
	Summary    string                    `json:"summary"`
	Details    *string                   `json:"details"`
	Request    MissingInformationRequest `json:"request"`
	DueAt      *time.Time                `json:"due_at"`
	Metadata   Metadata                  `json:"metadata"`
}

func readTestdata(b testing.TB, name string) []byte {
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkOpenBody(b *testing.B) {
	body := readTestdata(b, "open_typical.json")
	b.Run("encoding_json_unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var o plainOpen
			if err := json.Unmarshal(body, &o); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("strict_decode_validate", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := (Decoder{}).Open(body); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBenchmarkInputs pins what the benchmarks measure: the typical body is
// valid, and its twin has exactly five problems.
func TestBenchmarkInputs(t *testing.T) {
	_, err := Decoder{}.Open(readTestdata(t, "open_typical.json"))
	require.NoError(t, err)
	_, err = Decoder{}.Open(readTestdata(t, "open_five_problems.json"))
	assertInvalid(t, err,
		at{"/due_at", CodeInvalidFormat},
		at{"/metadata/customer[tier]", CodeInvalidFormat},
		at{"/parent_id", CodeInvalidFormat},
		at{"/parent_type", CodeUnknownValue},
		at{"/request/fields/2/name", CodeInvalidFormat},
	)
}

func BenchmarkOpenBodyFiveProblems(b *testing.B) {
	body := readTestdata(b, "open_five_problems.json")
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		_, err := Decoder{}.Open(body)
		if p := ProblemFor(err); len(p.Errors) != 5 {
			b.Fatalf("got %d problems, want 5", len(p.Errors))
		}
	}
}

// benchCase returns a stored case that asks for n fields and holds the
// answers to all of them, in under_review.
func benchCase(b testing.TB, n int) (*Case, *MissingInformationResponse) {
	o := validOpen()
	specs := make([]FieldSpec, n)
	answers := map[string]any{}
	types := []FieldType{FieldString, FieldEmail, FieldInteger, FieldDate, FieldPhone}
	values := []any{"Acme Holdings LLC", "ops@example.com", json.Number("42"), "2026-03-01",
		"+14155550100"}
	for i := range specs {
		name := "field_" + strconv.Itoa(i)
		specs[i] = FieldSpec{Name: name, Type: types[i%len(types)],
			Description: "Field number " + strconv.Itoa(i) + ".", Required: true}
		answers[name] = values[i%len(values)]
	}
	o.Request = &MissingInformationRequest{Fields: specs}
	c, _, err := Open(o, testEnv(t0))
	require.NoError(b, err)
	return c, &MissingInformationResponse{Fields: answers}
}

func BenchmarkValidateStoredCase(b *testing.B) {
	c, resp := benchCase(b, 10)
	c, _, err := Respond(c, resp, testEnv(t0.Add(time.Hour)))
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRespondTenFields(b *testing.B) {
	c, resp := benchCase(b, 10)
	env := testEnv(t0.Add(time.Hour))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Respond(c, resp, env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUpdate(b *testing.B) {
	c, _ := benchCase(b, 3)
	status := StatusUnderReview
	u := &UpdateRequest{
		Status:   &status,
		Summary:  ptr("The filing is under review."),
		Metadata: map[string]*string{"reviewer": ptr("ops_7")},
	}
	env := testEnv(t0.Add(time.Hour))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Update(c, u, env); err != nil {
			b.Fatal(err)
		}
	}
}
