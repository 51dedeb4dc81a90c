package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Delete → undo → undo on the command line: a file of keys only (Name, Site, Action: a
// team's key, found to be teams by its header) deletes two teams; bulkops undo creates
// them again and the export is the one before the delete; the undo of the undo deletes
// them again.
func TestDeleteUndoUndo(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	dir := t.TempDir()
	export := func(name string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if code, _, errs := runCLI(t, "export", "--object", "team", "-o", path); code != 0 {
			t.Fatalf("export: exit %d\n%s", code, errs)
		}
		b, _ := os.ReadFile(path)
		return string(b)
	}
	submit := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(t, args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || !strings.HasPrefix(lines[len(lines)-1], "BO-") {
			t.Fatalf("%s: exit %d\n%s\n%s", args[0], code, out, errs)
		}
		return lines[len(lines)-1]
	}
	submit("submit", "--wait", "--yes", writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout\n"+
		"Back One,Prague,AGENT,,Czech Support,Global Layout\nBack Two,Prague,AGENT,Blended Digital,,Global Layout\n"))
	before := export("before.csv")
	del := submit("submit", "--wait", "--yes", writeFile(t, "delete.csv", "Name,Site,Action\nBack One,Prague,DELETE\nBack Two,Prague,DELETE\n"))
	deleted := export("deleted.csv")
	if strings.Contains(deleted, "Back One") || strings.Contains(deleted, "Back Two") {
		t.Fatalf("the delete left the teams:\n%s", deleted)
	}
	undo := submit("undo", "--yes", "--wait", del)
	if after := export("after.csv"); after != before {
		t.Errorf("the export after the undo of the delete:\n%s\nwant:\n%s", after, before)
	}
	submit("undo", "--yes", "--wait", undo)
	if again := export("again.csv"); again != deleted {
		t.Errorf("the undo of the undo did not delete again:\n%s\nwant:\n%s", again, deleted)
	}
}
