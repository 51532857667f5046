#!/usr/bin/env bash
# Runs the test projects and ends with one plain line: "tests: N passed, N failed",
# after the names of the failing tests, so the last lines of a long log say what failed.
# Exits non-zero if any project fails to build, has no test run, or has a failing test.
#   run-tests.sh                               every test project, one after the other; then, when
#                                              artifacts/bootstrap-portable exists, the conformance suite again on it
#   run-tests.sh --filter EXPR DIR...          the tests EXPR selects (say Tier=Unit) in the projects in DIR...,
#                                              built in one go and run side by side: the fast tier's way
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0 status=0
failures=()

# Adds up the test summaries in a log (one per test assembly) and collects the failing tests' names.
# $1: the log; $2: how many summaries it must hold; $3: what ran, for messages.
tally() {
  local summaries
  summaries=$(grep -E '(Passed|Failed)!.*Failed: *[0-9]+, Passed: *[0-9]+' "$1")
  if [ "$(grep -c . <<<"$summaries")" -lt "$2" ]; then
    echo "run-tests: $3 produced $(grep -c . <<<"$summaries") of $2 test summaries" >&2
    status=1
  fi
  while IFS= read -r summary; do
    [ -n "$summary" ] || continue
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$summary")))
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+),.*/\1/' <<<"$summary")))
  done <<<"$summaries"
  while IFS= read -r name; do failures+=("$3: $name"); done \
    < <(sed -nE 's/^ *Failed ([^ ].*) \[[^]]*\]$/\1/p' "$1")
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ "${1:-}" = "--filter" ]; then
  filter=$2
  shift 2
  projects=$(for dir in "$@"; do find "$dir" -maxdepth 1 -name '*.Tests.csproj'; done | sort -u)
  # One solution filter over the chosen projects: one build of what they share, then their test runs in parallel.
  slnf=$(mktemp --suffix=.slnf)
  trap 'rm -f "$log" "$slnf"' EXIT
  printf '{ "solution": { "path": "%s", "projects": [%s] } }\n' "$PWD/Bootstrap.sln" \
    "$(sed 's/.*/"&"/' <<<"$projects" | paste -sd,)" >"$slnf"
  echo "== $(wc -l <<<"$projects") projects, $filter"
  dotnet test "$slnf" --filter "$filter" --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=$rc
  tally "$log" "$(wc -l <<<"$projects")" "$filter"
else
  for project in $(find tests -name '*.Tests.csproj' | sort); do
    echo "== $project"
    # Quiet build, but every failing test with its message and stack trace.
    dotnet test "$project" --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] || status=$rc
    tally "$log" 1 "$project"
  done
  # The runtime's conformance suite once more, on the portable build (managed sockets): both transports must pass it.
  if [ -x artifacts/bootstrap-portable ]; then
    for project in tests/Bootstrap.EndToEnd.Tests/Bootstrap.EndToEnd.Tests.csproj tests/Bootstrap.Reliability.Tests/Bootstrap.Reliability.Tests.csproj; do
      echo "== $project, Suite=Conformance on artifacts/bootstrap-portable"
      BOOTSTRAP_HOST_UNDER_TEST=artifacts/bootstrap-portable dotnet test "$project" --no-build --filter Suite=Conformance \
        --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
      rc=${PIPESTATUS[0]}
      [ "$rc" -eq 0 ] || status=$rc
      tally "$log" 1 "$project (portable)"
    done
  fi
fi
for failure in "${failures[@]}"; do echo "failed: $failure"; done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
