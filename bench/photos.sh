#!/usr/bin/env bash
# Photos, measured: an article with five camera photos (cold and warm processing, the bytes a
# phone and a desktop download), Lighthouse mobile performance of that article and of the
# sample's home page, and the shared corpus (its 40 photos cold, then a 10 000-article build
# with a warm photo cache against the same build with resizing off).
#   bench/photos.sh PHOTOS_DIR [ARTICLES] [RUNS]     e.g. bench/photos.sh ~/camera-jpegs 10000 5
# PHOTOS_DIR holds five or more camera JPEGs (the five largest are used); docs/development.md
# says where the ones quoted in the docs come from. Needs python3, /usr/bin/time, Node.js and
# Debian's chromium (apt-get install -y chromium time). BENCH_OUT=/dev/shm writes the corpus
# builds' output to memory, as bench/run.sh does (this VM's disk adds seconds that grow with the
# bytes and files written, and vary from run to run).
set -euo pipefail
cd "$(dirname "$0")/.."
photos=$(cd "${1:?usage: bench/photos.sh PHOTOS_DIR [ARTICLES] [RUNS]}" && pwd)
articles=${2:-10000}
runs=${3:-5}
work=${BENCH_DIR:-/tmp/gazette-bench}/photos
out=${BENCH_OUT:-$work}
shared=$(cd .. && pwd)/shared/bench
rm -rf "$work" && mkdir -p "$work"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { /usr/bin/time -f "%e" -a -o "$1" "${@:2}" >/dev/null; }

(cd bench/browser && npm ci --no-audit --no-fund --loglevel=error)
dotnet tool restore >/dev/null
read -r -a native <<< "$(dotnet pwsh ./build.ps1 compile | tail -n 1)"
read -r -a dotnet <<< "$(GAZETTE_NATIVE=0 dotnet pwsh ./build.ps1 compile | tail -n 1)"
echo "programs: ${native[*]} | ${dotnet[*]}   load: $(cut -d' ' -f1-3 /proc/loadavg)"

