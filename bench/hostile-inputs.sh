#!/usr/bin/env bash
# Hostile Dockerfiles (deep nesting, long lines, many continuations, here-documents, many stages; bench/hostile-inputs.py)
# sent to every entry point of the real app: the analyze API (text), a submission's files and a submission's tar archive.
# Prints each answer's status and wall time in seconds (curl's time_total); issue 13 wants each under one second.
#   eval "$(scripts/services.sh env)"; bench/hostile-inputs.sh
#
# Measured 2026-12-07 (wall seconds, curl time_total; 2 cores shared with other jobs; the analyze API, before -> after
# ShellScript.Split stopped at DockerfileLimits.MaxShellCommands = 10,000 commands per script):
#   case                  before (load 2.5, quiet)  before (load 20)  after run 1 (load 41-46)  after run 2 (load 60-74)
#   long-line-pipes       1.26-1.50                 1.14              0.11                      0.39
#   long-line-and-and     0.53                      0.89              0.32                      2.34
#   long-line-semicolons  < 0.45                    0.48              0.38                      1.94
# The after runs were on a loaded machine (load 41-74), so most other cases took 1-3 s (run 1) and up to 36 s (run 2,
# args-many through the form): there the time is the machine's, not super-linear work. Every hostile case was answered
# (400 with a sentence, or 200/201) and the app stayed alive.
# After the change on a quiet machine (load 2.4, 41 cases x 3 entry points, warm): the slowest answer of any case and
# entry point is 0.55 s (nested-32-every-line through the form), then long-env 0.47 s, long-copy 0.43 s; the pipes,
# and-and and semicolon lines 0.06-0.17 s. args-many's 1.02-1.05 s through the form before was the form's first request
# after start (0.92 s for a two-line Dockerfile); the warm-up row now takes it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${IMAGELAB_TEST_DOCKER_ENDPOINT:?run eval \"\$(scripts/services.sh env)\" first}"
PORT="${PORT:-5097}"
DB="imagelab_hostile_$$"
WORKDIR=$(mktemp -d)
CONNECTION="Host=127.0.0.1;Port=55432;Username=postgres;Database=$DB"

psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
[ -n "${NO_BUILD:-}" ] || dotnet build "$ROOT/src/ImageLab.Web" -c Release -nologo -v quiet >/dev/null
APPDLL="$ROOT/src/ImageLab.Web/bin/Release/net10.0/ImageLab.Web.dll"
TOKEN="$(ConnectionStrings__ImageLab="$CONNECTION" Database__MigrateOnStart=true dotnet "$APPDLL" users add bench --role admin --token)"
# Nothing builds or analyzes: only the answers to the requests are measured.
ConnectionStrings__ImageLab="$CONNECTION" Docker__Endpoint="$IMAGELAB_TEST_DOCKER_ENDPOINT" Database__MigrateOnStart=true \
Worker__Enabled=false Analysis__Enabled=false Logging__LogLevel__Default=Warning \
Security__SubmissionsPerMinute=100000 Security__MaxWaitingIterationsPerUser=1000000 Security__MaxWaitingIterationsPerProject=1000000 \
  dotnet "$APPDLL" --urls "http://127.0.0.1:$PORT" >/tmp/imagelab-hostile.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$WORKDIR"; sleep 1; psql -h 127.0.0.1 -p 55432 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.5; done

mkdir "$WORKDIR/cases"
python3 "$ROOT/bench/hostile-inputs.py" "$WORKDIR/cases"
post() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$@"; }

printf '%-28s %9s %10s %14s %14s %14s\n' case bytes lines 'analyze s' 'files s' 'tar s'
# The first request of each entry point after start pays for its code's compilation (about a second): a small valid
# Dockerfile takes it first, on its own row, so that the hostile cases are measured warm.
printf 'FROM alpine\nRUN true\n' > "$WORKDIR/warm-up" && mkdir -p "$WORKDIR/tar/warm-up" && cp "$WORKDIR/warm-up" "$WORKDIR/tar/warm-up/Dockerfile"
tar -C "$WORKDIR/tar/warm-up" -cf "$WORKDIR/warm-up.tar" Dockerfile
printf '%-28s %9s %10s %14s %14s %14s\n' "(first request, warm-up)" 21 2 \
  "$(post -H 'Content-Type: text/plain' --data-binary "@$WORKDIR/warm-up" "http://127.0.0.1:$PORT/api/dockerfiles/analyze")" \
  "$(post -F project=hostile -F "files=@$WORKDIR/warm-up;filename=Dockerfile" "http://127.0.0.1:$PORT/api/experiments")" \
  "$(post -F project=hostile -F "context=@$WORKDIR/warm-up.tar;filename=context.tar" "http://127.0.0.1:$PORT/api/experiments")"
for file in "$WORKDIR"/cases/*; do
  name=$(basename "$file")
  mkdir -p "$WORKDIR/tar/$name" && cp "$file" "$WORKDIR/tar/$name/Dockerfile"
  tar -C "$WORKDIR/tar/$name" -cf "$WORKDIR/$name.tar" Dockerfile
  analyze=$(post -H 'Content-Type: text/plain' --data-binary "@$file" "http://127.0.0.1:$PORT/api/dockerfiles/analyze")
  files=$(post -F project=hostile -F "files=@$file;filename=Dockerfile" "http://127.0.0.1:$PORT/api/experiments")
  archive=$(post -F project=hostile -F "context=@$WORKDIR/$name.tar;filename=context.tar" "http://127.0.0.1:$PORT/api/experiments")
  printf '%-28s %9s %10s %14s %14s %14s\n' "$name" "$(stat -c %s "$file")" "$(wc -l <"$file")" "$analyze" "$files" "$archive"
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && echo "the app is alive after every case" || echo "THE APP DIED"
