#!/usr/bin/env bash
# Proven advice: wall time of a suggestion (main build + one ablation build per transformation, and a rebuild when one
# is dropped) against the source iteration's own build time, both as ImageLab stores them and as seen from outside
# (POST suggestion until the iteration ends), on the same engine; the ablations reuse the engine's build cache.
#   eval "$(scripts/services.sh env)"; [LADDER=shell-offline] [DOCKERFILE=Dockerfile.1-naive] [PORT=5098] bench/suggestion-time.sh
# Prints: ladder, dockerfile, source build s, suggestion wall s, ratio, transformations with their saved bytes.
# Measured 2026-12-07 on the test engine (Docker 20.10.24, overlay2, BuildKit, warm cache, 2 loaded cores):
#   shell-offline Dockerfile.1-naive source_build_s=1.02 suggestion_wall_s=7.31 ratio=7.2 source_bytes=214769740
#   suggestion_bytes=74014628 join-runs=8086702 B smaller-base=132668410 B (3 builds: main + 2 ablations, plus queue and measuring)
# Measured 2026-12-07 08:49 UTC, same engine and builder, after transformations are measured on top of their
# prerequisites (none here: the shell naive has no multi-stage split), load average 20.8 at start, 30.1 at the end:
#   shell-offline Dockerfile.1-naive source_build_s=1.27 suggestion_wall_s=17.30 ratio=13.6 source_bytes=214769740
#   suggestion_bytes=74014628 join-runs=8086702 B smaller-base=132668410 B (same 3 builds; the ratio grew with the load)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
LADDER="${LADDER:-shell-offline}"
DOCKERFILE="${DOCKERFILE:-Dockerfile.1-naive}"
SAMPLE="$ROOT/samples/$LADDER"
PORT="${PORT:-5098}"
DB="imagelab_bench_suggest_$$"

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
TOKEN="$(ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" Database__MigrateOnStart=true \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" users add bench --role admin --token | grep '^il_' | tail -1)"
ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" \
Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Docker__NetworkMode=host Database__MigrateOnStart=true \
Analysis__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet "$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" --urls "http://127.0.0.1:$PORT" >/tmp/imagelab-bench-suggest.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; sleep 1; psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done

api() { curl -sSf -H "Authorization: Bearer $TOKEN" "$@"; }
wait_ended() { # experiment iteration
  until api "http://127.0.0.1:$PORT/api/experiments/$1" | python3 -c '
import json,sys; i=[i for i in json.load(sys.stdin)["iterations"] if i["id"]==int(sys.argv[1])][0]
sys.exit(0 if i["status"] in ("Succeeded","Failed","Canceled") else 1)' "$2"; do sleep 0.1; done
}

args=()
for f in "$SAMPLE"/*; do args+=(-F "files=@$f;filename=$(basename "$f")"); done
read -r EXP SRC < <(api "${args[@]}" -F "dockerfiles=$DOCKERFILE" -F project=bench-suggest "http://127.0.0.1:$PORT/api/experiments" \
  | python3 -c 'import json,sys; e=json.load(sys.stdin); print(e["id"], e["iterations"][0]["id"])')
wait_ended "$EXP" "$SRC"
t0=$(date +%s.%N)
SUG=$(api -X POST "http://127.0.0.1:$PORT/api/experiments/$EXP/iterations/$SRC/suggestion" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
wait_ended "$EXP" "$SUG"
t1=$(date +%s.%N)
api "http://127.0.0.1:$PORT/api/experiments/$EXP" | python3 -c '
import json,sys
e=json.load(sys.stdin); src=[i for i in e["iterations"] if i["id"]==int(sys.argv[1])][0]; sug=[i for i in e["iterations"] if i["id"]==int(sys.argv[2])][0]
wall=float(sys.argv[3])-float(sys.argv[4]); build=src["buildSeconds"]
saved=", ".join("%s=%s B" % (t["id"], t["savedBytes"]) if t["status"]=="Measured" else "%s dropped" % t["id"] for t in sug["transformations"])
print("%-14s %-20s source_build_s=%.2f suggestion_wall_s=%.2f ratio=%.1f status=%s source_bytes=%s suggestion_bytes=%s (uncompressed, docker image inspect) %s"
      % (sys.argv[5], sys.argv[6], build, wall, wall/build, sug["status"], src["sizeBytes"], sug["sizeBytes"], saved))
' "$SRC" "$SUG" "$t1" "$t0" "$LADDER" "$DOCKERFILE"
