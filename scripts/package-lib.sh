# Sourced by the package scripts: the version, the build flags and the fyne tool.
# The version is git describe's (v1.2.0, v1.2.0-3-gabcdef0, abcdef0-dirty), else "dev";
# the Makefile passes its own in VERSION so that `make build` and `make package` agree.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=${VERSION:-$(git -C "$repo" describe --tags --always --dirty 2>/dev/null || echo dev)}
TAGS=${TAGS:-migrated_fynedo}
dist=${DIST:-$repo/build/dist}
# Absolute, as the archives are written from inside temporary folders (zip after a cd).
case "$dist" in /*) ;; *) dist=$repo/$dist ;; esac
FYNE_VERSION=v1.7.4
ldx="-X github.com/bulkops/bulkops/internal/version.Version=$VERSION"

# appVersion is the x.y.z the package formats want (Windows version info, Info.plist): the
# tag's, else FyneApp.toml's; appBuild counts the commits, so each build is numbered higher.
appVersion() {
  if [[ $VERSION =~ ^v?([0-9]+\.[0-9]+\.[0-9]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    sed -n 's/^Version *= *"\([0-9.]*\)".*/\1/p' "$repo/FyneApp.toml" | head -1
  fi
}
appBuild() { git -C "$repo" rev-list --count HEAD 2>/dev/null || echo 1; }

# fyneTool installs the pinned fyne tool into build/tools (once) and prints its path.
fyneTool() {
  local bin=$repo/build/tools/fyne-$FYNE_VERSION
  if [ ! -x "$bin" ]; then
    mkdir -p "$repo/build/tools/gobin"
    GOBIN=$repo/build/tools/gobin CGO_ENABLED=0 go install "fyne.io/tools/cmd/fyne@$FYNE_VERSION" >&2
    mv "$repo/build/tools/gobin/fyne" "$bin"
  fi
  echo "$bin"
}

# withFyneApp runs "$@" with FyneApp.toml beside the main package, where `fyne package`
# looks for it; the copy goes away after (fyne also bumps its Build number, in the copy).
withFyneApp() {
  local copy=$repo/cmd/bulkops/FyneApp.toml
  cp "$repo/FyneApp.toml" "$copy"
  local rc=0
  "$@" || rc=$?
  rm -f "$copy"
  return $rc
}
