#!/usr/bin/env bash
# Peak memory of `imagelab submit` while it streams a large build context (issue 9: under 100 MB for 200 MB).
#
#   bench/cli-submit-memory.sh            # 200 MB of random files
#   SIZE_MB=500 bench/cli-submit-memory.sh
#
# Starts the test PostgreSQL (scripts/services.sh), builds the CLI and the app in Release, starts the app on a
# free port with its own throwaway database and no build worker (only the upload is measured), generates
# SIZE_MB of incompressible files plus a Dockerfile, runs the CLI under /usr/bin/time -v and prints its
# "Maximum resident set size" and the upload's wall time. The app and its database are removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SIZE_MB="${SIZE_MB:-200}"
WORK="$(mktemp -d /var/tmp/imagelab-cli-bench.XXXXXX)"
DB="imagelab_cli_bench_$$"
APP_PID=""

eval "$(scripts/services.sh start)"
PG="${IMAGELAB_TEST_POSTGRES}"

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  psql "$(sed 's/Database=[^;]*/Database=postgres/' <<<"$PG" | tr ';' ' ' | sed 's/Username=/user=/;s/Host=/host=/;s/Port=/port=/;s/Database=/dbname=/')" \
    -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/ImageLab.Cli -c Release -nologo -v quiet >/dev/null
dotnet build src/ImageLab.Web -c Release -nologo -v quiet >/dev/null

mkdir -p "$WORK/context/data"
for i in $(seq 1 "$SIZE_MB"); do head -c 1048576 /dev/urandom >"$WORK/context/data/blob-$i.bin"; done
printf 'FROM busybox:1.36\nCOPY data/blob-1.bin /blob\n' >"$WORK/context/Dockerfile"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# Every API call needs a user: an admin with a token, made by the app's own users command.
TOKEN="$(ConnectionStrings__ImageLab="$(sed "s/Database=[^;]*/Database=$DB/" <<<"$PG")" ASPNETCORE_ENVIRONMENT=Development \
  dotnet src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll users add bench --role admin --token)"
ConnectionStrings__ImageLab="$(sed "s/Database=[^;]*/Database=$DB/" <<<"$PG")" \
  Database__MaxContextBytes=$(( (SIZE_MB + 50) * 1048576 )) Worker__Enabled=false ASPNETCORE_ENVIRONMENT=Development \
  Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Logging__LogLevel__Default=Warning \
  dotnet src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break || sleep 0.5; done

/usr/bin/time -v -o "$WORK/time.txt" \
  dotnet src/ImageLab.Cli/bin/Release/net10.0/ImageLab.Cli.dll submit "$WORK/context" --url "http://127.0.0.1:$PORT" --token "$TOKEN" --project cli-bench
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
echo "imagelab submit of a ${SIZE_MB} MB context: peak RSS $((rss_kb / 1024)) MB, wall ${wall}"
[ "$rss_kb" -lt $((100 * 1024)) ] || { echo "over the 100 MB budget" >&2; exit 1; }
