#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt already uses for bookworm: the first URI of a deb822 stanza in
# /etc/apt/sources.list.d/*.sources whose Suites name bookworm, else of a 'deb' line for bookworm in
# /etc/apt/sources.list. ImageLab names no mirror of its own; IMAGELAB_DEBIAN_MIRROR overrides.
# Used by fixtures.sh (debootstrap) and services.sh (the newer engines' packages).
set -euo pipefail
log() { printf '[mirror] %s\n' "$*" >&2; }
main() {
  if [ -n "${IMAGELAB_DEBIAN_MIRROR:-}" ]; then echo "$IMAGELAB_DEBIAN_MIRROR"; exit 0; fi
  uri=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    uri=$(awk '
      function flush() { if (!found && deb && bookworm && first != "") { print first; found = 1 } deb = bookworm = 0; first = "" }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
      tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == "bookworm") bookworm = 1 }
      tolower($1) == "uris:" { first = $2 }
      END { flush() }' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                             if ($(i + 1) == "bookworm") { print $i; exit } }' /etc/apt/sources.list)
  fi
  if [ -z "$uri" ]; then
    log "no apt source for bookworm in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list; set IMAGELAB_DEBIAN_MIRROR to a Debian mirror"
    exit 1
  fi
  echo "$uri"
}
main
