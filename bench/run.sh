#!/usr/bin/env bash
# Gazette against Hugo on the shared generated corpus, alternating runs on the same machine: the
# native program (where clang is), the .NET one (ReadyToRun, what Windows and clang-less machines
# run) and Hugo, one after the other in each round. Prints, for each corpus size, the median wall
# time and peak memory of each, the ratios, the build after one new and one edited article (with
# what the previous build left, diffed against a clean build), and each target of issue 22 with
# whether it is met.
#   bench/run.sh [SIZES] [RUNS]        e.g. bench/run.sh "10000 100000" 5
# Needs python3, /usr/bin/time (Debian: time) and hugo (apt-get install -y hugo).
# BENCH_DIR holds the corpora and sites (default /tmp/gazette-bench); BENCH_OUT is where the
# tools write their output (default: BENCH_DIR). BENCH_OUT=/dev/shm measures the tools without
# the disk: on a journal-less ext4 (this VM's), creating files right after deleting the previous
# output costs time that grows with the square of the number of files, the same for every tool.
# BENCH_PROGRAMS="native dotnet" (the default) chooses the programs; a machine without clang
# measures the .NET one only.
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

# Each program as authors get it from build.ps1.
dotnet tool restore >/dev/null
declare -A cli
programs=()
for program in ${BENCH_PROGRAMS:-native dotnet}; do
  if [ "$program" = native ]; then
    command -v clang >/dev/null || { echo "no clang: the native program is not measured"; continue; }
    cli[$program]=$(dotnet pwsh ./build.ps1 compile | tail -n 1)
  else
    cli[$program]=$(GAZETTE_NATIVE=0 dotnet pwsh ./build.ps1 compile | tail -n 1)
  fi
  programs+=("$program")
  echo "Gazette $program: ${cli[$program]}"
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "NOT met") }'; }
declare -A time_at mem_at

