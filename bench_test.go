package cases

import (
	"encoding/json"
	"os"
	"testing"
	"time"
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
