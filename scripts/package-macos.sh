#!/usr/bin/env bash
# On a Mac: builds Bulkops.app with `fyne package` and zips it into
# build/dist/bulkops-V-darwin-ARCH.zip (ARCH of this Mac). The .app links Cocoa and
# OpenGL from the macOS SDK, which Linux does not have: this is the one package that is
# built on a Mac. Needs Go and the Xcode command line tools (xcode-select --install).
# The app is not signed: the first start is Control-click > Open.
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
if [ "$(uname -s)" != Darwin ]; then
  echo "package-macos: run this on a Mac; from Linux, make package builds the macOS CLI only" >&2
  exit 1
fi
arch=$(go env GOARCH)
name=bulkops-$VERSION-darwin-$arch
fyne=$(fyneTool)
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$repo/cmd/bulkops/FyneApp.toml"' EXIT
mkdir -p "$dist"
# fyne package builds the binary itself; it takes -ldflags from GOFLAGS.
(cd "$work" && GOFLAGS="-ldflags=$ldx" CGO_ENABLED=1 withFyneApp "$fyne" package -os darwin \
  --src "$repo/cmd/bulkops" --icon "$repo/assets/icon.png" \
  --app-version "$(appVersion)" --app-build "$(appBuild)" --release)
"$work/Bulkops.app/Contents/MacOS/bulkops" --version
ditto -c -k --keepParent "$work/Bulkops.app" "$dist/$name.zip"
(cd "$dist" && shasum -a 256 "$name.zip" >>SHA256SUMS)
echo "package: $dist/$name.zip"
