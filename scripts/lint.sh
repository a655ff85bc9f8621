#!/usr/bin/env bash
# Runs the lint gates of the project from the repository root, on a
# machine with only Go installed, and stops at the first failure with a
# non-zero status:
#
#   1. golangci-lint with .golangci.yml, on ./... of every module of the
#      repository (the root and the nested ones: conformance, bench,
#      store/postgres, examples/server);
#   2. govulncheck, on ./... of every module, against a pinned snapshot of the Go
#      vulnerability database (the module golang.org/x/vulndb, served by
#      the module proxy, so that the check needs no other network access
#      and gives the same answer on every run). It fails on a vulnerability
#      that the code reaches in a module the project requires. Those of the
#      standard library depend on the Go release that builds the program,
#      which a library does not choose: they are printed, not gated.
#      Raise VULNDB_VERSION to check against newer reports;
#   3. no line of a non-test .go file wider than 100 columns (a tab counts
#      as 4), unless the line is a single string literal;
#   4. statement coverage of the root package of at least 95 %.
#
# The tools are pinned and installed into a temporary GOBIN that is
# removed on exit, so that nothing on the machine changes.
set -euo pipefail

# golangci-lint v2.15.0 and govulncheck v1.9.0 both build with Go 1.26.
readonly GOLANGCI_LINT_VERSION=v2.15.0
readonly GOVULNCHECK_VERSION=v1.9.0
readonly VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018
readonly MAX_COLUMNS=100
readonly MIN_COVERAGE=95

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() {
	printf '\n==> %s\n' "$*"
}

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT

step "install golangci-lint ${GOLANGCI_LINT_VERSION} and govulncheck ${GOVULNCHECK_VERSION}"
GOBIN="$tools" go install \
	"github.com/golangci/golangci-lint/v2/cmd/golangci-lint@${GOLANGCI_LINT_VERSION}"
GOBIN="$tools" go install "golang.org/x/vuln/cmd/govulncheck@${GOVULNCHECK_VERSION}"

root=$(pwd)
# The modules, root first: each folder that holds a go.mod.
mapfile -t modules < <(find . -name go.mod ! -path '*/testdata/*' -printf '%h\n' | sort)

for m in "${modules[@]}"; do
	step "golangci-lint run ./... in ${m}"
	(cd "$m" && "$tools/golangci-lint" run --config "$root/.golangci.yml" ./...)
done

step "govulncheck (vulnerability database ${VULNDB_VERSION})"
GOBIN="$tools" go install "golang.org/x/vulndb/cmd/indexdb@${VULNDB_VERSION}"
vulndb=$(go mod download -json "golang.org/x/vulndb@${VULNDB_VERSION}" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
"$tools/indexdb" -vulns "$vulndb/data/osv" -out "$tools/vulndb"
for m in "${modules[@]}"; do
	step "govulncheck ./... in ${m}"
	status=0
	(cd "$m" && "$tools/govulncheck" -db "file://$tools/vulndb" ./...) >"$tools/vuln.txt" ||
		status=$?
	cat "$tools/vuln.txt"
	# govulncheck exits 3 when it finds a reachable vulnerability, and
	# otherwise non-zero only when it could not scan.
	if ((status != 0 && status != 3)); then
		exit "$status"
	fi
	# A standard-library finding names a version such as go1.26.8.
	if grep -E '^[[:space:]]+Found in: ' "$tools/vuln.txt" | grep -v '@go[0-9]'; then
		echo "${m}: the code reaches a vulnerability in a required module" >&2
		exit 1
	fi
done

step "no non-test .go line wider than ${MAX_COLUMNS} columns"
# A line made of one string literal (with at most a trailing ',', '+' or
# ')') cannot be wrapped without changing what it says; it may be wider.
# Widths count characters, not bytes.
export LC_ALL=C.UTF-8
literal='^[[:space:]]*("([^"\\]|\\.)*"|`[^`]*`)[,+)]*$'
wide=0
while IFS= read -r -d '' file; do
	n=0
	while IFS= read -r line || [[ -n "$line" ]]; do
		n=$((n + 1))
		if ((${#line} > MAX_COLUMNS)) && ! [[ $line =~ $literal ]]; then
			echo "${file#./}:${n}: ${#line} columns" >&2
			wide=$((wide + 1))
		fi
	done < <(expand -t 4 "$file")
done < <(find . -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*' -print0 | sort -z)
if ((wide > 0)); then
	echo "${wide} lines are wider than ${MAX_COLUMNS} columns" >&2
	exit 1
fi

step "statement coverage of the root package (at least ${MIN_COVERAGE} %)"
go test -count=1 -coverprofile="$tools/cover.out" . >/dev/null
total=$(go tool cover -func="$tools/cover.out" | awk '/^total:/ { sub(/%/, "", $3); print $3 }')
echo "coverage: ${total} %"
if ! awk -v got="$total" -v min="$MIN_COVERAGE" 'BEGIN { exit !(got >= min) }'; then
	echo "coverage ${total} % is below ${MIN_COVERAGE} %" >&2
	exit 1
fi

step "all lint gates passed"
