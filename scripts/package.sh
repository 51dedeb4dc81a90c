#!/usr/bin/env bash
# Builds the release artefacts into build/dist/ (or $DIST), named by the version:
#   bulkops-V-linux-amd64.tar.xz       the window + CLI, as `fyne package` lays it out:
#                                      binary, icon, .desktop file, a Makefile that installs
#                                      into ~/.local (make user-install) or /usr/local
#   bulkops-cli-V-linux-amd64.tar.xz   the CLI only, CGO off: needs no X11, GL or libc
#   bulkops-V-windows-amd64.zip        Bulkops.exe (window, no console; icon and version
#                                      info embedded) and bulkops-cli.exe (console)
#   bulkops-cli-V-darwin-{arm64,amd64}.tar.gz   the CLI for macOS (the .app needs the
#                                      macOS SDK: scripts/package-macos.sh, on a Mac)
#   SHA256SUMS
# Usage: scripts/package.sh [linux] [linux-cli] [windows] [darwin-cli]   (default: all)
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
cd "$repo"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(linux linux-cli windows darwin-cli)
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$repo"/cmd/bulkops/zz_bulkops_windows_amd64.syso "$repo/cmd/bulkops/FyneApp.toml"' EXIT
mkdir -p "$dist"
ldflags="-s -w $ldx"

# linux: the cgo build (GLFW, OpenGL), packaged by `fyne package` with FyneApp.toml.
linux() {
  local name=bulkops-$VERSION-linux-amd64 fyne
  fyne=$(fyneTool)
  CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build -trimpath -tags "$TAGS" -ldflags "$ldflags" \
    -o "$work/linux/bulkops" ./cmd/bulkops
  (cd "$work/linux" && withFyneApp "$fyne" package -os linux --src "$repo/cmd/bulkops" \
    --executable "$work/linux/bulkops" --icon "$repo/assets/icon.png" \
    --app-version "$(appVersion)" --app-build "$(appBuild)" --release >/dev/null)
  mv "$work/linux/Bulkops.tar.xz" "$dist/$name.tar.xz"
  echo "package: $dist/$name.tar.xz"
}

# cli GOOS GOARCH EXT: the command line without Fyne and with CGO off, so that it starts
# on a server with no display and none of the libraries the window links.
cli() {
  local goos=$1 goarch=$2 ext=$3 name=bulkops-cli-$VERSION-$1-$2
  mkdir -p "$work/$name"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -tags "$TAGS,nogui" \
    -ldflags "$ldflags" -o "$work/$name/bulkops-cli" ./cmd/bulkops
  case $ext in
    tar.xz) tar -C "$work" -cJf "$dist/$name.$ext" "$name" ;;
    tar.gz) tar -C "$work" -czf "$dist/$name.$ext" "$name" ;;
  esac
  echo "package: $dist/$name.$ext"
}

# windows: cross cgo with mingw-w64, the icon, version info and manifest in a resource
# made by windres (a .syso the Go linker picks up), -H windowsgui for no console window.
# bulkops-cli.exe is the console build for cmd.exe and PowerShell: a windowsgui program's
# output never reaches the console it was started from.
windows() {
  local name=bulkops-$VERSION-windows-amd64
  mkdir -p "$work/win"
  scripts/package-winres.sh "$work/winres" "$repo/cmd/bulkops/zz_bulkops_windows_amd64.syso"
  CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 go build -trimpath -tags "$TAGS" \
    -ldflags "$ldflags -H windowsgui" -o "$work/win/Bulkops.exe" ./cmd/bulkops
  CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -tags "$TAGS,nogui" \
    -ldflags "$ldflags" -o "$work/win/bulkops-cli.exe" ./cmd/bulkops
  rm -f "$repo/cmd/bulkops/zz_bulkops_windows_amd64.syso"
  rm -f "$dist/$name.zip"
  (cd "$work/win" && zip -q -9 "$dist/$name.zip" Bulkops.exe bulkops-cli.exe)
  echo "package: $dist/$name.zip"
}

for t in "${targets[@]}"; do
  case $t in
    linux) linux ;;
    linux-cli) cli linux amd64 tar.xz ;;
    windows) windows ;;
    darwin-cli) cli darwin arm64 tar.gz; cli darwin amd64 tar.gz ;;
    *) echo "package: unknown target $t (linux, linux-cli, windows, darwin-cli)"; exit 2 ;;
  esac
done
(cd "$dist" && rm -f SHA256SUMS && sha256sum -- *-"$VERSION"-* >SHA256SUMS)
echo "package: $dist/SHA256SUMS"
