#!/usr/bin/env bash
# Pipeline overhead: wall time from submit to Succeeded through ImageLab, against the same Dockerfile
# built by the engine directly (classic: `docker build`; BuildKit: the same POST /build?version=2 the
# docker CLI's buildx would send, with curl), on the same engine, same cache state (warm: each Dockerfile
# is built once by the plain tool first, so both sides measure a cached build plus their own overhead;
# with --cold, both sides build with a fresh cache: the engine's build cache is pruned before each run).
#   eval "$(scripts/services.sh start)"; bench/pipeline-overhead.sh [--cold] [ANALYSIS=true|false]
# Prints one line per iteration and builder: plain seconds, ImageLab seconds, ratio.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh start)\" first}"
SOCK="${IMAGELAB_TEST_DOCKER_ENDPOINT#unix://}"
ANALYSIS="${ANALYSIS:-true}"
COLD=0; [ "${1:-}" = "--cold" ] && COLD=1
SAMPLE="$ROOT/samples/python-offline"
PORT=5099
DB="imagelab_bench_$$"
export DOCKER_HOST="$IMAGELAB_TEST_DOCKER_ENDPOINT" DOCKER_BUILDKIT=0

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
# Every API call needs a user: an admin with a token, made by the app's own users command.
TOKEN="$(ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" Database__MigrateOnStart=true \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" users add bench --role admin --token)"
ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" \
Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Docker__NetworkMode=host Database__MigrateOnStart=true \
Analysis__Enabled="$ANALYSIS" Logging__LogLevel__Default=Warning \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" --urls "http://127.0.0.1:$PORT" >/tmp/imagelab-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; sleep 1; psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done

now() { date +%s.%N; }
prune() { [ "$COLD" = 1 ] && docker builder prune -af >/dev/null 2>&1; true; }
context_tar() { tar -C "$SAMPLE" -c . ; }

plain_build() { # builder dockerfile
  if [ "$1" = classic ]; then
    docker build -q --network host -f "$SAMPLE/$2" "$SAMPLE" >/dev/null
  else
    context_tar | curl -sf --unix-socket "$SOCK" -H 'Content-Type: application/x-tar' --data-binary @- \
      "http://localhost/build?version=2&dockerfile=$2&networkmode=host" -o /dev/null
  fi
}

imagelab_build() { # builder dockerfile
  local args=() f
  for f in "$SAMPLE"/*; do args+=(-F "files=@$f;filename=$(basename "$f")"); done
  local id; id=$(curl -sSf -H "Authorization: Bearer $TOKEN" "${args[@]}" -F "builder=$1" -F "dockerfiles=$2" -F project=bench \
    "http://127.0.0.1:$PORT/api/experiments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/experiments/$id" | python3 -c '
import json,sys; s=json.load(sys.stdin)["status"]; sys.exit(0 if s in ("Succeeded","Failed","Canceled") else 1)'; do sleep 0.1; done
}

printf '%-12s %-22s %8s %9s %6s\n' builder dockerfile plain_s imagelab_s ratio
for builder in ${BUILDERS:-buildkit classic}; do
  for dockerfile in $(cd "$SAMPLE" && ls Dockerfile.*); do
    [ "$COLD" = 0 ] && plain_build "$builder" "$dockerfile"
    prune; t0=$(now); plain_build "$builder" "$dockerfile"; t1=$(now)
    prune; t2=$(now); imagelab_build "$builder" "$dockerfile"; t3=$(now)
    python3 -c "p=$t1-$t0; i=$t3-$t2; print(f'{\"$builder\":<12} {\"$dockerfile\":<22} {p:8.2f} {i:9.2f} {i/p:6.2f}')"
  done
done
