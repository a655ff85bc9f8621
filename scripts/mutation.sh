#!/usr/bin/env bash
# Runs mutation testing with gremlins on the root package of the module
# (package cases), from a machine with only Go installed.
#
# gremlins mutates every package under the directory it runs in and needs
# a passing test suite to start. So that only the root package is mutated,
# and the other packages' tests cost nothing, the script copies the root
# package (the files at the root, README.md included, and testdata/) into a temporary
# module and runs gremlins there; the working tree is never touched.
#
# Usage: scripts/mutation.sh [extra gremlins flags]
#   THRESHOLD (default 90) is the efficacy below which the run fails;
#   WORKERS (default 1) is the number of mutants tested at once.
#   The machine-readable results are written to $OUTPUT when it is set.
set -euo pipefail

# gremlins v0.6.0 builds with Go 1.26 (it needs Go 1.25).
readonly GREMLINS_VERSION=v0.6.0
readonly THRESHOLD=${THRESHOLD:-90}
readonly WORKERS=${WORKERS:-1}
# A mutant's tests may take this many times as long as the unmutated
# suite took to gather coverage before they count as timed out. The suite
# is short and the machine may be busy: 3 leaves room without letting a
# mutant that loops forever hold a worker for long.
readonly TIMEOUT_COEFFICIENT=${TIMEOUT_COEFFICIENT:-3}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

GOBIN="$work/bin" go install "github.com/go-gremlins/gremlins/cmd/gremlins@${GREMLINS_VERSION}"

mod="$work/mod"
mkdir -p "$mod"
find . -maxdepth 1 -type f ! -name '.*' -exec cp {} "$mod/" \;
if [[ -d testdata ]]; then
	cp -R testdata "$mod/"
fi

args=(
	unleash
	--workers "$WORKERS"
	--timeout-coefficient "$TIMEOUT_COEFFICIENT"
	--threshold-efficacy "$THRESHOLD"
)
if [[ -n "${OUTPUT:-}" ]]; then
	args+=(--output "$work/results.json")
fi
cd "$mod"
status=0
"$work/bin/gremlins" "${args[@]}" "$@" || status=$?
if [[ -n "${OUTPUT:-}" && -f "$work/results.json" ]]; then
	cp "$work/results.json" "$root/${OUTPUT#"$root"/}" 2>/dev/null || cp "$work/results.json" "$OUTPUT"
fi
exit "$status"