# An article of five photos: the first is the cover, four more between paragraphs.
site="$work/site"
mkdir -p "$site/content/posts/reportage"
printf 'title: Bench photos\nbase_url: http://127.0.0.1:8731/\n' > "$site/site.yml"
mapfile -t chosen < <(ls -S "$photos"/*.[jJ][pP][gG] | head -n 5)
[ "${#chosen[@]}" -eq 5 ] || { echo "need five JPEGs in $photos" >&2; exit 1; }
bytes=0
for i in 0 1 2 3 4; do cp "${chosen[$i]}" "$site/content/posts/reportage/photo-$i.jpg"; bytes=$((bytes + $(stat -c %s "${chosen[$i]}"))); done
{
  printf -- '---\ntitle: "Cinq photos de reportage"\ndate: 2024-10-01T10:00:00+02:00\nsummary: "Un article illustré comme un reportage."\n'
  printf 'image:\n  src: photo-0.jpg\n  alt: "Photo de couverture"\n  credit: "Agence Bench"\n---\n\n'
  for i in 1 2 3 4; do
    printf 'Un paragraphe de texte avant la photo %d, assez long pour que la page défile comme un vrai article. ' "$i"
    printf 'La rédaction ajoute ici le contexte, une citation et quelques chiffres.\n\n![Photo %d du reportage](photo-%d.jpg "Légende %d © Agence Bench")\n\n' "$i" "$i" "$i"
  done
} > "$site/content/posts/reportage/index.md"
echo "five photos, $((bytes / 1024)) KiB of JPEG: $(for f in "${chosen[@]}"; do basename "$f"; done | paste -sd, -)"

for program in native dotnet; do
  declare -n cli=$program
  : > "$work/cold-$program.txt"; : > "$work/warm-$program.txt"; : > "$work/off-$program.txt"
  for r in $(seq "$runs"); do
    rm -rf "$site/.gazette" "$work/out"
    seconds "$work/cold-$program.txt" "${cli[@]}" build --quiet --source "$site" --output "$work/out"
    seconds "$work/warm-$program.txt" "${cli[@]}" build --quiet --source "$site" --output "$work/out"
  done
  printf '%-6s article of 5 photos, median of %d: cold %.2f s (%.1f photos/s), warm cache %.2f s\n' "$program" "$runs" \
    "$(median < "$work/cold-$program.txt")" "$(awk -v t="$(median < "$work/cold-$program.txt")" 'BEGIN {print 5 / t}')" \
    "$(median < "$work/warm-$program.txt")"
done

# What a reader downloads, scrolled to the end of the article.
(cd "$work/out" && exec python3 -m http.server 8731 --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
article=http://127.0.0.1:8731/2024/10/reportage/
for screen in "375 3 350" "1366 1 900"; do
  read -r width density target <<< "$screen"
  node bench/browser/weigh.mjs "$article" "$width" "$density" > "$work/weigh-$width.json"
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); const kb = r.total / 1000;
    console.log(`${r.width} px at ${r.density}x: ${r.images.length} images, ${kb.toFixed(0)} KB (target ${process.argv[2]} KB): ` +
      r.images.map(i => i.url.split("/").pop() + " " + (i.bytes / 1000).toFixed(0)).join(", "))' "$work/weigh-$width.json" "$target"
done

# Lighthouse, mobile (its default: a mid-range phone on a slow 4G, simulated), Debian's Chromium.
lighthouse() {
  bench/browser/node_modules/.bin/lighthouse "$1" --only-categories=performance --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$work/lh.json" --quiet
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); const a = r.audits;
    console.log(`Lighthouse mobile ${process.argv[2]}: performance ${Math.round(r.categories.performance.score * 100)} ` +
      `(LCP ${a["largest-contentful-paint"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue}, TBT ${a["total-blocking-time"].displayValue})`)' \
    "$work/lh.json" "$2"
}
lighthouse "$article" "article with 5 photos"
"${native[@]}" build --quiet --source . --output "$work/sample" --base-url http://127.0.0.1:8732/
(cd "$work/sample" && exec python3 -m http.server 8732 --bind 127.0.0.1 >/dev/null 2>&1) &
sample=$!
trap 'kill $server $sample 2>/dev/null || true' EXIT
sleep 1
lighthouse http://127.0.0.1:8732/ "sample home page"
lighthouse http://127.0.0.1:8732/2024/10/test-pixel-9-pro/ "sample review article"

# The shared corpus: its 40 photos cold, then warm-cache builds against resizing off, alternating.
corpus=${BENCH_DIR:-/tmp/gazette-bench}/corpus-$articles
[ -d "$corpus/content" ] || python3 "$shared/gen_corpus.py" "$articles" "$corpus" 42 >/dev/null
for variant in resized off; do
  mkdir -p "$work/corpus-$variant" && cp -r themes "$work/corpus-$variant/themes" && ln -s "$corpus/content" "$work/corpus-$variant/content"
  printf 'title: Bench\nbase_url: https://bench.example.org/\npagination: 20\npermalinks:\n  article: /posts/{year}/{slug}/\n' > "$work/corpus-$variant/site.yml"
done
printf 'images:\n  resize: false\n' >> "$work/corpus-off/site.yml"
for program in native dotnet; do
  declare -n cli=$program
  : > "$work/c-$program.txt"; : > "$work/w-$program.txt"; : > "$work/o-$program.txt"
  for r in $(seq "$runs"); do
    rm -rf "$work/corpus-resized/.gazette" "$out/cout"
    seconds "$work/c-$program.txt" "${cli[@]}" build --quiet --source "$work/corpus-resized" --output "$out/cout"
  done
  rm -rf "$work/corpus-resized/.gazette" "$out/cout"
  echo "$program the corpus's photos, cold: $("${cli[@]}" build --source "$work/corpus-resized" --output "$out/cout" --timings | grep -E '^ *photos' | awk '{print $2 " ms"}')"
  for r in $(seq "$runs"); do
    rm -rf "$out/cout" "$out/oout"
    seconds "$work/w-$program.txt" "${cli[@]}" build --quiet --source "$work/corpus-resized" --output "$out/cout"
    seconds "$work/o-$program.txt" "${cli[@]}" build --quiet --source "$work/corpus-off" --output "$out/oout"
  done
  awk -v p="$program" -v n="$articles" -v c="$(median < "$work/c-$program.txt")" -v w="$(median < "$work/w-$program.txt")" \
    -v o="$(median < "$work/o-$program.txt")" 'BEGIN {
    printf "%-6s %d articles, 40 photos: cold %.2f s, warm cache %.2f s, resizing off %.2f s: warm/off %.3f (target 1.05)\n", p, n, c, w, o, w / o }'
done
rm -rf "$work/out" "$out/cout" "$out/oout"
