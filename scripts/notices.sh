#!/usr/bin/env bash
# Writes THIRD_PARTY_NOTICES.txt: every module the Bulkops binaries are built from (the
# window and the CLI, for Linux, Windows and macOS), from go.mod's build list, with the
# licence texts each ships (LICENSE, COPYING, NOTICE…). A module without one fails the run:
# a package must not ship code whose licence it cannot show.
# Usage: scripts/notices.sh OUT
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
cd "$repo"
out=$1
mods=$(
  for target in linux/amd64 windows/amd64 darwin/arm64; do
    for tags in "$TAGS" "$TAGS,nogui"; do
      GOOS=${target%/*} GOARCH=${target#*/} CGO_ENABLED=1 go list -deps -tags "$tags" \
        -f '{{with .Module}}{{if not .Main}}{{.Path}}|{{.Version}}{{end}}{{end}}' ./cmd/bulkops
    done
  done | sort -u
)
{
  echo "Bulkops is built with Go and the following third-party Go modules. Their licences"
  echo "follow, as each ships them."
  echo
  while IFS='|' read -r path ver; do echo "  $path $ver"; done <<<"$mods"
  echo
  echo "================================================================================"
  echo "The Go standard library and runtime $(go env GOVERSION)"
  echo "================================================================================"
  echo
  cat "$(go env GOROOT)/LICENSE"
  while IFS='|' read -r path ver; do
    dir=$(go mod download -json "$path@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    licences=$(find "$dir" -maxdepth 1 -type f \( -iname 'LICEN[CS]E*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) | sort)
    [ -n "$licences" ] || { echo "notices: $path $ver ships no licence file" >&2; exit 1; }
    echo
    echo "================================================================================"
    echo "$path $ver"
    echo "================================================================================"
    for f in $licences; do
      echo
      echo "--- ${f##*/}"
      cat "$f"
    done
  done <<<"$mods"
} >"$out"
echo "notices: $out ($(wc -l <<<"$mods") modules)"
