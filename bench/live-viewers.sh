#!/usr/bin/env bash
# Many live viewers of one running build (issue #16: 200 viewers, newest line <= 1 s behind at p95): LiveViewersBenchmark
# (tests/ImageLab.EndToEnd.Tests) starts the app on a fresh PostgreSQL database, opens HUB_VIEWERS hub connections
# (/hubs/builds, Watch) and PAGE_VIEWERS signed-in Chromium pages (each a Blazor circuit) on one experiment while it waits
# behind a sleeping build, cancels the sleeper, and for the 60 s the build prints 100 lines a second measures how far
# behind the container each viewer's newest line is (the lines carry the kernel's uptime) and the web process's RSS.
#   eval "$(scripts/services.sh env)"; bench/live-viewers.sh                 # 150 hub connections + 50 pages
#   HUB_VIEWERS=190 PAGE_VIEWERS=10 bench/live-viewers.sh
#   NICE_BROWSERS=1 bench/live-viewers.sh                                    # the browsers at the lowest priority
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
export IMAGELAB_BENCH_HUB_VIEWERS="${HUB_VIEWERS:-150}" IMAGELAB_BENCH_PAGE_VIEWERS="${PAGE_VIEWERS:-50}"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}" IMAGELAB_SAMPLES="${IMAGELAB_SAMPLES:-$ROOT/samples}"
# Real viewers' browsers run on their own machines. Here they share the server's 2 cores; NICE_BROWSERS=1 runs them at
# the lowest priority (nice 19), so that they take what the server and the engine leave instead of competing with them.
if [ "${NICE_BROWSERS:-0}" = 1 ]; then
  wrapper="$(mktemp -d)/chromium"
  printf '#!/bin/sh\nexec nice -n 19 %s "$@"\n' "$PLAYWRIGHT_CHROMIUM_EXECUTABLE" > "$wrapper"
  chmod +x "$wrapper"
  export PLAYWRIGHT_CHROMIUM_EXECUTABLE="$wrapper"
fi
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release -nologo -v quiet >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release --no-build \
  --filter "FullyQualifiedName~LiveViewersBenchmark" \
  --logger "console;verbosity=detailed" | grep -E "hub connections|Passed!|Failed|Error Message" -A2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
