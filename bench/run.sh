#!/usr/bin/env bash
# Gazette against Hugo on the shared generated corpus, alternating runs on the same machine.
# Prints the median wall time and peak memory of each, and the ratios, for each corpus size.
#   bench/run.sh [SIZES] [RUNS]        e.g. bench/run.sh "1000 10000" 5
# Needs python3, /usr/bin/time (Debian: time) and hugo (apt-get install -y hugo).
# BENCH_DIR holds the corpora and sites (default /tmp/gazette-bench); BENCH_OUT is where both
# tools write their output (default: BENCH_DIR). BENCH_OUT=/dev/shm measures the tools without
# the disk: on a journal-less ext4 (this VM's), creating files right after deleting the previous
# output costs time that grows with the square of the number of files, the same for both tools.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000}
runs=${2:-5}
shared=$(cd .. && pwd)/shared/bench
work=${BENCH_DIR:-/tmp/gazette-bench}
out=${BENCH_OUT:-$work}
mkdir -p "$work" "$out"

command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }

# The CLI as authors get it from build.ps1: native when clang is present, else on the runtime.
dotnet tool restore >/dev/null
read -r -a cli <<< "$(dotnet pwsh ./build.ps1 compile | tail -n 1)"
echo "Gazette CLI: ${cli[*]}"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for n in $sizes; do
  corpus="$work/corpus-$n"
  [ -d "$corpus/content" ] || python3 "$shared/gen_corpus.py" "$n" "$corpus" 42 >/dev/null
  site="$work/gazette-$n"
  rm -rf "$site" && mkdir -p "$site"
  cp -r themes "$site/themes"
  ln -s "$corpus/content" "$site/content"
  # Hugo writes no search index: the comparison leaves Gazette's off (bench/search.sh measures it).
  printf 'title: Bench\nbase_url: https://bench.example.org/\npagination: 20\npermalinks:\n  article: /posts/{year}/{slug}/\nsearch:\n  enabled: false\n' > "$site/site.yml"
  hugo_site="$work/hugo-$n"
  rm -rf "$hugo_site" && cp -r "$shared/hugo-site" "$hugo_site" && ln -s "$corpus/content" "$hugo_site/content"

  : > "$work/g-$n.txt"; : > "$work/h-$n.txt"
  for r in $(seq "$runs"); do
    rm -rf "$out/hugo-out-$n" "$out/gazette-out-$n"
    /usr/bin/time -f "%e %M" -a -o "$work/h-$n.txt" hugo --quiet -s "$hugo_site" -d "$out/hugo-out-$n" >/dev/null
    /usr/bin/time -f "%e %M" -a -o "$work/g-$n.txt" "${cli[@]}" build --quiet --source "$site" --output "$out/gazette-out-$n" >/dev/null
  done

  g_time=$(cut -d' ' -f1 "$work/g-$n.txt" | median); g_mem=$(cut -d' ' -f2 "$work/g-$n.txt" | median)
  h_time=$(cut -d' ' -f1 "$work/h-$n.txt" | median); h_mem=$(cut -d' ' -f2 "$work/h-$n.txt" | median)
  pages=$(find "$out/gazette-out-$n" -name '*.html' | wc -l)
  rm -rf "$out/hugo-out-$n" "$out/gazette-out-$n"
  awk -v n="$n" -v gt="$g_time" -v gm="$g_mem" -v ht="$h_time" -v hm="$h_mem" -v p="$pages" -v r="$runs" 'BEGIN {
    printf "%6d articles (%d Gazette pages), median of %d: Gazette %.2f s %4.0f MiB | Hugo %.2f s %4.0f MiB | time ratio %.2f, memory ratio %.2f\n",
      n, p, r, gt, gm/1024, ht, hm/1024, gt/ht, gm/hm }'
done
