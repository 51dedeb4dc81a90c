#!/usr/bin/env bash
# Runs the tests that need a real OS keyring (Secret Service) inside a private D-Bus session
# with a fresh, unlocked gnome-keyring, so nothing touches the developer's own keyring.
set -euo pipefail
if [ "$(uname -s)" != Linux ]; then echo "keyring-test: Linux only, skipped"; exit 0; fi
for c in dbus-run-session gnome-keyring-daemon; do
  command -v $c >/dev/null || { echo "keyring-test: $c missing (run: make test-deps)"; exit 1; }
done
# Keep Go's caches where they are: only the keyring's HOME is fresh.
export GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_RUNTIME_DIR=$home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
  echo -n bulkops-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  go test -count=1 -tags keyring_integration -run RealKeyring ./sync/auth/'
