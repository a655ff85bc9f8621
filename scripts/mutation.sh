#!/usr/bin/env bash
# Runs mutation testing with gremlins on the package cases (the module
# root) and on the HTTP handler, casehttp, from a machine with only Go
# installed.
#
# gremlins changes the files it mutates in place, one mutant at a time,
# in copies of the module it makes itself; so that the working tree is
# never touched, the script first copies the tracked files of the
# repository into a temporary directory and runs gremlins there. For each
# target it gathers coverage once, then runs `go test` of the mutated
# package for every mutant its tests cover.
#
# Usage: scripts/mutation.sh [TARGET...]
#   TARGET is root or casehttp (default: both).
#   THRESHOLD (default 90) is the efficacy below which the run fails;
#   WORKERS (default 1) is the number of mutants tested at once;
#   OUTPUT, when set, is a directory that receives TARGET.json (gremlins'
#   machine-readable results) and TARGET.txt (its report) for each target.
# The mutants judged equivalent are listed in scripts/mutation-equivalent.md.
set -euo pipefail

# gremlins v0.6.0 builds with Go 1.26 (it needs Go 1.25).
readonly GREMLINS_VERSION=v0.6.0
readonly THRESHOLD=${THRESHOLD:-90}
readonly WORKERS=${WORKERS:-1}
# A mutant's tests may take this many times as long as the unmutated
# tests took to gather coverage before they count as timed out. Coverage
# is gathered with -count=1 (never from the test cache), so the base is
# a real run; 10 leaves room for a busy machine without letting a mutant
# that loops forever hold a worker for long.
readonly TIMEOUT_COEFFICIENT=${TIMEOUT_COEFFICIENT:-10}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
targets=("$@")
if ((${#targets[@]} == 0)); then
	targets=(root casehttp)
fi

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

GOBIN="$work/bin" go install "github.com/go-gremlins/gremlins/cmd/gremlins@${GREMLINS_VERSION}"

repo="$work/repo"
mkdir -p "$repo"
git ls-files -z | xargs -0 cp --parents -t "$repo"

# The coverage run must not come from the test cache, or its time, the
# base of every mutant's timeout, is near zero.
export GOFLAGS=-count=1

status=0
for target in "${targets[@]}"; do
	case "$target" in
	root)
		# Only the files of the module root are mutated: a path with a
		# slash is in a subpackage.
		dir=$repo
		exclude=(--exclude-files '/')
		;;
	casehttp)
		# storetest is the contract suite for stores, test code itself.
		dir=$repo/casehttp
		exclude=(--exclude-files '^storetest/')
		;;
	*)
		echo "unknown target ${target}: want root or casehttp" >&2
		exit 2
		;;
	esac
	printf '\n==> gremlins unleash (%s)\n' "$target"
	args=(
		unleash
		--workers "$WORKERS"
		--timeout-coefficient "$TIMEOUT_COEFFICIENT"
		--threshold-efficacy "$THRESHOLD"
		"${exclude[@]}"
		--output "$work/$target.json"
	)
	s=0
	(cd "$dir" && "$work/bin/gremlins" "${args[@]}") | tee "$work/$target.txt" || s=$?
	if [[ -n "${OUTPUT:-}" ]]; then
		out=$OUTPUT
		[[ $out = /* ]] || out=$root/$out
		mkdir -p "$out"
		cp "$work/$target.json" "$work/$target.txt" "$out/" 2>/dev/null || true
	fi
	if ((s != 0)); then
		status=$s
	fi
done
exit "$status"
