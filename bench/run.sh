#!/usr/bin/env bash
# Runs the open-body benchmarks of every approach interleaved: in each
# round every approach runs once, starting one further along each round,
# so that the noise of a shared machine falls on all of them alike. Then
# prints the medians and the ratios to plain encoding/json as Markdown.
#
#   bench/run.sh                      # 10 rounds of 1s per benchmark
#   ROUNDS=15 BENCHTIME=2s bench/run.sh
#
# The raw go test output is kept in RAW (default: bench/RESULTS.raw.txt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly ROUNDS=${ROUNDS:-10}
readonly BENCHTIME=${BENCHTIME:-1s}
readonly RAW=${RAW:-RESULTS.raw.txt}
readonly approaches=(json_unmarshal json_validator gojson_validator santhosh_jsonschema
	gojsonschema kin_openapi cases)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .

: >"$RAW"
n=${#approaches[@]}
for ((round = 0; round < ROUNDS; round++)); do
	echo "round $((round + 1)) of $ROUNDS" >&2
	for ((i = 0; i < n; i++)); do
		a=${approaches[$(((round + i) % n))]}
		"$tmp/bench.test" -test.run '^$' -test.bench "^BenchmarkOpen\$/^${a}\$/" \
			-test.count 1 -test.benchmem -test.benchtime "$BENCHTIME" >>"$RAW"
	done
done
go run ./cmd/benchtable <"$RAW"
