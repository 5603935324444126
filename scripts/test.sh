#!/usr/bin/env bash
# THE test command (README, CI). On a fresh Debian 12 machine, as root: installs what is missing, starts a
# private Docker engine and a throwaway PostgreSQL, builds the offline fixture images (cached by tag),
# runs every test project against those real services, stops what it started (also on failure or
# Ctrl-C), and prints "tests: N passed, N failed, N skipped". Extra arguments go to `dotnet test`
# (e.g. --filter FullyQualifiedName~Pipeline).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/artifacts/test-results"
KEEP_SERVICES="${IMAGELAB_KEEP_SERVICES:-0}"   # 1: leave the engine and database running afterwards

cleanup() {
  local status=$?
  if [ "$KEEP_SERVICES" != 1 ]; then scripts/services.sh stop || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/services.sh install
eval "$(scripts/services.sh start)"
DOCKER_HOST="$IMAGELAB_TEST_DOCKER_ENDPOINT" scripts/fixtures.sh
scripts/services.sh seed-matrix

export IMAGELAB_TEST_DOCKER_ENDPOINT IMAGELAB_TEST_DOCKER2_ENDPOINT IMAGELAB_TEST_POSTGRES IMAGELAB_TEST_REGISTRY_PORT IMAGELAB_TEST_PG_CTL IMAGELAB_TEST_ENGINES
export IMAGELAB_SAMPLES="$ROOT/samples"
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Benchmarks (Category=Benchmark) measure, they do not pass or fail: bench/ runs them. A caller's --filter wins.
filter=(--filter "Category!=Benchmark")
for arg in "$@"; do [ "$arg" = --filter ] && filter=(); done

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
dotnet build ImageLab.sln -c Release -nologo -v quiet
set +e
dotnet test ImageLab.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$RESULTS" \
  --logger "console;verbosity=normal" "${filter[@]}" "$@"
test_status=$?
set -e

summary=$(python3 scripts/trx-summary.py "$RESULTS")
echo "$summary"
if [ "$test_status" -ne 0 ] || ! grep -qE 'tests: [1-9][0-9]* passed, 0 failed' <<<"$summary"; then
  exit 1
fi
