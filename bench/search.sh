#!/usr/bin/env bash
# Search on the shared generated corpus: how long Pagefind takes to index the built site (the
# build's "search" phase), how large the index is on disk, and what one query costs a reader
# (bytes the search page fetches, from a loopback server, for a few queries; bench/browser).
#   bench/search.sh [ARTICLES] [RUNS]        e.g. bench/search.sh 10000 3
# Needs python3, Node.js (npm ci at the root and in bench/browser) and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-3}
shared=$(cd .. && pwd)/shared/bench
work=${BENCH_DIR:-/tmp/gazette-bench}
out=${BENCH_OUT:-$work}
mkdir -p "$work" "$out"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
(cd bench/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet tool restore >/dev/null
read -r -a cli <<< "$(dotnet pwsh ./build.ps1 compile | tail -n 1)"
echo "Gazette CLI: ${cli[*]}"

corpus="$work/corpus-$n"
[ -d "$corpus/content" ] || python3 "$shared/gen_corpus.py" "$n" "$corpus" 42 >/dev/null
site="$work/gazette-search-$n"
rm -rf "$site" && mkdir -p "$site"
cp -r themes "$site/themes"
ln -s "$corpus/content" "$site/content"
# The root path: the byte counter serves the site at /.
printf 'title: Bench\nbase_url: http://127.0.0.1/\npagination: 20\npermalinks:\n  article: /posts/{year}/{slug}/\n' > "$site/site.yml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/search-$n.txt"; : > "$work/rest-$n.txt"
for r in $(seq "$runs"); do
  rm -rf "$out/gazette-search-out-$n"
  "${cli[@]}" build --quiet --timings --source "$site" --output "$out/gazette-search-out-$n" \
    | awk '$1 == "search" {print $2 / 1000} $1 != "search" && $2 ~ /^[0-9]+$/ {total += $2} END {print total / 1000 > "/dev/stderr"}' \
    >> "$work/search-$n.txt" 2>> "$work/rest-$n.txt"
done
index="$out/gazette-search-out-$n/pagefind"
echo "$n articles, median of $runs: indexing $(median < "$work/search-$n.txt") s, the rest of the build $(median < "$work/rest-$n.txt") s;" \
  "index $(du -sh "$index" | cut -f1) in $(find "$index" -type f | wc -l) files"
node bench/browser/search-bytes.mjs "$out/gazette-search-out-$n" /recherche/ "rust" "intelligence artificielle" "processeur" "capteur commission feuille"
rm -rf "$out/gazette-search-out-$n" "$work/rest-$n.txt"
