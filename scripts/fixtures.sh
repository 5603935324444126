#!/usr/bin/env bash
# Builds the offline base images ImageLab's tests and samples build on, on the engine at DOCKER_HOST.
# No registry is reachable, so each is made locally and tagged with the name a Dockerfile uses:
#   busybox:latest, busybox:1.36          FROM scratch + busybox-static (2 MB)
#   debian:bookworm                        debootstrap --variant=minbase, imported
#   debian:bookworm-slim                   the same without docs, man pages and locales, flattened
#   python:3.11-bookworm                   Debian + python3, pip, venv, headers and build tools (the "full" image)
#   python:3.11-slim-bookworm              slim Debian + python3 only
#   mcr.microsoft.com/dotnet/sdk:10.0      Debian + the host's .NET SDK (deploy/Dockerfile's build stage)
#   mcr.microsoft.com/dotnet/aspnet:10.0-alpine
#                                          slim Debian + the host's ASP.NET Core runtime (its runtime stage)
#   node:20-bookworm                       Debian + the host's Node 20 and npm
# Each image is skipped when its tag already exists, so a second run takes a second.
set -euo pipefail
: "${DOCKER_HOST:?DOCKER_HOST must name the engine, e.g. unix:///var/tmp/imagelab-test/docker.sock}"
export DOCKER_BUILDKIT=0   # the docker client here has no buildx plugin; the classic builder is enough
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${IMAGELAB_WORK:-/var/tmp/imagelab-test}"
log() { printf '[fixtures] %s\n' "$*" >&2; }
has() { docker image inspect "$1" >/dev/null 2>&1; }

busybox_image() {
  has busybox:1.36 && return
  log "busybox:1.36"
  local dir; dir=$(mktemp -d)
  cp /bin/busybox "$dir/busybox"
  cp "$HERE/fixtures/busybox.Dockerfile" "$dir/Dockerfile"
  docker build -q -t busybox:1.36 -t busybox:latest "$dir" >/dev/null
  rm -rf "$dir"
}

debian_image() {
  has debian:bookworm && return
  local root="$WORK/rootfs/bookworm"
  if [ ! -x "$root/bin/bash" ]; then
    local mirror; mirror=$("$HERE/debian-mirror.sh")
    log "debootstrap bookworm from $mirror (about 30 s)"
    rm -rf "$root"; mkdir -p "$root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$WORK/debootstrap.log" 2>&1
  fi
  log "debian:bookworm"
  tar -C "$root" -c . | docker import -c 'CMD ["bash"]' - debian:bookworm >/dev/null
  docker tag debian:bookworm debian:12
}

# A Dockerfile's layers only ever add bytes, so the slim base is flattened: build, export, import.
debian_slim_image() {
  has debian:bookworm-slim && return
  log "debian:bookworm-slim"
  docker build -q -t imagelab-fixtures/debian-slim-unflattened -f "$HERE/fixtures/debian-slim.Dockerfile" "$HERE/fixtures" >/dev/null
  local cid; cid=$(docker create imagelab-fixtures/debian-slim-unflattened)
  docker export "$cid" | docker import -c 'CMD ["bash"]' - debian:bookworm-slim >/dev/null
  docker rm "$cid" >/dev/null
  docker rmi imagelab-fixtures/debian-slim-unflattened >/dev/null
}

python_images() {
  if ! has python:3.11-bookworm; then
    log "python:3.11-bookworm (apt-get over the host network, about a minute)"
    docker build -q --network host -t python:3.11-bookworm -f "$HERE/fixtures/python-full.Dockerfile" "$HERE/fixtures" >/dev/null
  fi
  if ! has python:3.11-slim-bookworm; then
    log "python:3.11-slim-bookworm"
    docker build -q --network host -t python:3.11-slim-bookworm -f "$HERE/fixtures/python-slim.Dockerfile" "$HERE/fixtures" >/dev/null
  fi
}

# deploy/Dockerfile's bases, from the .NET on this machine: the runtime alone, or all of it for the SDK.
dotnet_images() {
  local dotnet_root; dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  if ! has mcr.microsoft.com/dotnet/aspnet:10.0-alpine; then
    log "mcr.microsoft.com/dotnet/aspnet:10.0-alpine (stand-in)"
    local dir; dir=$(mktemp -d -p "$WORK")
    mkdir -p "$dir/dotnet/shared"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dir/dotnet/"
    cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$dir/dotnet/shared/"
    cp /bin/busybox "$dir/busybox"
    docker build -q --network host -t mcr.microsoft.com/dotnet/aspnet:10.0-alpine -f "$HERE/fixtures/dotnet-aspnet.Dockerfile" "$dir" >/dev/null
    rm -rf "$dir"
  fi
  if ! has mcr.microsoft.com/dotnet/sdk:10.0; then
    log "mcr.microsoft.com/dotnet/sdk:10.0 (stand-in, about a minute)"
    local dir; dir=$(mktemp -d -p "$WORK")
    cp -a "$dotnet_root" "$dir/dotnet"
    cp /etc/ssl/certs/ca-certificates.crt "$dir/"
    docker build -q --network host -t mcr.microsoft.com/dotnet/sdk:10.0 -f "$HERE/fixtures/dotnet-sdk.Dockerfile" "$dir" >/dev/null
    rm -rf "$dir"
  fi
}

# Node's own layout (node and npm under /usr/local), from the Node on this machine: no apt, no registry.
node_image() {
  has node:20-bookworm && return
  log "node:20-bookworm (stand-in)"
  local dir; dir=$(mktemp -d -p "$WORK")
  cp "$(readlink -f "$(command -v node)")" "$dir/node"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$dir/npm"
  docker build -q -t node:20-bookworm -f "$HERE/fixtures/node.Dockerfile" "$dir" >/dev/null
  rm -rf "$dir"
}

busybox_image
debian_image
debian_slim_image
python_images
dotnet_images
node_image
log "fixtures ready"
