#!/usr/bin/env bash
# Pipeline overhead: wall time from submit to Succeeded through ImageLab, against the same Dockerfile
# built by the engine directly (classic: `docker build`; BuildKit: the same POST /build?version=2 the
# docker CLI's buildx would send, with curl), on the same engine, same cache state (warm: each Dockerfile
# is built once by the plain tool first, so both sides measure a cached build plus their own overhead;
# with --cold, both sides build with a fresh cache: the engine's build cache is pruned before each run).
#   eval "$(scripts/services.sh start)"; bench/pipeline-overhead.sh [--cold|--ladder] [ANALYSIS=true|false]
# Prints one line per iteration and builder: plain seconds, ImageLab seconds, ratio.
# --ladder (warm cache): the whole ladder (SAMPLE_NAME, default python-offline; shell-offline needs no network) as one
# experiment, submit -> every iteration Succeeded, against `docker build` of the same Dockerfiles one after the other
# (ROUNDS names the rounds: the first on a fresh app, the others warm; default four);
# the ImageLab side is one `POST /api/experiments?wait=600` (upload, build, answer with the sizes) like a CI job's;
# after the first round on a fresh app, WARMUP untimed submissions (default 20) warm its JIT like a running server's;
# then, from the same submit, until every iteration's files and waste are served (GET /api/iterations/ID/analysis
# answers 200) and until its push size is too. The ImageLab side polls every 0.1 s (about 0.1 s of resolution) with curl
# and jq: a python3 start took 2 s at a load of 20 on these machines, which the ladder's polls used to add to ImageLab's side.
# APP_ROOT=DIR runs the app built from another checkout (e.g. `git archive` of an older commit), to compare before/after.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh start)\" first}"
SOCK="${IMAGELAB_TEST_DOCKER_ENDPOINT#unix://}"
ANALYSIS="${ANALYSIS:-true}"
COLD=0; [ "${1:-}" = "--cold" ] && COLD=1
LADDER=0; [ "${1:-}" = "--ladder" ] && LADDER=1
APP_ROOT="${APP_ROOT:-$ROOT}"
SAMPLE="$ROOT/samples/${SAMPLE_NAME:-python-offline}"
PORT=5099
DB="imagelab_bench_$$"
export DOCKER_HOST="$IMAGELAB_TEST_DOCKER_ENDPOINT" DOCKER_BUILDKIT=0

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
dotnet build "$APP_ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
# Every API call needs a user: an admin with a token, made by the app's own users command.
TOKEN="$(ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" Database__MigrateOnStart=true \
  dotnet "$APP_ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" users add bench --role admin --token)"
ConnectionStrings__ImageLab="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB" \
Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Docker__NetworkMode=host Database__MigrateOnStart=true \
Analysis__Enabled="$ANALYSIS" Logging__LogLevel__Default=Warning \
  dotnet "$APP_ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll" --urls "http://127.0.0.1:$PORT" >/tmp/imagelab-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; sleep 1; psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done

now() { date +%s.%N; }
# A cold start for both builders: BuildKit's cache is its own; the classic builder's cache is the images it made, so the
# bench's images go too (ImageLab's by tag, the plain side's untagged ones with their intermediate parents).
prune() {
  [ "$COLD" = 1 ] || return 0
  docker builder prune -af >/dev/null 2>&1
  docker image ls --format '{{.Repository}}:{{.Tag}}' | { grep '^imagelab/bench:' || true; } | xargs -r docker rmi -f >/dev/null 2>&1 || true
  docker image prune -f >/dev/null 2>&1 || true
}
context_tar() { tar -C "$SAMPLE" -c . ; }

plain_build() { # builder dockerfile
  if [ "$1" = classic ]; then
    docker build -q --network host -f "$SAMPLE/$2" "$SAMPLE" >/dev/null
  else
    context_tar | curl -sf --unix-socket "$SOCK" -H 'Content-Type: application/x-tar' --data-binary @- \
      "http://localhost/build?version=2&dockerfile=$2&networkmode=host" -o /dev/null
  fi
}

api() { curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/$1"; }

imagelab_submit() { # builder dockerfile...: prints the experiment's id
  local builder="$1" args=() f; shift
  for f in "$SAMPLE"/*; do args+=(-F "files=@$f;filename=$(basename "$f")"); done
  for f in "$@"; do args+=(-F "dockerfiles=$f"); done
  curl -sSf -H "Authorization: Bearer $TOKEN" "${args[@]}" -F "builder=$builder" -F project=bench -F network=true \
    "http://127.0.0.1:$PORT/api/experiments" | jq -r .id
}

wait_built() { # experiment id
  until api "experiments/$1" | jq -e '.status | IN("Succeeded", "Failed", "Canceled")' >/dev/null; do sleep 0.1; done
}

wait_analyzed() { # experiment id, field that must be set in every iteration's analysis ("" for any answer 200)
  local ids; ids=$(api "experiments/$1" | jq -r '.iterations[].id')
  for i in $ids; do
    until api "iterations/$i/analysis" | jq -e --arg field "$2" '$field == "" or .[$field] != null' >/dev/null 2>&1; do sleep 0.1; done
  done
}

# What a CI job does: one request that uploads, waits for every iteration to end and answers with the sizes (?wait=).
imagelab_submit_and_wait() { # builder dockerfile...: prints the experiment's id once it has ended
  local builder="$1" args=() f answer; shift
  for f in "$SAMPLE"/*; do args+=(-F "files=@$f;filename=$(basename "$f")"); done
  for f in "$@"; do args+=(-F "dockerfiles=$f"); done
  answer=$(curl -sSf -H "Authorization: Bearer $TOKEN" "${args[@]}" -F "builder=$builder" -F project=bench -F network=true \
    "http://127.0.0.1:$PORT/api/experiments?wait=600")
  jq -e '.status == "Succeeded"' <<<"$answer" >/dev/null || { echo "the experiment did not succeed: $(jq -c '[.status, [.iterations[].error]]' <<<"$answer")" >&2; exit 1; }
  jq -r .id <<<"$answer"
}

# A server that has been running has compiled its hot paths (.NET tiers its JIT up after about 30 calls of a method):
# after the first round on a fresh app, WARMUP submissions (default 20, not timed) bring it there.
warm_up() { # builder dockerfile...
  local i id=""
  for ((i = 0; i < ${WARMUP:-20}; i++)); do id=$(imagelab_submit_and_wait "$@"); done
  # Their analyses run beside: let them end (the queue is first in, first out) before the next timed round.
  if [ -n "$id" ] && [ "$ANALYSIS" = true ]; then wait_analyzed "$id" compressedSizeBytes; fi
}

imagelab_build() { # builder dockerfile
  imagelab_submit_and_wait "$1" "$2" >/dev/null
}

if [ "$LADDER" = 1 ]; then
  printf '%-10s %-20s %8s %10s %6s %12s %6s %12s\n' builder sample/round plain_s succeeded_s ratio files_waste_s ratio push_size_s
  for builder in ${BUILDERS:-classic buildkit}; do
    dockerfiles=$(cd "$SAMPLE" && ls Dockerfile.*)
    for f in $dockerfiles; do plain_build "$builder" "$f"; done
    for round in ${ROUNDS:-first again again2 again3}; do # first: a fresh app and DiffID cache; the rest: both warm (the CI case)
      t0=$(now); for f in $dockerfiles; do plain_build "$builder" "$f"; done; t1=$(now)
      t2=$(now); id=$(imagelab_submit_and_wait "$builder" $dockerfiles); t3=$(now)
      if [ "$ANALYSIS" = true ]; then wait_analyzed "$id" ""; t4=$(now); wait_analyzed "$id" compressedSizeBytes; t5=$(now); else t4=$t3; t5=$t3; fi
      python3 -c "p=$t1-$t0; i=$t3-$t2; a=$t4-$t2; z=$t5-$t2; print(f'{\"$builder\":<10} {\"$(basename "$SAMPLE")/$round\":<20} {p:8.2f} {i:10.2f} {i/p:6.2f} {a:12.2f} {a/p:6.2f} {z:12.2f}')"
      if [ "$round" = first ]; then warm_up "$builder" $dockerfiles; fi
    done
  done
  exit 0
fi

printf '%-12s %-22s %8s %9s %6s\n' builder dockerfile plain_s imagelab_s ratio
for builder in ${BUILDERS:-buildkit classic}; do
  for dockerfile in $(cd "$SAMPLE" && ls Dockerfile.*); do
    [ "$COLD" = 0 ] && plain_build "$builder" "$dockerfile"
    prune; t0=$(now); plain_build "$builder" "$dockerfile"; t1=$(now)
    prune; t2=$(now); imagelab_build "$builder" "$dockerfile"; t3=$(now)
    python3 -c "p=$t1-$t0; i=$t3-$t2; print(f'{\"$builder\":<12} {\"$dockerfile\":<22} {p:8.2f} {i:9.2f} {i/p:6.2f}')"
  done
done
