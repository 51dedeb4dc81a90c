# The window's keyboard and mouse habits of issue 23, on the real binary (sourced by
# smoke.sh, which defines shot, differ, title, fail and $out, $work, $bin, $teams). Each
# check reads what the step did — a size, a title, pixels that changed, a file — so a
# step that did nothing fails.

# On a 1024x700 screen the window opens within it (it asked for 1280x800 before).
SCREEN=1024x700 shot fits-screen "$teams"
read -r w h <<<"$(sed -n 's/.*Geometry: \([0-9]*\)x\([0-9]*\).*/\1 \2/p' "$out/fits-screen.geometry")"
[ "${w:-9999}" -le 1024 ] && [ "${h:-9999}" -le 700 ] ||
  fail "fits-screen: the window opened at ${w}x${h} on a 1024x700 screen"
echo "smoke: fits-screen opened at ${w}x${h} on 1024x700"

# The Menu key opens the cursor cell's context menu.
ACTIONS='xdotool key Menu; sleep 1' shot context-menu "$teams"
differ context-menu editor-sheet 1280x700+0+80 3000

# Esc on the close question's focused button closes the question and keeps the sheet.
ACTIONS='xdotool key Down type --delay 40 "Esc test"; xdotool key Return ctrl+w; sleep 1' shot close-question "$teams"
rm -rf "$BULKOPS_HOME/drafts" # the edit is a draft now: the next start must not ask about it
ACTIONS='xdotool key Down type --delay 40 "Esc test"; xdotool key Return ctrl+w; sleep 1; xdotool key Tab Escape; sleep 1' \
  shot close-question-esc "$teams"
title close-question-esc teams-edit.csv
differ close-question-esc close-question 700x300+290+250 3000
rm -rf "$BULKOPS_HOME/drafts" # the edit is a draft now: later starts must not ask about it

# One window per user, even when the window holding it stops answering: a second start
# takes over and opens its own window, saying so. The second start's messages go to a file
# of their own: takeover.log is the frozen window's, which writes to it again once resumed
# (through its own file offset, over what the second start wrote there).
ACTIONS='kill -STOP $P; "$0" "'"$teams"'" >"'"$out"'/takeover-second.log" 2>&1 & Q=$!; sleep 10
xdotool search --name Bulkops >"'"$out"'/takeover.windows" || true; kill -CONT $P; kill $Q 2>/dev/null || true; sleep 1' shot takeover "$teams"
grep -q 'did not answer' "$out/takeover-second.log" || fail "takeover: the second start said: $(cat "$out/takeover-second.log")"
[ "$(wc -l <"$out/takeover.windows")" -ge 2 ] || fail "takeover: the second start opened no window of its own"
echo "smoke: takeover ok (a second window opened over a frozen one)"

# A value typed and not yet entered survives SIGTERM as a draft; the drafts go again
# afterwards, so that later starts do not ask about them.
ACTIONS='xdotool key Down type --delay 40 "Zlin Draft"; sleep 0.5' shot draft-on-term "$teams"
grep -rqs 'Zlin Draft' "$BULKOPS_HOME/drafts" || fail "draft-on-term: the typed value is in no draft: $(ls -R "$BULKOPS_HOME/drafts" 2>&1)"
rm -rf "$BULKOPS_HOME/drafts"
echo "smoke: draft-on-term ok"
