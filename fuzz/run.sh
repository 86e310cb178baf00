#!/usr/bin/env bash
# Fuzzes the front matter reader and our Markdig extensions with AFL++ through SharpFuzz for a
# bounded time, then fails if AFL recorded a crash or a hang. Crashing inputs are left in
# $FUZZ_OUT/default/crashes: add each one as a regression test before fixing it.
#   fuzz/run.sh [SECONDS]          (default 120)
# Needs afl++ (Debian: apt-get install -y afl++) and the repo's tools (dotnet tool restore).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
out=${FUZZ_OUT:-$(mktemp -d)/fuzz-out}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install -y afl++" >&2; exit 1; }

dotnet tool restore >/dev/null
build_log=$(mktemp)
dotnet build fuzz/Gazette.Fuzz -c Release --nologo -v quiet -clp:ErrorsOnly >"$build_log" 2>&1 || {
  echo "the fuzzing harness does not build:" >&2; cat "$build_log" >&2; exit 1; }
bin=fuzz/Gazette.Fuzz/bin/Release/net10.0
# Instrument the code under test so AFL sees which branches each input takes.
for dll in Gazette.dll YamlDotNet.dll Markdig.dll; do
  dotnet sharpfuzz "$bin/$dll" >/dev/null
done

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 AFL_QUIET=1
afl-fuzz -i fuzz/seeds -o "$out" -t 10000 -m none -V "$seconds" -- dotnet "$bin/Gazette.Fuzz.dll" >"$out.log" 2>&1 || {
  echo "afl-fuzz failed:" >&2; tail -20 "$out.log" >&2; exit 1; }

stats="$out/default/fuzzer_stats"
execs=$(awk -F: '/^execs_done/ {gsub(/ /, "", $2); print $2}' "$stats")
crashes=$(find "$out/default/crashes" -type f ! -name README.txt | wc -l)
hangs=$(find "$out/default/hangs" -type f | wc -l)
echo "fuzzed for ${seconds} s: ${execs} executions, ${crashes} crashes, ${hangs} hangs (inputs in $out)"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
