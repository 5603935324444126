#!/usr/bin/env bash
# Many live viewers of one running build (issue #16: 200 viewers, newest line <= 1 s behind at p95): LiveViewersBenchmark
# (tests/ImageLab.EndToEnd.Tests) starts the app on a fresh PostgreSQL database, opens HUB_VIEWERS hub connections
# (/hubs/builds, Watch), CIRCUIT_VIEWERS headless Blazor circuits of the experiment page (the page's circuit driven the
# way blazor.web.js drives it, without a browser) and PAGE_VIEWERS signed-in Chromium pages on one experiment while it
# waits behind a sleeping build, cancels the sleeper, and for the 60 s the build prints 100 lines a second measures how
# far behind the container each viewer's newest line is (the lines carry the kernel's uptime) and the web process's RSS.
#   eval "$(scripts/services.sh env)"; bench/live-viewers.sh          # 100 hub connections + 90 headless circuits + 10 pages
#   HUB_VIEWERS=150 CIRCUIT_VIEWERS=0 PAGE_VIEWERS=50 bench/live-viewers.sh
#   NICE_BROWSERS=1 bench/live-viewers.sh                                    # the browsers at the lowest priority
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
export IMAGELAB_BENCH_HUB_VIEWERS="${HUB_VIEWERS:-100}" IMAGELAB_BENCH_CIRCUIT_VIEWERS="${CIRCUIT_VIEWERS:-90}" IMAGELAB_BENCH_PAGE_VIEWERS="${PAGE_VIEWERS:-10}"
export IMAGELAB_CHROMIUM="${IMAGELAB_CHROMIUM:-/usr/bin/chromium}" IMAGELAB_SAMPLES="${IMAGELAB_SAMPLES:-$ROOT/samples}"
# Real viewers' browsers run on their own machines. Here they share the server's 2 cores; NICE_BROWSERS=1 puts them in a
# CPU cgroup of the lowest weight, so that they take what the server and the engine leave instead of competing with them
# (nice alone does not hold: Chromium sets its own processes' priorities). Without a writable cgroup it falls back to nice.
if [ "${NICE_BROWSERS:-0}" = 1 ]; then
  wrapper="$(mktemp -d)/chromium"
  if [ -w /sys/fs/cgroup/cpu ] && mkdir -p /sys/fs/cgroup/cpu/imagelab-browsers 2>/dev/null; then
    echo 2 > /sys/fs/cgroup/cpu/imagelab-browsers/cpu.shares
    printf '#!/bin/sh\necho $$ > /sys/fs/cgroup/cpu/imagelab-browsers/cgroup.procs\nexec %s "$@"\n' "$IMAGELAB_CHROMIUM" > "$wrapper"
  elif [ -f /sys/fs/cgroup/cgroup.controllers ] && mkdir -p /sys/fs/cgroup/imagelab-browsers 2>/dev/null \
      && echo +cpu > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null && echo 1 > /sys/fs/cgroup/imagelab-browsers/cpu.weight; then
    printf '#!/bin/sh\necho $$ > /sys/fs/cgroup/imagelab-browsers/cgroup.procs\nexec %s "$@"\n' "$IMAGELAB_CHROMIUM" > "$wrapper"
  else
    printf '#!/bin/sh\nexec nice -n 19 %s "$@"\n' "$IMAGELAB_CHROMIUM" > "$wrapper"
  fi
  chmod +x "$wrapper"
  export IMAGELAB_CHROMIUM="$wrapper"
fi
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release -nologo -v quiet >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release --no-build \
  --filter "FullyQualifiedName~LiveViewersBenchmark" \
  --logger "console;verbosity=detailed" | grep -E "hub connections|Passed!|Failed|Error Message" -A2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
