#!/usr/bin/env bash
# A build printing 50,000 log lines, through ImageLab and through the plain engine, both builders:
# wall time of each and the ratio, plus ImageLab's resident memory before and after (flat = batching works).
#   eval "$(scripts/services.sh start)"; bench/log-volume.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh start)\" first}"
SOCK="${IMAGELAB_TEST_DOCKER_ENDPOINT#unix://}"
PORT=5098
DB="imagelab_logs_$$"
LINES="${LINES:-50000}"
WORKDIR=$(mktemp -d)
export DOCKER_HOST="$IMAGELAB_TEST_DOCKER_ENDPOINT" DOCKER_BUILDKIT=0

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
# Every API call needs a user: an admin with a token, made by the app's own users command.
TOKEN="$(ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" Database__MigrateOnStart=true \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" users add bench --role admin --token)"
ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" \
Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Docker__NetworkMode=none Database__MigrateOnStart=true \
Analysis__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" --urls "http://127.0.0.1:$PORT" >/tmp/imagelab-logs.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$WORKDIR"; sleep 1; psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$APP/status"; }
now() { date +%s.%N; }

dockerfile() { printf 'FROM busybox\nRUN echo %s && seq 1 %s\n' "$(cat /proc/sys/kernel/random/uuid)" "$LINES" > "$WORKDIR/Dockerfile"; }

printf '%-10s %8s %10s %6s %12s\n' builder plain_s imagelab_s ratio rss_mb
for builder in buildkit classic; do
  dockerfile
  t0=$(now)
  if [ "$builder" = classic ]; then docker build -q --network none "$WORKDIR" >/dev/null
  else tar -C "$WORKDIR" -c . | curl -sf --unix-socket "$SOCK" -H 'Content-Type: application/x-tar' --data-binary @- \
      "http://localhost/build?version=2&networkmode=none" -o /dev/null; fi
  t1=$(now)
  dockerfile
  before=$(rss)
  t2=$(now)
  id=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "files=@$WORKDIR/Dockerfile;filename=Dockerfile" -F "builder=$builder" "http://127.0.0.1:$PORT/api/experiments" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/experiments/$id" | python3 -c '
import json,sys; sys.exit(0 if json.load(sys.stdin)["status"] in ("Succeeded","Failed","Canceled") else 1)'; do sleep 0.1; done
  t3=$(now)
  lines=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/experiments/$id/iterations/$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/experiments/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["iterations"][0]["id"])')/log" | wc -l)
  python3 -c "p=$t1-$t0; i=$t3-$t2; print(f'{\"$builder\":<10} {p:8.2f} {i:10.2f} {i/p:6.2f} {\"$before\"+\" -> \"+\"$(rss)\":>12}  ({$lines} log lines stored)')"
done
