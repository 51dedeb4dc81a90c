#!/usr/bin/env bash
# Builds the release artefacts into build/dist/ (or $DIST), named by the version:
#   bulkops-V-linux-amd64.tar.xz       the window + CLI: binary, .desktop file, hicolor icons,
#                                      man pages, and a Makefile (packaging/linux) that installs
#                                      into ~/.local (make user-install) or /usr/local
#   bulkops-cli-V-linux-amd64.tar.xz   the CLI only, CGO off: needs no X11, GL or libc
#   bulkops-V-windows-amd64.zip        Bulkops.exe (window, no console; icon and version
#                                      info embedded) and bulkops-cli.exe (console)
#   bulkops-cli-V-darwin-{arm64,amd64}.tar.gz   the CLI for macOS (the .app needs the
#                                      macOS SDK: scripts/package-macos.sh, on a Mac)
#   SHA256SUMS
# Every archive carries LICENSE, NOTICE and THIRD_PARTY_NOTICES.txt (scripts/notices.sh).
# Usage: scripts/package.sh [linux] [linux-cli] [windows] [darwin-cli]   (default: all)
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
cd "$repo"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(linux linux-cli windows darwin-cli)
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$repo"/cmd/bulkops/zz_bulkops_windows_amd64.syso' EXIT
mkdir -p "$dist"
ldflags="-s -w $ldx"

# legal DIR: the licence, the notice and the third-party notices, into DIR.
legal() {
  mkdir -p "$1"
  cp "$repo/LICENSE" "$repo/NOTICE" "$work/THIRD_PARTY_NOTICES.txt" "$1/"
}

# linux: the cgo build (GLFW, OpenGL), laid out as under /usr/local, with the desktop
# file, icons and installer of packaging/linux and man pages the binary writes itself.
linux() {
  local name=bulkops-$VERSION-linux-amd64 root=$work/linux/bulkops app=io.bulkops.desktop s
  local usr=$root/usr/local
  CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build -trimpath -tags "$TAGS" -ldflags "$ldflags" \
    -o "$usr/bin/bulkops" ./cmd/bulkops
  install -Dm644 packaging/linux/$app.desktop "$usr/share/applications/$app.desktop"
  for s in 16 32 48 64 128 256; do
    install -Dm644 "assets/icon/icon-$s.png" "$usr/share/icons/hicolor/${s}x$s/apps/$app.png"
  done
  install -Dm644 assets/icon.png "$usr/share/icons/hicolor/512x512/apps/$app.png"
  env -u DISPLAY -u WAYLAND_DISPLAY BULKOPS_LANG=en "$usr/bin/bulkops" man-pages "$usr/share/man/man1"
  legal "$usr/share/doc/bulkops"
  install -m644 packaging/linux/Makefile "$root/Makefile"
  install -m755 packaging/linux/install.sh "$root/install.sh"
  tar -C "$work/linux" -cJf "$dist/$name.tar.xz" bulkops
  echo "package: $dist/$name.tar.xz"
}

# cli GOOS GOARCH EXT: the command line without Fyne and with CGO off, so that it starts
# on a server with no display and none of the libraries the window links.
cli() {
  local goos=$1 goarch=$2 ext=$3 name=bulkops-cli-$VERSION-$1-$2
  mkdir -p "$work/$name"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -tags "$TAGS,nogui" \
    -ldflags "$ldflags" -o "$work/$name/bulkops-cli" ./cmd/bulkops
  legal "$work/$name"
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
  legal "$work/win"
  (cd "$work/win" && zip -q -9 "$dist/$name.zip" Bulkops.exe bulkops-cli.exe LICENSE NOTICE THIRD_PARTY_NOTICES.txt)
  echo "package: $dist/$name.zip"
}

scripts/notices.sh "$work/THIRD_PARTY_NOTICES.txt"
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
