#!/usr/bin/env bash
# Runs every test project and ends with one plain line: "tests: N passed, N failed",
# after the names of the failing tests, so the last lines of a long log say what failed.
# Exits non-zero if any project fails to build or has a failing test.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0 status=0
failures=()
for project in $(find tests -name '*.Tests.csproj' | sort); do
  echo "== $project"
  log=$(mktemp)
  # Quiet build, but every failing test with its message and stack trace.
  dotnet test "$project" --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=$rc
  summary=$(grep -E '(Passed|Failed)!.*Failed: *[0-9]+, Passed: *[0-9]+' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "run-tests: $project produced no test summary" >&2
    status=1
  else
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$summary")))
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+),.*/\1/' <<<"$summary")))
  fi
  while IFS= read -r name; do failures+=("$project: $name"); done \
    < <(sed -nE 's/^ *Failed ([^ ].*) \[[^]]*\]$/\1/p' "$log")
  rm -f "$log"
done
for failure in "${failures[@]}"; do echo "failed: $failure"; done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
