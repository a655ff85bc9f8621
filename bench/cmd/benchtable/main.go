// Command benchtable reads the output of go test -bench, run any number of
// times, and prints Markdown tables of the medians: the time per body with
// its ratio to a floor approach, and the allocations per body. It expects
// benchmark names of the form BenchmarkOpen/APPROACH/BODY-PROCS.
//
// The ratio is the median of the per-round ratios: the n-th result of an
// approach divided by the n-th result of the floor on the same body, which
// run.sh measured in the same round. On a machine whose load drifts, that
// is steadier than a ratio of medians taken from different rounds.
//
//	go test -run '^$' -bench Open -count 10 -benchmem | go run ./cmd/benchtable
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

// sample is one benchmark result line.
type sample struct {
	ns, bytes, allocs float64
}

// results holds the samples by approach and body, and the order in which
// both were first seen.
type results struct {
	approaches, bodies []string
	samples            map[[2]string][]sample
}

func main() {
	floor := flag.String("floor", "json_unmarshal", "the approach that ratios divide by")
	flag.Parse()
	r, err := parse(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	if len(r.samples) == 0 {
		log.Fatal("benchtable: no BenchmarkOpen results in the input")
	}
	r.print(os.Stdout, *floor)
}

// parse reads benchmark lines and skips every other line.
func parse(in io.Reader) (*results, error) {
	r := &results{samples: map[[2]string][]sample{}}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkOpen/") {
			continue
		}
		parts := strings.Split(f[0], "/")
		if len(parts) != 3 {
			continue
		}
		approach, body := parts[1], parts[2]
		if i := strings.LastIndexByte(body, '-'); i > 0 {
			body = body[:i]
		}
		s, ok := parseSample(f[2:])
		if !ok {
			continue
		}
		if !slices.Contains(r.approaches, approach) {
			r.approaches = append(r.approaches, approach)
		}
		if !slices.Contains(r.bodies, body) {
			r.bodies = append(r.bodies, body)
		}
		key := [2]string{approach, body}
		r.samples[key] = append(r.samples[key], s)
	}
	return r, sc.Err()
}

// parseSample reads the value-unit pairs after the iteration count.
func parseSample(f []string) (sample, bool) {
	var s sample
	seen := false
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return s, false
		}
		switch f[i+1] {
		case "ns/op":
			s.ns, seen = v, true
		case "B/op":
			s.bytes = v
		case "allocs/op":
			s.allocs = v
		}
	}
	return s, seen
}

// median returns the median of the values that get picks from samples.
func median(samples []sample, get func(sample) float64) float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		v[i] = get(s)
	}
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// roundRatio returns the median of the ratios of the samples of s to the
// samples of floor taken in the same round; it needs as many of each.
func roundRatio(s, floor []sample) (float64, bool) {
	if len(s) == 0 || len(s) != len(floor) {
		return 0, false
	}
	ratios := make([]sample, len(s))
	for i := range s {
		ratios[i].ns = s[i].ns / floor[i].ns
	}
	return median(ratios, ns), true
}

func ns(s sample) float64     { return s.ns }
func bytes(s sample) float64  { return s.bytes }
func allocs(s sample) float64 { return s.allocs }

// print writes the two tables.
func (r *results) print(w io.Writer, floor string) {
	head := "| approach | " + strings.Join(r.bodies, " | ") + " |\n|---" +
		strings.Repeat("|---:", len(r.bodies)) + "|\n"
	fmt.Fprintf(w, "Time per body: median µs per operation (median of the per-round "+
		"ratios to %s).\n\n", floor)
	fmt.Fprint(w, head)
	for _, a := range r.approaches {
		fmt.Fprintf(w, "| %s |", a)
		for _, b := range r.bodies {
			s := r.samples[[2]string{a, b}]
			if len(s) == 0 {
				fmt.Fprint(w, " - |")
				continue
			}
			cell := fmt.Sprintf(" %.1f", median(s, ns)/1000)
			if ratio, ok := roundRatio(s, r.samples[[2]string{floor, b}]); ok {
				cell += fmt.Sprintf(" (%.2f)", ratio)
			}
			fmt.Fprintf(w, "%s |", cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "\nAllocations per body: median allocs/op (median B/op).\n\n")
	fmt.Fprint(w, head)
	for _, a := range r.approaches {
		fmt.Fprintf(w, "| %s |", a)
		for _, b := range r.bodies {
			s := r.samples[[2]string{a, b}]
			if len(s) == 0 {
				fmt.Fprint(w, " - |")
				continue
			}
			fmt.Fprintf(w, " %.0f (%.0f) |", median(s, allocs), median(s, bytes))
		}
		fmt.Fprintln(w)
	}
	n := 0
	for _, s := range r.samples {
		n = max(n, len(s))
	}
	fmt.Fprintf(w, "\nSamples (rounds) per cell: up to %d.\n", n)
}
