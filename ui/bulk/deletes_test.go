package bulk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
	"github.com/bulkops/bulkops/ui/sheetview"
)

// A sheet with records marked for deletion: the check counts the deletes and lists them
// above every other change; Submit asks first, naming the count and the organization —
// Cancel sends nothing, "Delete and submit" deletes them.
func TestSubmitThatDeletesAsksFirst(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	e.runSheet("team", head+"\nGone One,Prague,AGENT,,Czech Support,Global Layout\nGone Two,Prague,AGENT,,Czech Support,Global Layout\n")
	before := e.exportText("team")
	// Only the key is needed to delete: the Action column and the team's Name and Site.
	e.editor.sheets = append(e.editor.sheets, sheetOf(t, "team", "Name,Site,Action\nGone One,Prague,DELETE\nGone Two,Prague,DELETE\n"))

	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	test.Tap(f.imp.check)
	if got, want := f.imp.summary.Text, "Records: 2. In Sandbox, 2 will be deleted, 0 created, 0 updated and 0 left as they are."; !strings.HasPrefix(got, want) {
		t.Errorf("summary %q, want %q", got, want)
	}
	if !f.imp.own.Hidden {
		t.Errorf("a delete of names only has errors of its own: %q", f.imp.own.Text)
	}
	if got := texts(e.win); !strings.Contains(strings.Join(got, "\n"), "To delete from Sandbox: 2\n− delete Gone One / Prague (row 2)\n− delete Gone Two / Prague (row 3)") {
		t.Errorf("the check does not head its changes with the deletes: %q", got)
	}

	test.Tap(f.imp.submit)
	if !shows(e.win, "The job deletes 2 records from Sandbox") {
		t.Fatalf("Submit did not ask: %q", texts(e.win))
	}
	confirm(t, e.win, "Cancel")
	if f.jobID != "" || e.exportText("team") != before {
		t.Fatalf("Cancel submitted job %q", f.jobID)
	}
	test.Tap(f.imp.submit)
	confirm(t, e.win, "Delete and submit") // the job runs inline to its end
	j, ok := e.b.job(f.jobID)
	if !ok || j.Status != "Completed" || j.Succeeded != 2 {
		t.Fatalf("the delete job: %+v", j)
	}
	if after := e.exportText("team"); strings.Contains(after, "Gone One") || strings.Contains(after, "Gone Two") {
		t.Errorf("the teams are still there:\n%s", after)
	}
}

// The whole way in the window: in the sheet editor Ctrl+Shift+D marks the team under the
// cursor for deletion (the Action column added), "Check and submit…" lists the delete on
// top, and the confirmed submit deletes that team and no other.
func TestMarkInTheEditorCheckAndDelete(t *testing.T) {
	e, shell := newEnvWithShell(t)
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	e.runSheet("team", head+"\nMarked One,Prague,AGENT,,Czech Support,Global Layout\nKept Two,Prague,AGENT,,Czech Support,Global Layout\n")
	shell.Open(sheetOf(t, "team", head+"\nMarked One,Prague,AGENT,,Czech Support,Global Layout\nKept Two,Prague,AGENT,,Czech Support,Global Layout\n"))
	uitest.Shortcut(shell.Window(), sheetview.CtrlShift(fyne.KeyD))
	sh := shell.CurrentSheet()
	if i := sh.Index("Action"); i < 0 || sh.Cell(0, i) != "DELETE" || sh.Cell(1, i) != "" {
		t.Fatalf("after Ctrl+Shift+D: %v %q", sh.Headers(), sh.Rows)
	}
	e.b.CheckSheet("team")
	f := e.b.flow
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 2. In Sandbox, 1 will be deleted, 0 created, 0 updated and 1 left as they are.") {
		t.Errorf("summary %q", got)
	}
	if all := strings.Join(texts(e.win), "\n"); !strings.Contains(all, "To delete from Sandbox: 1\n− delete Marked One / Prague (row 2)") {
		t.Errorf("the check does not list the delete:\n%s", all)
	}
	test.Tap(f.imp.submit)
	confirm(t, e.win, "Delete and submit")
	after := e.exportText("team")
	if strings.Contains(after, "Marked One") || !strings.Contains(after, "Kept Two") {
		t.Errorf("after the submit:\n%s", after)
	}
}
