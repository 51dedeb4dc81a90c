#!/usr/bin/env bash
# Smoke test of the real binary: starts the window under Xvfb against the embedded sandbox,
# takes screenshots with X's own `import` (Fyne's Capture is black under Xvfb), and checks
# each: the process is still alive, the screenshot is not blank, and what the shot is for
# is there (a step whose precondition did not happen fails; a job row on the dashboard is
# checked against the empty dashboard). The last run drives the whole loop from the
# keyboard alone. Screenshots are kept in build/smoke/ as build artefacts.
set -euo pipefail
bin=$(realpath "${1:-bin/bulkops}")
out=$(pwd)/build/smoke
rm -rf "$out" && mkdir -p "$out"
if [ "$(uname -s)" != Linux ]; then echo "smoke: Linux only, skipped"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BULKOPS_HOME=$work/home HOME=$work XDG_RUNTIME_DIR=$work/run
mkdir -p "$BULKOPS_HOME" "$XDG_RUNTIME_DIR" "$HOME/.cache" && chmod 700 "$XDG_RUNTIME_DIR"
fail() { echo "smoke: $*"; exit 1; }

shot() { # shot NAME [ARGS...]: start the window with ARGS, screenshot it, check it.
  # $ACTIONS (shell commands, xdotool mostly, run once the window is up; any failing
  # fails the shot) drive it first; $SCREEN sizes the screen, and the window is resized
  # to it (its size as it opened is kept in NAME.geometry). $SECOND (arguments) starts a second bulkops while the window is open.
  local name=$1; shift
  local screen=${SCREEN:-1280x800}
  xvfb-run -a -s "-screen 0 ${screen}x24" dbus-run-session -- sh -c '
    "$0" "$@" >"'"$out/$name.log"'" 2>&1 & P=$!
    W=
    for i in $(seq 1 40); do sleep 0.5; W=$(xdotool search --name Bulkops 2>/dev/null | head -1); [ -n "$W" ] && break; done
    [ -n "$W" ] || { echo "smoke: '"$name"': no window appeared"; exit 1; }
    sleep 2
    xdotool getwindowgeometry "$W" >"'"$out/$name.geometry"'"
    xdotool windowmove "$W" 0 0 windowsize "$W" '"${screen%x*} ${screen#*x}"'
    sleep 1
    set -e
    '"${ACTIONS:-:}"'
    set +e
    sleep 1
    import -window root "'"$out/$name.png"'"
    xdotool getwindowname "$W" >"'"$out/$name.title"'"
    if ! kill -0 $P 2>/dev/null; then echo "smoke: '"$name"': the app exited early"; exit 1; fi
    # SIGTERM quits the window; a process still there 20 s later is killed and said (Fyne
    # 2.8.1 can leave its lifecycle queue waiting on a main loop that has ended), so that
    # the run never hangs on it.
    kill $P
    for i in $(seq 1 40); do kill -0 $P 2>/dev/null || break; sleep 0.5; done
    if kill -0 $P 2>/dev/null; then
      echo "smoke: '"$name"': warning: the app was still running 20 s after SIGTERM; killed" >&2
      kill -9 $P
    fi
    wait $P 2>/dev/null || true' "$bin" "$@" || fail "$name: the step failed (see $out/$name.log)"
  local colours
  colours=$(convert "$out/$name.png" -format '%k' info:)
  [ "${colours:-0}" -ge 16 ] || fail "$name.png looks blank ($colours colours)"
  echo "smoke: $name.png ok ($colours colours, title: $(cat "$out/$name.title"))"
}

# title NAME TEXT: the window's title at the shot names TEXT (the sheet or file shown).
title() { grep -qF -- "$2" "$out/$1.title" || fail "$1: the title is \"$(cat "$out/$1.title")\", not naming $2"; }

# differ A B REGION MIN: shots A and B differ in more than MIN pixels of REGION (WxH+X+Y).
differ() {
  local n
  n=$(compare -metric AE -fuzz 5% "$out/$1.png[$3]" "$out/$2.png[$3]" null: 2>&1 || true)
  n=${n%% *}
  [ "${n%.*}" -gt "$4" ] 2>/dev/null || fail "$1 and $2 do not differ in $3 ($n pixels)"
  echo "smoke: $1 differs from $2 in $3 ($n pixels)"
}

