package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bulkops undo against the embedded sandbox: a team job that creates two teams and
// updates one is taken back — the plan lists the deletes and the restore, the export
// afterwards is the export before, byte for byte — and the undo of the undo redoes it.
func TestUndoCommand(t *testing.T) {
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
	before := export("before.csv")
	teams := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout\n"+
		"Undo One,Prague,AGENT,,Czech Support,Global Layout\n"+
		"Undo Two,Prague,AGENT,,Czech Support,Global Layout\n"+
		"Czech Support,Prague,AGENT,Blended Digital,,\n")
	code, out, errs := runCLI(t, "submit", "--wait", "--yes", teams)
	id := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(id, "BO-") {
		t.Fatalf("submit: exit %d %q\n%s", code, out, errs)
	}
	changed := export("changed.csv")

	// On a terminal it asks, naming the deletes and the organization; "n" sends nothing.
	old, oldIn := stdinTerminal, stdin
	stdinTerminal, stdin = func() bool { return true }, strings.NewReader("n\n")
	code, _, errs = runCLI(t, "undo", "--wait", id)
	stdinTerminal, stdin = old, oldIn
	if code != 1 || !strings.Contains(errs, "Undo "+id+" in Sandbox (embedded) (") ||
		!strings.Contains(errs, "delete 2, create 0 and restore 1 record? [y/N]") || !strings.Contains(errs, "not submitted") {
		t.Fatalf("undo answered n: exit %d\n%s", code, errs)
	}
	if export("asked.csv") != changed {
		t.Fatal("an undo answered n changed the organization")
	}
	// Without a terminal an undo that deletes needs --yes, as a submit that deletes does.
	if code, _, errs = runCLI(t, "undo", "--wait", id); code != 1 || !strings.Contains(errs, "the job deletes 2 records from Sandbox (embedded)") ||
		export("unasked.csv") != changed {
		t.Fatalf("undo without a terminal or --yes: exit %d\n%s", code, errs)
	}

	code, out, errs = runCLI(t, "undo", "--yes", "--wait", strings.ToLower(id))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	undoID := lines[len(lines)-1]
	for _, want := range []string{"Undo of " + id + " (teams.csv, Team):\n", "- Undo One / Prague (row 2)\n", "- Undo Two / Prague (row 3)\n",
		"~ Czech Support / Prague (row 4)\n    Multimedia Profile: \"Blended Digital\" -> \"\"\n",
		"2 to delete, 0 to create, 1 to restore, 0 unchanged, 0 rows failing in Sandbox (embedded)"} {
		if !strings.Contains(out, want) {
			t.Errorf("undo's plan lacks %q:\n%s", want, out)
		}
	}
	if code != 0 || !strings.HasPrefix(undoID, "BO-") || !strings.Contains(errs, "undo of "+id) {
		t.Fatalf("undo: exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ = runCLI(t, "job", id); code != 0 || detail(out, "Undone by") != undoID {
		t.Errorf("the job's detail does not link its undo:\n%s", out)
	}
	if code, out, _ = runCLI(t, "job", undoID); code != 0 || detail(out, "Undo of") != id {
		t.Errorf("the undo's detail does not link its job:\n%s", out)
	}
	if code, out, _ = runCLI(t, "job", "--json", id); code != 0 || !strings.Contains(out, `"undone_by": "`+undoID+`"`) || !strings.Contains(out, `"undoable": true`) {
		t.Errorf("job --json does not link the undo:\n%s", out)
	}
	if after := export("after.csv"); after != before {
		t.Errorf("the export after the undo differs from the one before the job:\n%s\nwant:\n%s", after, before)
	}

	if code, out, errs = runCLI(t, "undo", "--yes", "--wait", undoID); code != 0 {
		t.Fatalf("undo of the undo: exit %d\n%s\n%s", code, out, errs)
	}
	if redo := export("redo.csv"); redo != changed {
		t.Errorf("the undo of the undo did not redo the job:\n%s\nwant:\n%s", redo, changed)
	}
}

// detail is the value of line k of a job's detail.
func detail(out, k string) string {
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, k+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
