// Package bench compares the strict decoder of package cases with the
// validators a Go service would otherwise put in front of an open-case
// body: an OpenAPI 3 request validator (kin-openapi), two JSON Schema
// validators (santhosh-tekuri/jsonschema and gojsonschema), and
// encoding/json or goccy/go-json with validator tags. Plain encoding/json
// decoding, which checks nothing, is the floor.
//
// It is a module of its own, so that package cases never depends on the
// peers. The rules the peers check are written by hand in testdata:
// openapi.json, open.schema.json and the tags of this package's openBody.
// The corpus test proves that every approach accepts and refuses the same
// bodies, except for the rules a peer cannot express, which it lists with
// reasons; the benchmarks then compare equal work. run.sh runs the
// benchmarks interleaved and prints the table of RESULTS.md.
package bench
