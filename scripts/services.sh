#!/usr/bin/env bash
# Starts and stops the real services ImageLab's tests need, on a fresh Debian 12 machine, as root:
# a private Docker engine (no bridge, no iptables, its own data-root and socket) and a second one beside it
# for the scale-out test (builds spread over two engines), a throwaway
# PostgreSQL cluster on 127.0.0.1 and a local registry on 127.0.0.1 (push sizes). Nothing here touches
# the machine's own engine, database or registry.
#
# The engine matrix (IMAGELAB_ENGINE_MATRIX, default "docker26 docker28-containerd"; empty for none) adds newer
# engines beside Debian 12's Docker 20.10, unpacked (not installed) from Debian's own packages of a later suite:
#   docker26               Debian 13 (trixie) docker.io 26.1, API 1.45, overlay2
#   docker28-containerd    Debian unstable (sid) docker.io 28.5, API 1.51, the containerd image store
# Each runs its own containerd with Debian 12's runc; the packages come from the mirror in this machine's own apt
# sources and are cached under $WORK/engines.
#
#   scripts/services.sh install   apt-get what is missing (docker.io, debootstrap, busybox-static, chromium, docker-registry)
#   scripts/services.sh start     start the engine, PostgreSQL and the registry (idempotent) and print their endpoints
#   scripts/services.sh stop      stop what start started
#   scripts/services.sh env       print the environment variables the tests read
#   scripts/services.sh seed-matrix  copy the fixture images (scripts/fixtures.sh) from the first engine to the matrix
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${IMAGELAB_WORK:-/var/tmp/imagelab-test}"
DOCKER_DIR="$WORK/docker"
DOCKER_SOCK="$WORK/docker.sock"
DOCKER2_DIR="$WORK/docker2"
DOCKER2_SOCK="$WORK/docker2.sock"
PG_DIR="$WORK/pg"
PG_PORT="${IMAGELAB_PG_PORT:-55432}"
REGISTRY_PORT="${IMAGELAB_REGISTRY_PORT:-55000}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
REGISTRY_DIR="$WORK/registry"
ENGINE_MATRIX="${IMAGELAB_ENGINE_MATRIX-docker26 docker28-containerd}"
MATRIX_FIXTURES=(busybox:1.36 busybox:latest debian:bookworm debian:bookworm-slim)   # what samples/shell-offline builds on

log() { printf '[services] %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v jq >/dev/null || missing+=(jq)
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

docker_running() { [ -S "$1" ] && docker -H "unix://$1" version >/dev/null 2>&1; }

# matrix_suite NAME: the Debian suite whose docker.io a matrix engine runs.
matrix_suite() {
  case "$1" in
    docker26) echo trixie ;;
    docker28-containerd) echo sid ;;
    *) log "unknown engine '$1' in IMAGELAB_ENGINE_MATRIX (known: docker26 docker28-containerd)"; exit 2 ;;
  esac
}

# unpack_engine SUITE: docker.io and containerd of that suite, unpacked into $WORK/engines/SUITE/root (cached).
unpack_engine() {
  local suite="$1" dir="$WORK/engines/$1"
  [ -x "$dir/root/usr/sbin/dockerd" ] && return
  log "downloading docker.io and containerd from Debian $suite"
  rm -rf "$dir"; mkdir -p "$dir/lists/partial" "$dir/debs" "$dir/root"
  echo "deb $("$HERE/debian-mirror.sh") $suite main" >"$dir/sources.list"
  local apt=(-o "Dir::Etc::sourcelist=$dir/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$dir/lists" -o APT::Sandbox::User=root)
  apt-get "${apt[@]}" update -qq >/dev/null
  (cd "$dir/debs" && apt-get "${apt[@]}" download docker.io containerd >/dev/null)
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root"; done
  # A newer suite's runc needs a newer glibc: Debian 12's own runc runs the containers.
  rm -f "$dir/root/usr/bin/runc" "$dir/root/usr/sbin/runc"
}

start_matrix_engine() {
  local name="$1" suite; suite=$(matrix_suite "$1")
  local dir="$WORK/$name" sock="$WORK/$name.sock" root="$WORK/engines/$suite/root"
  if docker_running "$sock"; then return; fi
  unpack_engine "$suite"
  mkdir -p "$dir"
  if [[ "$name" == *containerd ]]; then
    echo '{"features": {"containerd-snapshotter": true}}' >"$dir/daemon.json"
  else
    echo '{}' >"$dir/daemon.json"
  fi
  log "starting Debian $suite's Docker engine '$name' at unix://$sock"
  # Its own containerd and docker-proxy come first on PATH; runc is Debian 12's.
  PATH="$root/usr/bin:$root/usr/sbin:$PATH" launch_dockerd "$dir" "$sock" "$root/usr/sbin/dockerd" \
    --config-file "$dir/daemon.json" --ip6tables=false
}