for n in $sizes; do
  corpus="$work/corpus-$n"
  [ -d "$corpus/content" ] || python3 "$shared/gen_corpus.py" "$n" "$corpus" 42 >/dev/null
  site="$work/gazette-$n"
  rm -rf "$site" && mkdir -p "$site"
  cp -r themes "$site/themes"
  # A copy of the corpus, since the edit round changes it.
  cp -r "$corpus/content" "$site/content"
  # Hugo writes no search index: the comparison leaves Gazette's off (bench/search.sh measures it).
  printf 'title: Bench\nbase_url: https://bench.example.org/\npagination: 20\npermalinks:\n  article: /posts/{year}/{slug}/\nsearch:\n  enabled: false\n' > "$site/site.yml"
  hugo_site="$work/hugo-$n"
  rm -rf "$hugo_site" && cp -r "$shared/hugo-site" "$hugo_site" && ln -s "$corpus/content" "$hugo_site/content"

  : > "$work/h-$n.txt"
  for program in "${programs[@]}"; do
    : > "$work/$program-$n.txt"
    # Untimed: fills the photo cache (.gazette/cache/images), which every build after it finds warm.
    # shellcheck disable=SC2086
    ${cli[$program]} build --quiet --no-cache --source "$site" --output "$out/$program-out-$n" >/dev/null
  done
  for r in $(seq "$runs"); do
    rm -rf "$out/hugo-out-$n"
    /usr/bin/time -f "%e %M" -a -o "$work/h-$n.txt" hugo --quiet -s "$hugo_site" -d "$out/hugo-out-$n" >/dev/null
    for program in "${programs[@]}"; do
      rm -rf "$out/$program-out-$n"
      # shellcheck disable=SC2086 # the command and its arguments, as build.ps1 prints them
      # A clean build: an empty output, no build cache.
      /usr/bin/time -f "%e %M" -a -o "$work/$program-$n.txt" ${cli[$program]} build --quiet --no-cache --source "$site" --output "$out/$program-out-$n" >/dev/null
    done
  done

  h_time=$(cut -d' ' -f1 "$work/h-$n.txt" | median); h_mem=$(cut -d' ' -f2 "$work/h-$n.txt" | median)
  rm -rf "$out/hugo-out-$n"
  printf '%d articles, median of %d clean builds, load %s: Hugo %.2f s %.0f MiB\n' "$n" "$runs" "$(cut -d' ' -f1 /proc/loadavg)" "$h_time" "$(awk -v m="$h_mem" 'BEGIN{print m/1024}')"
  for program in "${programs[@]}"; do
    g_time=$(cut -d' ' -f1 "$work/$program-$n.txt" | median); g_mem=$(cut -d' ' -f2 "$work/$program-$n.txt" | median)
    time_at[$program-$n]=$g_time; mem_at[$program-$n]=$g_mem
    pages=$(find "$out/$program-out-$n" -name '*.html' | wc -l)
    target=$([ "$program" = native ] && echo 0.45 || echo 0.80)
    ratio=$(awk -v g="$g_time" -v h="$h_time" 'BEGIN{printf "%.2f", g/h}')
    mem_ratio=$(awk -v g="$g_mem" -v h="$h_mem" 'BEGIN{printf "%.2f", g/h}')
    printf '  %-6s %.2f s %4.0f MiB (%d pages) | time %s x Hugo (target %s: %s) | memory %s x Hugo (target 0.40: %s)\n' \
      "$program" "$g_time" "$(awk -v m="$g_mem" 'BEGIN{print m/1024}')" "$pages" "$ratio" "$target" "$(verdict "$ratio" "$target")" \
      "$mem_ratio" "$(verdict "$mem_ratio" 0.40)"
  done

  # One new article and one edited one, built over what a build with the cache left (its output
  # and .gazette/cache/, the build cache of that output), then compared with a clean build of the
  # edited site. Each run starts from a copy of that output kept with its files' dates (`cp -a`:
  # the cache knows a page's file by its length and date), at the same path (the cache is the
  # output's).
  newest=$(find "$site/content/posts" -name '*.md' | sort | awk 'END { print }')
  edited=$(find "$site/content/posts" -name '*.md' | sort | awk 'NR == 1')
  for program in "${programs[@]}"; do
    rm -rf "$site/.gazette/cache/pages" "$site/.gazette/cache/markdown"
    # shellcheck disable=SC2086
    ${cli[$program]} build --quiet --source "$site" --output "$out/$program-out-$n" >/dev/null
    rm -rf "$out/$program-base-$n" && cp -a "$out/$program-out-$n" "$out/$program-base-$n"
    cp -r "$site" "$site-edit"
    mkdir -p "$site-edit/content/posts/bench-new"
    sed -e 's/^title: .*/title: "Un article de plus pour la mesure"/' -e 's/^slug: .*/slug: un-article-de-plus/' "$newest" > "$site-edit/content/posts/bench-new/index.md"
    printf '\nUn paragraphe ajouté à la relecture.\n' >> "$site-edit/${edited#"$site"/}"
    # Each run starts from what the last clean build of the unedited site left: its output and .gazette/.
    : > "$work/$program-inc-$n.txt"
    for r in $(seq "$runs"); do
      rm -rf "$site-edit/.gazette" && cp -r "$site/.gazette" "$site-edit/"
      rm -rf "$out/$program-out-$n" && cp -a "$out/$program-base-$n" "$out/$program-out-$n"
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %M" -a -o "$work/$program-inc-$n.txt" ${cli[$program]} build --quiet --timings --source "$site-edit" --output "$out/$program-out-$n" > "$work/$program-inc-timings-$n.txt"
    done
    echo "  $program: where the last build after the edit spent its time:"; sed 's/^/    /' "$work/$program-inc-timings-$n.txt"
    # shellcheck disable=SC2086
    rm -rf "$out/$program-clean-$n"; ${cli[$program]} build --quiet --no-cache --source "$site-edit" --output "$out/$program-clean-$n" >/dev/null
    same=$(diff -r -q "$out/$program-out-$n" "$out/$program-clean-$n" >/dev/null && echo "identical to a clean build" || echo "DIFFERENT from a clean build")
    inc=$(cut -d' ' -f1 "$work/$program-inc-$n.txt" | median)
    ratio=$(awk -v i="$inc" -v c="${time_at[$program-$n]}" 'BEGIN{printf "%.2f", i/c}')
    printf '  %-6s after one new and one edited article: %.2f s, %s x its clean build (target 0.10: %s), output %s\n' \
      "$program" "$inc" "$ratio" "$(verdict "$ratio" 0.10)" "$same"
    [ "$n" = 100000 ] && [ "$program" = native ] && printf '  native incremental at 100 000: %.2f s (target < 2 s: %s)\n' "$inc" "$(verdict "$inc" 2)"
    rm -rf "$site-edit" "$out/$program-base-$n" "$out/$program-clean-$n" "$out/$program-out-$n"
  done
done

# Scale: from 10 000 to 100 000 articles, when both were measured.
for program in "${programs[@]}"; do
  if [ -n "${time_at[$program-10000]:-}" ] && [ -n "${time_at[$program-100000]:-}" ]; then
    growth=$(awk -v a="${time_at[$program-10000]}" -v b="${time_at[$program-100000]}" 'BEGIN{printf "%.1f", b/a}')
    gib=$(awk -v m="${mem_at[$program-100000]}" 'BEGIN{printf "%.2f", m/1048576}')
    printf '%-6s 10 000 -> 100 000 articles: time x %s (target <= 10: %s), peak %s GiB (target <= 1.5: %s)\n' \
      "$program" "$growth" "$(verdict "$growth" 10)" "$gib" "$(verdict "$gib" 1.5)"
  fi
done