teams=$(pwd)/testdata/smoke/teams-edit.csv
shot start
shot editor-sheet "$teams"
title editor-sheet teams-edit.csv
# B3 holds "Praha", a site the sandbox does not have: its whole message, "did you mean",
# shows under the cell bar and wrapped in the findings.
ACTIONS='xdotool key Down Right' shot finding-message "$teams"
# In Czech (the window follows the system's language): C4's "AGNET" has its Czech finding
# under the cell bar, and the findings list is Czech, the headers and values as written.
LANGUAGE=cs LANG=cs_CZ.UTF-8 ACTIONS='xdotool key Down Down Right Right' \
  shot czech-findings "$(pwd)/testdata/smoke/teams-cs.csv"
# A drag from A4 to C6 selects the range; the formula bar names C6.
ACTIONS='xdotool mousemove 420 318 mousedown 1 sleep 0.3 mousemove 480 340 sleep 0.2 mousemove 600 400 sleep 0.3 mouseup 1' \
  shot drag-selection "$teams"
SCREEN=1024x700 shot small-window "$teams"
# The page tabs take the keyboard: on the jobs page (no job yet), Shift+Tab reaches the
# tab row, Left and Enter bring the Sheets page back (the editor, where the jobs page was).
ACTIONS='xdotool key ctrl+2; sleep 1' shot tabs-jobs "$teams"
ACTIONS='xdotool key ctrl+2; sleep 1; xdotool key shift+Tab; sleep 0.5; xdotool key Left Return; sleep 1' \
  shot tabs-keys "$teams"
differ tabs-keys tabs-jobs 1280x600+0+80 20000

# The dashboard before any job, then a finished job (submitted headless to the same
# embedded sandbox): the job's row must show where the empty dashboard has none.
shot empty-dashboard --view jobs
scripts/smoke-job.sh "$bin" "$work" >"$out/job.log" 2>&1 || { cat "$out/job.log"; fail "the job step failed"; }
grep -q 'BO-' "$out/job.log" || fail "the job step listed no job"
shot dashboard --view jobs
differ dashboard empty-dashboard 1280x120+0+120 2000
shot job-detail --view job:last
differ job-detail dashboard 1280x500+0+100 5000
SCREEN=1024x700 shot small-dashboard --view jobs
# Add a Webex organization with a name the rules refuse: the dialog stays, says why on
# the field, and keeps every value.
ACTIONS='xdotool mousemove 225 733 click 1 sleep 1 type --delay 60 "Acme/EU"; sleep 0.3; xdotool mousemove 696 321 click 1 sleep 0.3 type --delay 60 "C0ffee"' \
  shot add-org-refused --view connections

# One window per user: a second bulkops with a file, while the window is open, hands the
# file over and exits; the open window shows it.
ACTIONS='"$0" "'"$teams"'" >"'"$out"'/second.log" 2>&1; sleep 2' shot second-start
title second-start teams-edit.csv
grep -q 'already open' "$out/second.log" || fail "second-start: the second bulkops said: $(cat "$out/second.log")"

# A whole organization's export opens as one workbook (Enter: "Open all together"): a
# sheet per type under the workbook's name, the title naming the workbook.
"$bin" export --all -o "$work/org.xlsx" >"$out/export-all.log" 2>&1 || { cat "$out/export-all.log"; fail "export --all failed"; }
ACTIONS='xdotool key Return; sleep 2' shot workbook "$work/org.xlsx"
title workbook org.xlsx
# Check and submit… (Ctrl+Shift+Enter) on it lists every sheet's findings in one dialog.
ACTIONS='xdotool key Return; sleep 2; xdotool key ctrl+shift+Return; sleep 1' shot workbook-check "$work/org.xlsx"
differ workbook-check workbook 700x500+290+130 20000
# Submit a workbook… (Ctrl+Shift+B) on the jobs view: its file dialog cancelled, the page
# has no plan; org.xlsx chosen there (its icon, then Open), the page shows the plan
# step by step. The check's "Submit the workbook" on the workbook open in the editor
# shows the same plan of its sheets as edited. (The plan reads every type: 20 s under load.)
ACTIONS='xdotool key ctrl+shift+b; sleep 2; xdotool mousemove 791 566 click 1' shot workbook-page --view jobs
ACTIONS='xdotool key ctrl+shift+b; sleep 2; xdotool mousemove 762 345 click 1 sleep 0.5 mousemove 858 566 click 1 sleep 20' \
  shot workbook-plan --view jobs
differ workbook-plan workbook-page 1280x560+0+180 20000
ACTIONS='xdotool key Return; sleep 2; xdotool key ctrl+shift+Return; sleep 1; xdotool mousemove 610 641 click 1 sleep 20' \
  shot workbook-submit "$work/org.xlsx"
differ workbook-submit workbook-page 1280x560+0+180 20000

. scripts/smoke-window.sh
. scripts/smoke-keys.sh
