#!/usr/bin/env bash
# Layer analysis against its floor (issue 5, performance): the time to analyze one image's `docker save` stream
# (ImageSaveAnalyzer, as the pipeline runs it with an empty DiffID cache) versus `docker save IMAGE | tar -t > /dev/null`
# (reading the same bytes and nothing else), with the peak resident memory of each from /usr/bin/time -v.
#
#   DOCKER_HOST=unix:///var/tmp/imagelab-test/docker.sock bench/layer-analysis.sh [IMAGE] [RUNS]
#
# IMAGE defaults to ladder:1-naive, the sample ladder's largest image (1.17 GB): build it with
#   docker build --network host -t ladder:1-naive -f samples/python-offline/Dockerfile.1-naive samples/python-offline
# Four measurements, each the median of RUNS (default 3): the floor, the analyzer without the push-size estimate,
# with it (zlib-ng level 5 in parallel 4 MiB chunks, one thread per core; THREADS=1 for one compressing thread), and the
# pipeline's two reads on a graph-driver engine: the files and the waste first (stored and announced: the page fills
# at the first row's pace, issue 16 asks for at most 1.15x), then the image read again for the push sizes.
# The ratio is analyzer / floor; the CPU column (the pipeline's own processes: the docker client and the reader, not the
# engine) is the steadier figure on a loaded machine. The analyzer runs in a fresh process, so it pays the just-in-time
# compilation a running worker has paid already (analyze-stdin --warm-up measures that case by hand).
#
# ANATOMY=1 measures instead what the byte anatomy costs (issue 15: at most 10% more analysis time, peak memory under
# 200 MB): the analyzer without push sizes, with the package databases unread (--no-anatomy) against the same with them
# read and the anatomy built (--anatomy: packages and kinds, as the packages API builds them), runs interleaved; once
# from the engine and once from the same save in a file (no engine in the time), wall and CPU seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IMAGE="${1:-ladder:1-naive}"
RUNS="${2:-3}"
THREADS="${THREADS:-0}"
: "${DOCKER_HOST:?DOCKER_HOST must name the engine, e.g. unix:///var/tmp/imagelab-test/docker.sock}"
export DOCKER_HOST
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "The engine has no image $IMAGE (see the header for how to build it)." >&2; exit 1; }

dotnet build "$ROOT/bench/ImageLab.Benchmarks" -c Release -nologo -v quiet >/dev/null
BENCH="$ROOT/bench/ImageLab.Benchmarks/bin/Release/net10.0/ImageLab.Benchmarks.dll"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure NAME COMMAND: runs COMMAND (a pipeline, through sh) RUNS times; prints the median wall seconds, peak RSS (MB)
# and median CPU seconds (user + system) of every run of NAME so far.
measure() {
  local name="$1" command="$2" i
  for i in $(seq 1 "$RUNS"); do
    /usr/bin/time -v -o "$WORK/time" sh -c "$command" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" "$WORK/time" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + t[j]; print s }' "$WORK/time" >>"$WORK/$name.seconds"
    awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$WORK/time" >>"$WORK/$name.rss"
    awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$WORK/time" >>"$WORK/$name.cpu"
  done
  [ -s "$WORK/out" ] && echo "  $name: $(tail -n 1 "$WORK/out")" >&2
  printf '%s %s %s\n' "$(median "$WORK/$name.seconds")" "$(sort -n "$WORK/$name.rss" | tail -n 1)" "$(median "$WORK/$name.cpu")"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
if [ "${ANATOMY:-0}" = 1 ]; then
  echo "image $IMAGE: $((size / 1000000)) MB, $RUNS runs each, interleaved; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  docker save "$IMAGE" >"$WORK/image.tar"
  without="dotnet '$BENCH' analyze-stdin --no-estimate --no-anatomy"
  with="dotnet '$BENCH' analyze-stdin --no-estimate --anatomy"
  for i in $(seq 1 "$RUNS"); do
    read -r engine_without_s engine_without_mb engine_without_cpu < <(RUNS=1 measure engine-without "docker save '$IMAGE' | $without")
    read -r engine_with_s engine_with_mb engine_with_cpu < <(RUNS=1 measure engine-with "docker save '$IMAGE' | $with")
    read -r file_without_s file_without_mb file_without_cpu < <(RUNS=1 measure file-without "$without < '$WORK/image.tar'")
    read -r file_with_s file_with_mb file_with_cpu < <(RUNS=1 measure file-with "$with < '$WORK/image.tar'")
  done
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  printf '%-46s %8s %8s %8s %8s %10s\n' "" "wall s" "ratio" "CPU s" "ratio" "peak MB"
  printf '%-46s %8.2f %8s %8.2f %8s %10s\n' "docker save | analyzer, no anatomy" "$engine_without_s" "1.000" "$engine_without_cpu" "1.000" "$engine_without_mb"
  printf '%-46s %8.2f %8s %8.2f %8s %10s\n' "docker save | analyzer + anatomy" "$engine_with_s" "$(ratio "$engine_with_s" "$engine_without_s")" "$engine_with_cpu" "$(ratio "$engine_with_cpu" "$engine_without_cpu")" "$engine_with_mb"
  printf '%-46s %8.2f %8s %8.2f %8s %10s\n' "saved file | analyzer, no anatomy" "$file_without_s" "1.000" "$file_without_cpu" "1.000" "$file_without_mb"
  printf '%-46s %8.2f %8s %8.2f %8s %10s\n' "saved file | analyzer + anatomy" "$file_with_s" "$(ratio "$file_with_s" "$file_without_s")" "$file_with_cpu" "$(ratio "$file_with_cpu" "$file_without_cpu")" "$file_with_mb"
  exit 0
fi

echo "image $IMAGE: $((size / 1000000)) MB, $RUNS runs each (median time, largest peak RSS of the pipeline's processes); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
read -r floor_s floor_mb floor_cpu < <(measure floor "docker save '$IMAGE' | tar -t > /dev/null")
read -r plain_s plain_mb plain_cpu < <(measure analyzer "docker save '$IMAGE' | dotnet '$BENCH' analyze-stdin --no-estimate")
read -r gzip_s gzip_mb gzip_cpu < <(measure analyzer-gzip "docker save '$IMAGE' | dotnet '$BENCH' analyze-stdin --threads $THREADS")
read -r two_s two_mb two_cpu < <(measure two-reads "docker save '$IMAGE' | dotnet '$BENCH' analyze-stdin --no-estimate && docker save '$IMAGE' | dotnet '$BENCH' analyze-stdin --threads $THREADS")
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# CPU s: user + system of the pipeline's own processes (the docker client and the reader; the engine's work is not in it).
printf '%-38s %8s %8s %8s %10s\n' "" "seconds" "ratio" "CPU s" "peak MB"
printf '%-38s %8.1f %8s %8.2f %10s\n' "docker save | tar -t (floor)" "$floor_s" "1.00" "$floor_cpu" "$floor_mb"
printf '%-38s %8.1f %8.2f %8.2f %10s\n' "analyzer, files and waste (no push size)" "$plain_s" "$(ratio "$plain_s" "$floor_s")" "$plain_cpu" "$plain_mb"
printf '%-38s %8.1f %8.2f %8.2f %10s\n' "analyzer, with push-size estimate" "$gzip_s" "$(ratio "$gzip_s" "$floor_s")" "$gzip_cpu" "$gzip_mb"
printf '%-38s %8.1f %8.2f %8.2f %10s\n' "pipeline: files and waste, then push" "$two_s" "$(ratio "$two_s" "$floor_s")" "$two_cpu" "$two_mb"
