#!/usr/bin/env bash
# The history's first rows in real Chromium at scale (issue #16: <= 300 ms): PerformanceTests (tests/ImageLab.EndToEnd.Tests)
# makes a fresh PostgreSQL database, starts the app from src/ImageLab.Web/bin/Release, seeds EXPERIMENTS experiments of
# ITERATIONS iterations (HistorySeed), warms the app with one visit, then opens / seven times and times each navigation
# until the 20 rows of the first page are in the page. Prints the median, min and max of those seven, the HTML answer,
# the circuit's takeover and the next page, then the browser's own clock (HTML first byte, first contentful paint,
# DOMContentLoaded), with the load average before and after.
#   eval "$(scripts/services.sh env)"; bench/history-first-rows.sh            # 100,000 experiments of 4 iterations
#   EXPERIMENTS=10000 ITERATIONS=3 bench/history-first-rows.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
export IMAGELAB_BENCH_EXPERIMENTS="${EXPERIMENTS:-100000}" IMAGELAB_BENCH_ITERATIONS="${ITERATIONS:-4}"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}" IMAGELAB_SAMPLES="${IMAGELAB_SAMPLES:-$ROOT/samples}"
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
dotnet build "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release -nologo -v quiet >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test "$ROOT/tests/ImageLab.EndToEnd.Tests" -c Release --no-build \
  --filter "FullyQualifiedName~PerformanceTests.History_TenThousandExperiments_FirstPageRenderTime" \
  --logger "console;verbosity=detailed" | grep -E "seeded|history with|browser timing|Passed!|Failed"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
