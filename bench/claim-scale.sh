#!/usr/bin/env bash
# Claims at scale: ITERATIONS (default 1,000) queued iterations claimed by three worker processes (--role worker) on two
# engines (IMAGELAB_TEST_DOCKER_ENDPOINT twice, IMAGELAB_TEST_DOCKER2_ENDPOINT once), beside one web process (--role web),
# all on one PostgreSQL database. Each iteration is a FROM-scratch Dockerfile that copies one small file under its own
# name, so a build takes the engine a fraction of a second and the queue, leases and claims are what is measured.
#   eval "$(scripts/services.sh env)"; bench/claim-scale.sh
# Prints: the time from the first submit to the last iteration Succeeded, iterations per second, how many each worker
# and each engine built, and the proof that none was built twice: every iteration claimed once (attempt 1) and each
# build started once (one 'FROM scratch' step in its events). The layer analysis is off (Analysis__Enabled=false): this measures the build queue.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
: "${IMAGELAB_TEST_DOCKER2_ENDPOINT:?the second engine is needed}"
ITERATIONS="${ITERATIONS:-1000}"
PER_EXPERIMENT=10
PORT="${PORT:-5097}"  # the web process; the workers take the next three ports: all four must be free
DB="imagelab_claims_$$"
# A worker whose port is taken dies at start and the run measures fewer workers than it says (it happened: 5098 was
# another session's app).
for p in $(seq "$PORT" $((PORT + 3))); do
  if ss -ltn "sport = :$p" | grep -q LISTEN; then echo "port $p is in use: set PORT to the first of four free ports" >&2; exit 1; fi
done
CS="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB"
DLL="$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll"
WORK="$(mktemp -d)"
PIDS=()

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 2
  psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
TOKEN="$(ConnectionStrings__ImageLab="$CS" Database__MigrateOnStart=true dotnet "$DLL" users add bench --role admin --token)"

common=(ConnectionStrings__ImageLab="$CS" Database__MigrateOnStart=true Analysis__Enabled=false Logging__LogLevel__Default=Warning
  Security__SubmissionsPerMinute=100000 Security__MaxWaitingIterationsPerUser=1000000 Security__MaxWaitingIterationsPerProject=1000000
  Worker__PollMilliseconds="${POLL_MS:-2000}")
env "${common[@]}" dotnet "$DLL" --role web --urls "http://127.0.0.1:$PORT" >"$WORK/web.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done
ENGINES=("$IMAGELAB_TEST_DOCKER_ENDPOINT" "$IMAGELAB_TEST_DOCKER2_ENDPOINT" "$IMAGELAB_TEST_DOCKER_ENDPOINT")
for w in 0 1 2; do
  env "${common[@]}" Docker__Endpoint="${ENGINES[$w]}" dotnet "$DLL" --role worker --urls "http://127.0.0.1:$((PORT + 1 + w))" \
    >"$WORK/worker$w.log" 2>&1 &
  PIDS+=($!)
done

# The contexts: one file, and PER_EXPERIMENT Dockerfiles per experiment, each copying it under its own name.
echo "claims" >"$WORK/a"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load before: $(load)"
t0=$(date +%s.%N)
for ((e = 0; e < ITERATIONS / PER_EXPERIMENT; e++)); do
  args=(-F "files=@$WORK/a;filename=a")
  for ((i = 0; i < PER_EXPERIMENT; i++)); do
    printf 'FROM scratch\nCOPY a /a-%d-%d\n' "$e" "$i" >"$WORK/Dockerfile.$i"
    args+=(-F "files=@$WORK/Dockerfile.$i;filename=Dockerfile.$i" -F "dockerfiles=Dockerfile.$i")
  done
  curl -sSf -o /dev/null -H "Authorization: Bearer $TOKEN" "${args[@]}" -F builder=classic -F project=claims \
    "http://127.0.0.1:$PORT/api/experiments"
done
t1=$(date +%s.%N)
q() { psql -At -h 127.0.0.1 -p 55432 -U postgres -d "$DB" -c "$1"; }
until [ "$(q "SELECT count(*) FROM iterations WHERE status NOT IN ('Succeeded','Failed','Canceled')")" = 0 ]; do sleep 1; done
t2=$(date +%s.%N)
echo "load after: $(load)"
python3 -c "n=$ITERATIONS; s=$t1-$t0; d=$t2-$t0; print(f'{n} iterations: submitted in {s:.1f} s; first submit to last iteration ended {d:.1f} s, {n/d:.1f} iterations/s')"
echo "by status:"; q "SELECT status, count(*) FROM iterations GROUP BY status ORDER BY 1"
echo "failed, by reason:"; q "SELECT count(*), left(failure_reason, 300) FROM iterations WHERE status = 'Failed' GROUP BY 2 ORDER BY 1 DESC"
echo "errors the processes logged (count, first line):"
{ grep -h -A1 -E '^(fail|crit):' "$WORK"/*.log || true; } | { grep -v -E '^(fail|crit):|^--' || true; } | sed 's/^ *//' | cut -c1-200 | sort | uniq -c | sort -rn | head -10
echo "by engine (the endpoint each iteration was built on):"; q "SELECT engine, count(*) FROM iterations GROUP BY engine ORDER BY 1"
echo "claimed more than once (attempt > 1):"; q "SELECT count(*) FROM iterations WHERE attempt > 1"
echo "iterations whose build started more than once (more than one 'FROM scratch' step in their events):"
q "SELECT count(*) FROM (SELECT i.id, (SELECT count(*) FROM events e WHERE e.iteration_id = i.id AND e.type = 'StepStarted' AND e.text = 'FROM scratch') AS n FROM iterations i) t WHERE n > 1 AND NOT EXISTS (SELECT 1 FROM events w WHERE w.iteration_id = t.id AND w.type = 'Warning' AND w.text LIKE 'The engine lost an image%')"
echo "built again by the same worker after the classic builder's cache-probe race (ClassicCacheRace):"
q "SELECT count(DISTINCT iteration_id) FROM events WHERE type = 'Warning' AND text LIKE 'The engine lost an image%'"
echo "experiments whose images retention removed during the run (Worker:KeepImagesOfLatestExperiments, default 50):"
q "SELECT count(*) FROM experiments WHERE images_removed"
# The bench's own images (recorded per iteration), removed from the engine that built each.
for endpoint in "$IMAGELAB_TEST_DOCKER_ENDPOINT" "$IMAGELAB_TEST_DOCKER2_ENDPOINT"; do
  q "SELECT DISTINCT image_id FROM iterations WHERE engine = '$endpoint' AND image_id IS NOT NULL" \
    | xargs -r -n 200 env DOCKER_HOST="$endpoint" docker rmi -f >/dev/null 2>&1 || true
done
