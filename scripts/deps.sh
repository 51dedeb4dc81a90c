#!/usr/bin/env bash
# Installs the Debian packages Bulkops needs, only those that are missing.
#   scripts/deps.sh build   - Fyne's cgo build (gcc, GL and X11/Wayland headers)
#   scripts/deps.sh test    - build + Xvfb, imagemagick, dbus and gnome-keyring for the integration tests,
#                             openpyxl and LibreOffice headless for the workbook round trips, desktop-file-utils
#   scripts/deps.sh package - build + mingw-w64 (the Windows cgo build and windres), xz, zip, file,
#                             desktop-file-utils
#   scripts/deps.sh icons   - rsvg-convert and imagemagick, to render the icon (scripts/package-icons.sh)
#   scripts/deps.sh wine    - Wine, for the Windows smoke run of the package test (large, optional)
#   scripts/deps.sh bench   - build + /usr/bin/time and python3, for scripts/bench-pack.sh
set -euo pipefail
what=${1:-build}
pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxrandr-dev libxxf86vm-dev libxi-dev
      libxcursor-dev libxinerama-dev libwayland-dev libxkbcommon-dev)
case "$what" in
  build) ;;
  test) pkgs+=(xvfb xauth xdotool imagemagick dbus dbus-x11 gnome-keyring libgl1-mesa-dri desktop-file-utils
             python3-openpyxl libreoffice-calc-nogui) ;;
  package) pkgs+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 xz-utils zip unzip file make desktop-file-utils) ;;
  icons) pkgs=(librsvg2-bin imagemagick) ;;
  wine) pkgs=(wine64) ;;
  bench) pkgs+=(time python3) ;;
  *) echo "deps: unknown group $what (build, test, package, icons, wine, bench)"; exit 2 ;;
esac
os=$(uname -s)
if [ "$os" != Linux ]; then
  case "$os" in
    Darwin) echo "deps: on macOS install the Xcode command line tools: xcode-select --install" ;;
    *) echo "deps: on $os install a C compiler and OpenGL headers (see https://docs.fyne.io/started/)" ;;
  esac
  exit 0
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian/Ubuntu system. Install the equivalents of: ${pkgs[*]}"
  echo "      Fedora: sudo dnf install gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel xorg-x11-server-Xvfb ImageMagick dbus-daemon gnome-keyring"
  echo "      Arch:   sudo pacman -S go xorg-server-devel libxcursor libxrandr libxinerama libxi wayland libxkbcommon xorg-server-xvfb imagemagick gnome-keyring"
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  # grep reads a here-string, not a pipe: under pipefail an early exit of grep -q would
  # fail dpkg-query with SIGPIPE and count an installed package as missing.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  grep -q 'install ok installed' <<<"$status" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "deps: missing packages and no root. Run:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null || true
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
