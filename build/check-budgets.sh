#!/usr/bin/env bash
# The default bootstrap's run-time budget, checked on every `make test`: peak RSS while serving echo (Max Memory Used
# of the emulator's REPORT lines). Its size budget is BootstrapMaxBytes in src/Bootstrap.Host, checked when it is built.
# Usage: check-budgets.sh BOOTSTRAP EMULATOR_DLL [MAX_RSS_MB]
set -euo pipefail
cd "$(dirname "$0")/.."

bootstrap=${1:?usage: check-budgets.sh BOOTSTRAP EMULATOR_DLL [MAX_RSS_MB]}
emulator=${2:?usage: check-budgets.sh BOOTSTRAP EMULATOR_DLL [MAX_RSS_MB]}
max_rss_mb=${3:-8}

# Twenty echo invocations on one process; the last REPORT has the peak over all of them.
events=()
for _ in $(seq 20); do events+=(--event events/echo.json); done
output=$(dotnet "$emulator" --bootstrap "$bootstrap" --handler echo "${events[@]}")
peak=$(grep -o 'Max Memory Used: [0-9]* MB' <<<"$output" | tail -n 1 | grep -o '[0-9]*' || true)
if [ -z "$peak" ]; then
  echo "check-budgets: no REPORT line with Max Memory Used from the emulator:" >&2
  echo "$output" >&2
  exit 1
fi
if [ "$peak" -gt "$max_rss_mb" ]; then
  echo "check-budgets: peak RSS serving echo is $peak MB, over the budget of $max_rss_mb MB" >&2
  exit 1
fi
echo "check-budgets: $bootstrap: $(stat -c %s "$bootstrap") bytes, peak RSS serving echo $peak MB (budget $max_rss_mb MB)"
