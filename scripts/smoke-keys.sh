# The whole loop from the keyboard alone (sourced by smoke.sh, which defines shot, fail
# and $out, $work, $bin): edit a cell, open the View menu with F10, Ctrl+2 to the jobs,
# New bulk operation, Check, Submit, Show the job, Fix in editor, Esc on the question
# that asks before the failed rows replace the sheet, then the trap of issue 23: Ctrl+W
# on the changed sheet, Tab, Space (Cancel), Enter; Esc ends the edit Enter began and
# Ctrl+S saves. Each step's screenshot is keys-N-*.png; the checks after it read what the
# keyboard did: the saved file and the job store.
cp testdata/smoke/teams.csv "$work/keys.csv"
jobs_before=$("$bin" jobs 2>/dev/null | grep -c 'BO-' || true)
snap() { printf '; sleep 1; import -window root "%s/keys-%s.png"' "$out" "$1"; }
ACTIONS="xdotool key Down type --delay 40 'Brno Helpdesk'; xdotool key Return $(snap 1-typed)
xdotool key F10 Right Right Right $(snap 2-view-menu)
xdotool key Escape ctrl+2 $(snap 3-jobs)
xdotool key space $(snap 4-new-operation)
xdotool key Tab Tab Tab Tab Tab space; sleep 3 $(snap 5-checked)
xdotool key space; sleep 6 $(snap 6-submitted)
xdotool key space $(snap 7-job)
xdotool key space; sleep 2 $(snap 8-replace-question)
xdotool key Escape $(snap 9-kept)
xdotool key ctrl+w $(snap 10-close-question)
xdotool key Tab space Return $(snap 11-after-space-enter)
xdotool key Escape ctrl+s; sleep 1" shot keys-12-saved "$work/keys.csv"
for f in "$out"/keys-*.png; do
  [ "$(convert "$f" -format '%k' info:)" -ge 16 ] || fail "$(basename "$f") looks blank"
done
grep -q '^Brno Helpdesk,' <<<"$(head -4 "$work/keys.csv")" || fail "keys: A3 was not typed from the keyboard: $(sed -n 3p "$work/keys.csv")"
grep -q '^Overflow London,' "$work/keys.csv" || fail "keys: Space on the dialog's button blanked a cell: $(cat "$work/keys.csv")"
jobs_after=$("$bin" jobs 2>/dev/null | grep -c 'BO-' || true)
[ "$jobs_after" -gt "$jobs_before" ] || fail "keys: no job was submitted from the keyboard ($jobs_before jobs before, $jobs_after after)"
differ keys-5-checked keys-4-new-operation 1280x150+0+340 2000
differ keys-8-replace-question keys-9-kept 1280x400+200+200 2000
echo "smoke: keyboard-only loop ok (jobs $jobs_before → $jobs_after)"
