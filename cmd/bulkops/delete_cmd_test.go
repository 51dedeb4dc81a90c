package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A sheet with an Action column marks records for deletion: bulkops plan lists the
// deletes first and counts them with the organization; submit without a terminal
// deletes only with --yes, and the record is gone; pack, which writes Control Hub's
// package, refuses the file.
func TestDeleteFromAFile(t *testing.T) {
	teams := withGoneOne(t)
	del := writeFile(t, "delete.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout,Action\n"+
		"Czech Support,Prague,AGENT,Blended Digital,Czech Support,Global Layout,\n"+
		"Gone One,Prague,AGENT,,Czech Support,Global Layout,DELETE\n")
	code, out, errs := runCLI(t, "plan", del)
	if code != 0 || !strings.HasPrefix(out, "- Gone One / Prague (row 3)\n~ Czech Support / Prague (row 2)\n") ||
		!strings.Contains(out, "1 to delete from Sandbox (embedded) (") {
		t.Fatalf("plan: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs = runCLI(t, "pack", "-o", filepath.Join(t.TempDir(), "teams.csv"), del); code != 1 ||
		!strings.Contains(errs, "has an Action column; Control Hub cannot delete") {
		t.Fatalf("pack of a file with an Action column: exit %d\n%s", code, errs)
	}
	if code, _, errs = runCLI(t, "submit", "--wait", del); code != 1 || !strings.Contains(errs, "the job deletes 1 record from Sandbox (embedded)") {
		t.Fatalf("submit of a delete without --yes and without a terminal: exit %d\n%s", code, errs)
	}
	if code, _, errs = runCLI(t, "submit", "--wait", "--yes", del); code != 0 {
		t.Fatalf("submit --yes: exit %d\n%s", code, errs)
	}
	if code, out, _ = runCLI(t, "plan", teams); code != 0 || !strings.HasPrefix(out, "+ Gone One / Prague") {
		t.Errorf("Gone One is not gone: the plan of its sheet says\n%s", out)
	}
}

// withGoneOne starts a new data directory whose organization has the team Gone One, and
// returns the sheet that created it.
func withGoneOne(t *testing.T) string {
	t.Helper()
	t.Setenv("BULKOPS_HOME", t.TempDir())
	teams := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout\n"+
		"Gone One,Prague,AGENT,,Czech Support,Global Layout\n")
	if code, out, errs := runCLI(t, "submit", "--wait", "--yes", teams); code != 0 {
		t.Fatalf("submit: exit %d %s\n%s", code, out, errs)
	}
	return teams
}
