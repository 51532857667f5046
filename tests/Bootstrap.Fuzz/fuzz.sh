#!/usr/bin/env bash
# `make fuzz`: a time-bounded AFL++ campaign on the runtime's response reader (head parser, fixed and chunked
# bodies), instrumented with SharpFuzz, from the committed seed corpus of real Runtime API replies.
# FUZZ_SECONDS sets the length (default 600). Exits non-zero when it finds a crash or a hang; each finding is kept
# in artifacts/fuzz/new-findings/ and belongs in tests/Bootstrap.Fuzz/regressions/ with a unit test.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-600}
out=artifacts/fuzz
if ! command -v afl-fuzz >/dev/null; then
  # A clean machine: install it where we may (root with apt), else say what is missing.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "make fuzz: installing AFL++ (Debian package afl++)"
    apt-get update -q >/dev/null && apt-get install -y -q afl++ >/dev/null
  else
    echo "make fuzz: needs AFL++ (Debian: apt-get install afl++)" >&2
    exit 2
  fi
fi

dotnet tool restore >/dev/null
# A fresh output each time: SharpFuzz instruments the runtime's assembly in place, and only once.
rm -rf "$out/bin" "$out/findings" "$out/new-findings"
dotnet build tests/Bootstrap.Fuzz -c Release -o "$out/bin" --nologo -v quiet -clp:NoSummary
dotnet sharpfuzz "$out/bin/LambdaBootstrap.Runtime.dll" LambdaBootstrap.Runtime.Http

echo "fuzz: ${seconds} s of AFL++ on the response reader, from $(ls tests/Bootstrap.Fuzz/corpus | wc -l) seed replies"
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -i tests/Bootstrap.Fuzz/corpus -x tests/Bootstrap.Fuzz/http.dict -o "$out/findings" -t 5000 -m none -V "$seconds" \
  -- dotnet "$out/bin/Bootstrap.Fuzz.dll" > "$out/afl.log" 2>&1 || { tail -n 20 "$out/afl.log"; exit 1; }

stats="$out/findings/default/fuzzer_stats"
value() { sed -n "s/^$1 *: *//p" "$stats"; }
echo "fuzz: $(value execs_done) inputs in $(value run_time) s, $(value corpus_count) paths, $(value saved_crashes) crashes, $(value saved_hangs) hangs"
found=0
for kind in crashes hangs; do
  for file in "$out/findings/default/$kind"/id:*; do
    [ -e "$file" ] || continue
    mkdir -p "$out/new-findings"
    cp "$file" "$out/new-findings/$kind-$(basename "$file" | cut -d, -f1 | tr -d :)"
    found=$((found + 1))
  done
done
if [ "$found" -gt 0 ]; then
  echo "fuzz: $found finding(s) in $out/new-findings/: add each to tests/Bootstrap.Fuzz/regressions/ with a unit test" >&2
  exit 1
fi