# The fixture images, copied from the first engine to each matrix engine that lacks them (shared layers once).
seed_matrix() {
  local name missing
  for name in $ENGINE_MATRIX; do
    missing=()
    for image in "${MATRIX_FIXTURES[@]}"; do
      docker -H "unix://$WORK/$name.sock" image inspect "$image" >/dev/null 2>&1 || missing+=("$image")
    done
    [ ${#missing[@]} -eq 0 ] && continue
    log "copying ${missing[*]} to '$name'"
    docker -H "unix://$DOCKER_SOCK" save "${missing[@]}" | docker -H "unix://$WORK/$name.sock" load -q >/dev/null
  done
}

# launch_dockerd DIR SOCK DOCKERD [FLAG...]: a private engine with its own data root, exec root, pidfile and socket,
# off the host network and iptables; returns once it answers.
launch_dockerd() {
  local dir="$1" sock="$2" dockerd="$3"; shift 3
  mkdir -p "$dir/data" "$dir/exec"
  setsid "$dockerd" "$@" --bridge=none --iptables=false --ip-masq=false \
    --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" --host "unix://$sock" \
    >"$dir/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 90); do
    docker_running "$sock" && return
    sleep 0.5
  done
  log "the Docker engine at unix://$sock did not start; its log follows"; tail -n 30 "$dir/dockerd.log" >&2; exit 1
}

# start_docker DIR SOCK: Debian 12's own engine (docker.io), privately.
start_docker() {
  local dir="$1" sock="$2"
  if docker_running "$sock"; then return; fi
  log "starting a private Docker engine at unix://$sock"
  launch_dockerd "$dir" "$sock" dockerd
}

stop_docker() {
  local dir="$1"
  [ -f "$dir/dockerd.pid" ] || return 0
  local pid; pid=$(cat "$dir/dockerd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping the Docker engine under $dir"
    kill "$pid" || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
}

pg_running() { [ -f "$PG_DIR/data/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

start_postgres() {
  if pg_running; then return; fi
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR" 2>/dev/null || { id postgres >/dev/null 2>&1 || useradd -r -m postgres; chown postgres:postgres "$PG_DIR"; }
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/postgres.log" \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
}

registry_running() { (exec 3<>"/dev/tcp/127.0.0.1/$REGISTRY_PORT") 2>/dev/null; }

# Debian's docker-registry (distribution 2.x) on loopback only: the engine pushes to 127.0.0.1 without TLS.
start_registry() {
  if registry_running; then return; fi
  mkdir -p "$REGISTRY_DIR/data"
  cat >"$REGISTRY_DIR/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
YAML
  log "starting a local registry on 127.0.0.1:$REGISTRY_PORT"
  setsid docker-registry serve "$REGISTRY_DIR/config.yml" >"$REGISTRY_DIR/registry.log" 2>&1 < /dev/null &
  echo $! >"$REGISTRY_DIR/registry.pid"
  for _ in $(seq 1 40); do
    registry_running && return
    sleep 0.25
  done
  log "the registry did not start; its log follows"; tail -n 30 "$REGISTRY_DIR/registry.log" >&2; exit 1
}

stop_registry() {
  [ -f "$REGISTRY_DIR/registry.pid" ] || return 0
  local pid; pid=$(cat "$REGISTRY_DIR/registry.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping the registry"
    kill "$pid" || true
  fi
  rm -f "$REGISTRY_DIR/registry.pid"
}

stop_all() {
  stop_registry
  if pg_running; then
    log "stopping PostgreSQL"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null || true
  fi
  local name
  for name in $ENGINE_MATRIX; do stop_docker "$WORK/$name"; done
  stop_docker "$DOCKER2_DIR"
  stop_docker "$DOCKER_DIR"
}

print_env() {
  cat <<ENV
export IMAGELAB_TEST_DOCKER_ENDPOINT=unix://$DOCKER_SOCK
export IMAGELAB_TEST_DOCKER2_ENDPOINT=unix://$DOCKER2_SOCK
export IMAGELAB_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres'
export IMAGELAB_TEST_REGISTRY_PORT=$REGISTRY_PORT
export IMAGELAB_TEST_PG_CTL='runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DIR/data'
export IMAGELAB_TEST_ENGINES='$(matrix_list)'
ENV
}

# name=endpoint pairs of every engine the matrix tests run on, the first engine first.
matrix_list() {
  local list="docker20=unix://$DOCKER_SOCK" name
  for name in $ENGINE_MATRIX; do list="$list;$name=unix://$WORK/$name.sock"; done
  printf '%s' "$list"
}

case "${1:-}" in
  install) install_packages ;;
  start)
    start_docker "$DOCKER_DIR" "$DOCKER_SOCK"; start_docker "$DOCKER2_DIR" "$DOCKER2_SOCK"
    for name in $ENGINE_MATRIX; do start_matrix_engine "$name"; done
    start_postgres; start_registry; print_env ;;
  stop) stop_all ;;
  env) print_env ;;
  seed-matrix) seed_matrix ;;
  *) echo "usage: $0 install|start|stop|env|seed-matrix" >&2; exit 2 ;;
esac
