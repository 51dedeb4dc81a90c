#!/usr/bin/env bash
# Smoke test of the real binary: starts the window under Xvfb against the embedded sandbox,
# takes screenshots with X's own `import` (Fyne's Capture is black under Xvfb), and checks
# that the process is still alive and that the screenshots are not blank.
# Screenshots are kept in build/smoke/ as build artefacts.
set -euo pipefail
bin=$(realpath "${1:-bin/bulkops}")
out=$(pwd)/build/smoke
rm -rf "$out" && mkdir -p "$out"
if [ "$(uname -s)" != Linux ]; then echo "smoke: Linux only, skipped"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BULKOPS_HOME=$work/home HOME=$work XDG_RUNTIME_DIR=$work/run
mkdir -p "$BULKOPS_HOME" "$XDG_RUNTIME_DIR" "$HOME/.cache" && chmod 700 "$XDG_RUNTIME_DIR"
# A finished job for the dashboard shots: submitted headless to the same embedded sandbox.
if "$bin" help 2>/dev/null | grep -q '^  submit'; then
  scripts/smoke-job.sh "$bin" "$work" >"$out/job.log" 2>&1 || { cat "$out/job.log"; exit 1; }
fi
shot() { # shot NAME [ARGS...]: start the window with ARGS, screenshot it, check it
  local name=$1; shift
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
    "$0" "$@" >"'"$out/$name.log"'" 2>&1 & P=$!
    for i in $(seq 1 40); do sleep 0.5; xdotool search --name Bulkops >/dev/null 2>&1 && break; done
    sleep 3
    import -window root "'"$out/$name.png"'"
    if ! kill -0 $P 2>/dev/null; then echo "smoke: the app exited early"; exit 1; fi
    kill $P; wait $P 2>/dev/null || true' "$bin" "$@"
  local colours
  colours=$(convert "$out/$name.png" -format '%k' info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "smoke: $name.png looks blank ($colours colours)"; exit 1
  fi
  echo "smoke: $name.png ok ($colours colours)"
}
shot editor
shot editor-sheet "$(pwd)/testdata/smoke/teams-edit.csv"
if "$bin" help 2>/dev/null | grep -q '^  jobs'; then
  shot dashboard --view jobs
  shot job-detail --view job:last
fi
