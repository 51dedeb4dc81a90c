#!/usr/bin/env bash
# Checks the packages scripts/package.sh built, as an administrator would use them:
#   Linux tarball: unpacked, installed with its Makefile into a temporary home with a space
#     in its path (make user-install), the installed binary run without a display:
#     --version, objects, validate, and the window's "no display" exit 2; the .desktop file
#     (desktop-file-validate), hicolor icons and man pages where the desktop looks for them;
#     make user-uninstall;
#   every archive: LICENSE, NOTICE, THIRD_PARTY_NOTICES.txt;
#   Linux CLI: statically linked (ldd), the same commands, and no window;
#   Windows zip: Bulkops.exe a PE32+ amd64 GUI program with icon, version info and
#     manifest, bulkops-cli.exe a console one; both run under Wine where Wine is installed.
# Usage: scripts/package-test.sh DIST_DIR
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
dist=$(realpath "${1:-$dist}")
cd "$repo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package-test: $*" >&2; exit 1; }
csv=$repo/testdata/smoke/teams.csv

# headless BIN ARGS...: runs BIN the way a server or an SSH session would, with no display.
headless() { env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" BULKOPS_HOME="$work/data" "$@"; }

# commands BIN EDITION: the CLI half answers without a display.
commands() {
  local bin=$1 edition=$2 out
  out=$(headless "$bin" --version) || fail "$bin --version failed"
  [ "$out" = "bulkops $VERSION (linux; amd64)$edition" ] || fail "$bin --version printed: $out"
  out=$(headless "$bin" objects) || fail "$bin objects failed"
  grep -q '^team ' <<<"$out" || fail "$bin objects lists no team: $out"
  out=$(headless "$bin" validate "$csv" 2>&1) || fail "$bin validate $csv failed: $out"
  grep -q '0 error' <<<"$out" || fail "$bin validate: $out"
  echo "package-test: $(basename "$bin"): --version, objects, validate run with no display"
}

# linuxTarball: installed per user into a home whose path has a space, as an administrator
# would (make user-install), checked where the desktop looks, run, and uninstalled.
linuxTarball() {
  local tar=$dist/bulkops-$VERSION-linux-amd64.tar.xz home="$work/home with space" bin out
  local app=io.bulkops.desktop
  [ -f "$tar" ] || fail "no $tar"
  mkdir -p "$work/x" "$home"
  tar -C "$work/x" -xJf "$tar"
  hasLegal "$work/x/bulkops/usr/local/share/doc/bulkops"
  HOME=$home make -s -C "$work/x/bulkops" user-install >/dev/null
  bin=$home/.local/bin/bulkops
  [ -x "$bin" ] || fail "make user-install put no bulkops in ~/.local/bin"
  local desktop=$home/.local/share/applications/$app.desktop
  grep -qxF "Exec=\"$bin\" %F" "$desktop" || fail "the desktop file does not start \"$bin\" %F: $(cat "$desktop")"
  grep -qx "MimeType=text/csv;application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;" "$desktop" ||
    fail "the desktop file does not offer Bulkops for CSV and XLSX"
  desktop-file-validate "$desktop" || fail "desktop-file-validate refuses $desktop"
  for s in 16 32 48 64 128 256 512; do
    grep -q "PNG image data, $s x $s" <<<"$(file "$home/.local/share/icons/hicolor/${s}x$s/apps/$app.png")" ||
      fail "no $s px icon in hicolor"
  done
  [ -f "$home/.local/share/man/man1/bulkops-validate.1" ] || fail "no man page bulkops-validate.1"
  grep -q 'libGL\.so' <<<"$(ldd "$bin")" || fail "the window build does not link libGL: did the package build change?"
  commands "$bin" ""
  local rc=0
  out=$(headless "$bin" 2>&1) || rc=$?
  [ $rc = 2 ] && grep -q 'no display' <<<"$out" || fail "the window build with no display: exit $rc, $out"
  out=$(HOME=$home make -s -C "$work/x/bulkops" user-uninstall) || fail "make user-uninstall failed"
  grep -q 'Left in place' <<<"$out" || fail "user-uninstall does not say what it leaves: $out"
  [ ! -e "$bin" ] && [ ! -e "$desktop" ] && [ ! -e "$home/.local/share/icons/hicolor/48x48/apps/$app.png" ] ||
    fail "make user-uninstall left files: $(find "$home/.local" -type f)"
  echo "package-test: $(basename "$tar"): make user-install into a home with a space, desktop file valid (%F, CSV/XLSX), hicolor icons, man pages; no display: exit 2; user-uninstall"
}

# hasLegal DIR: the licence and the third-party notices are in DIR.
hasLegal() {
  for f in LICENSE NOTICE THIRD_PARTY_NOTICES.txt; do
    [ -s "$1/$f" ] || fail "no $f in $1"
  done
  grep -q 'Apache License' "$1/LICENSE" || fail "$1/LICENSE is not the Apache License"
  grep -q '^github.com/spf13/cobra ' "$1/THIRD_PARTY_NOTICES.txt" || fail "THIRD_PARTY_NOTICES.txt lacks cobra"
}

linuxCLI() {
  local tar=$dist/bulkops-cli-$VERSION-linux-amd64.tar.xz bin out rc=0
  [ -f "$tar" ] || fail "no $tar"
  tar -C "$work" -xJf "$tar"
  bin=$work/bulkops-cli-$VERSION-linux-amd64/bulkops-cli
  hasLegal "$work/bulkops-cli-$VERSION-linux-amd64"
  grep -q 'statically linked' <<<"$(file "$bin")" || fail "bulkops-cli is not statically linked: $(file "$bin")"
  ! ldd "$bin" >/dev/null 2>&1 || fail "bulkops-cli links shared libraries: $(ldd "$bin")"
  commands "$bin" ", command line only"
  out=$(headless "$bin" 2>&1) || rc=$?
  [ $rc = 2 ] && grep -q 'this build has no window' <<<"$out" || fail "bulkops-cli with no command: exit $rc, $out"
  echo "package-test: $(basename "$tar"): static, no window"
}

windowsZip() {
  local zip=$dist/bulkops-$VERSION-windows-amd64.zip
  [ -f "$zip" ] || fail "no $zip"
  unzip -q "$zip" -d "$work/win"
  hasLegal "$work/win"
  grep -q 'PE32+ executable (GUI) x86-64' <<<"$(file "$work/win/Bulkops.exe")" || fail "Bulkops.exe: $(file "$work/win/Bulkops.exe")"
  grep -q 'PE32+ executable (console) x86-64' <<<"$(file "$work/win/bulkops-cli.exe")" || fail "bulkops-cli.exe: $(file "$work/win/bulkops-cli.exe")"
  go run ./scripts/pecheck -subsystem gui -version "$VERSION" "$work/win/Bulkops.exe"
  go run ./scripts/pecheck -subsystem console -version "$VERSION" "$work/win/bulkops-cli.exe"
  wineRun "$work/win"
}

# wineRun DIR: the Windows builds' --version and objects under Wine, where it is installed
# (scripts/deps.sh wine; Debian's wine64 is some 700 MB, so the test does not install it).
wineRun() {
  local wine out exe
  wine=$(command -v wine64 || command -v wine || true)
  [ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
  if [ -z "$wine" ]; then
    echo "package-test: Wine is not installed (scripts/deps.sh wine): the Windows run is skipped"
    return
  fi
  export WINEPREFIX=$work/wine WINEDEBUG=-all
  out=$(headless "$wine" "$1/bulkops-cli.exe" --version 2>&1 | tr -d '\r') || true
  if grep -q 'bcryptprimitives.dll not found' <<<"$out"; then
    # Go 1.24 and later take their random numbers from ProcessPrng, which Wine has from 8.13.
    echo "package-test: $("$wine" --version) has no bcryptprimitives.dll, which Go programs need since Go 1.24 (Wine has it from 8.13): the Windows run is skipped"
    return
  fi
  for exe in bulkops-cli.exe Bulkops.exe; do
    out=$(headless "$wine" "$1/$exe" --version 2>/dev/null | tr -d '\r') || fail "wine $exe --version failed"
    grep -q "^bulkops $VERSION (windows; amd64)" <<<"$out" || fail "wine $exe --version printed: $out"
  done
  out=$(headless "$wine" "$1/bulkops-cli.exe" objects 2>/dev/null | tr -d '\r') || fail "wine bulkops-cli.exe objects failed"
  grep -q '^team ' <<<"$out" || fail "wine bulkops-cli.exe objects: $out"
  echo "package-test: under Wine ($("$wine" --version)): Bulkops.exe and bulkops-cli.exe --version, objects"
}

linuxTarball
linuxCLI
windowsZip
(cd "$dist" && sha256sum -c --quiet SHA256SUMS) || fail "SHA256SUMS does not match"
echo "package-test: ok ($VERSION)"
