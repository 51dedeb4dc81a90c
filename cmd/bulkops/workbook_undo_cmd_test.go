package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bulkops undo of a workbook job: the undo is one job whose plan is printed step by
// step as bulkops plan prints a workbook (the layout's teams restored, then the teams
// and the site deleted, none refused as still in use); afterwards every type exports
// as before the job, and the undo of the undo makes the job's records again.
func TestUndoWorkbookCommand(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	dir := t.TempDir()
	export := func(name string) string {
		t.Helper()
		var all strings.Builder
		for _, key := range []string{"site", "team", "desktop_layout"} {
			path := filepath.Join(dir, key+"-"+name)
			if code, _, errs := runCLI(t, "export", "--object", key, "-o", path); code != 0 {
				t.Fatalf("export: exit %d\n%s", code, errs)
			}
			b, _ := os.ReadFile(path)
			all.Write(b)
		}
		return all.String()
	}
	submit := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := runCLI(t, args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || !strings.HasPrefix(lines[len(lines)-1], "BO-") {
			t.Fatalf("%s: exit %d\n%s\n%s", args[0], code, out, errs)
		}
		return lines[len(lines)-1], out
	}
	before := export("before.csv")
	job, _ := submit("submit", "--wait", "--yes",
		writeFile(t, "desktop_layout.csv", "Name,Description,JSON File Name,Teams\nGlobal Layout,Default desktop layout,Global Layout.json,Brno Sales|Brno Support\n"),
		writeFile(t, "team.csv", "Name,Site,Type,Desktop Layout\nBrno Sales,Brno,AGENT,Global Layout\nBrno Support,Brno,AGENT,Global Layout\n"),
		writeFile(t, "site.csv", "Name,Multimedia Profile\nBrno,Voice Only\n"))
	done := export("done.csv")
	if code, out, _ := runCLI(t, "job", job); code != 0 || detail(out, "Undo") != "bulkops undo "+job {
		t.Errorf("the workbook job's detail does not say how to undo it:\n%s", out)
	}

	undo, out := submit("undo", "--yes", "--wait", job)
	for _, want := range []string{"Undo of " + job + " (", "3 types):\n",
		"== 1. Desktop Layouts\n", "~ Global Layout (row 2)\n", "Teams: \"Brno Sales|Brno Support\" -> \"\"",
		"== 2. Team (deletes)\n", "- Brno Sales / Brno (row 2)\n", "  2 to delete, 0 rows failing in Sandbox (embedded)",
		"== 3. Site (deletes)\n", "- Brno (row 2)\n", "  1 to delete, 0 rows failing in Sandbox (embedded)",
		"\n3 to delete from Sandbox (embedded) (", // the sums name the deletes, as one type's plan does
		"3 to delete, 0 to create, 1 to restore, 0 unchanged, 0 rows failing in Sandbox (embedded)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the undo's plan lacks %q:\n%s", want, out)
		}
	}
	if after := export("after.csv"); after != before {
		t.Errorf("the exports after the undo:\n%s\nwant:\n%s", after, before)
	}
	if code, out, _ := runCLI(t, "job", undo); code != 0 || detail(out, "Undo of") != job {
		t.Errorf("the undo's detail does not link its job:\n%s", out)
	}
	if code, out, _ := runCLI(t, "job", job); code != 0 || detail(out, "Undone by") != undo {
		t.Errorf("the workbook job's detail does not link its undo:\n%s", out)
	}
	submit("undo", "--yes", "--wait", undo)
	if again := export("again.csv"); again != done {
		t.Errorf("the undo of the undo did not redo the job:\n%s\nwant:\n%s", again, done)
	}
}
