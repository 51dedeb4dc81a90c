package bulk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// The form keeps no state from the last operation that would mislead the next one
// (issue 23, point 3).

// New bulk operation starts on the sheet being edited, not on the first open sheet in
// dependency order (Site comes before Team).
func TestNewOperationStartsOnTheSheetBeingEdited(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	site, _ := catalog.Lookup("site")
	team, _ := catalog.Lookup("team")
	e.editor.sheets = []*sheets.Sheet{sheets.New(site), sheets.New(team)}
	e.editor.opened = e.editor.sheets[1]
	test.Tap(e.b.dash.newOp)
	if got := e.b.flow.obj().Key; got != "team" {
		t.Errorf("the form starts on %q while Team is edited", got)
	}
}

// After one submit, a new Check in the same form can be submitted, and the old job's
// progress is off the page.
func TestCheckAfterASubmitCanSubmitAgain(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	f := checkSitesFile(e, "sites.csv", "Name,Multimedia Profile\nKolin,Voice Only\n")
	test.Tap(f.imp.submit)
	if f.jobID == "" || !f.jobText.Visible() {
		t.Fatalf("not submitted: %s", f.note.Text)
	}
	e.b.Refresh()
	if strings.Contains(f.jobText.Text, "You can close this page") {
		t.Errorf("the ended job still says it goes on: %q", f.jobText.Text)
	}

	test.Tap(f.imp.check)
	if f.imp.submit.Disabled() {
		t.Errorf("Submit stays disabled after a new check: %q %q", f.note.Text, f.imp.own.Text)
	}
	if f.jobText.Visible() || f.progress.Visible() || f.openJob.Visible() {
		t.Errorf("the last job stays on the page: %q", f.jobText.Text)
	}
}

// An export that opened its sheet in the editor makes that sheet the import's source:
// Check checks it rather than asking for a file.
func TestImportFollowsTheSheetAnExportOpened(t *testing.T) {
	e := newEnv(t)
	f := e.exportOf("site")
	test.Tap(f.exp.run)
	if e.editor.opened == nil {
		t.Fatal("the export opened nothing")
	}
	f.mode.SetSelected(modeImport())
	if f.imp.from.Selected != importEditor() || f.imp.check.Disabled() {
		t.Errorf("after the export, import from %q, Check disabled %v", f.imp.from.Selected, f.imp.check.Disabled())
	}
}

// checkSitesFile writes a file of sites, chooses it on a new operation's page and checks it.
func checkSitesFile(e *env, name, content string) *newOperation {
	e.t.Helper()
	f, _ := e.checkFile("site", name, content)
	return f
}

// Messages of a past job on the editor's sheet go once the sheet was submitted again and
// that job ended (issue 23, point 4): they answered the last submit, not this one.
func TestSubmittingTheEditorsSheetForgetsItsOldMessages(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.editor.sheets = []*sheets.Sheet{sheetOf(t, "site", "Name,Multimedia Profile\nBerlin,Voice Only\n")}
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	test.Tap(f.imp.check)
	test.Tap(f.imp.submit)
	if f.jobID == "" {
		t.Fatalf("not submitted: %s", f.note.Text)
	}
	e.b.Refresh()
	if len(e.editor.forgot) != 1 || e.editor.forgot[0] != "site" {
		t.Errorf("after the job ended the editor was told to forget %v; want [site]", e.editor.forgot)
	}
}

// From the keyboard, each step leaves the keyboard on the next: New bulk operation on the
// Object, Check on Submit, Submit on Show the job, Close on New bulk operation (a pressed
// button that is disabled or gone took the keyboard with it, and Tab started over).
func TestKeyboardGoesOnFromEachStep(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.editor.sheets = []*sheets.Sheet{sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\n")}
	f := e.b.flow
	focused := func() fyne.Focusable { return e.win.Canvas().Focused() }
	steps := []struct {
		name  string
		press fyne.Tappable
		want  fyne.Focusable
	}{
		{"New bulk operation", e.b.dash.newOp, f.object},
		{"Check", f.imp.check, f.imp.submit},
		{"Submit", f.imp.submit, f.openJob},
		{"Close", f.close, e.b.dash.newOp},
	}
	for _, s := range steps {
		s.press.Tapped(&fyne.PointEvent{})
		if got := focused(); got != s.want {
			t.Errorf("after %s the keyboard is on %T", s.name, got)
		}
	}
}

// Brought to the front from the keyboard (Ctrl+2), the jobs page has the keyboard on New
// bulk operation even when jobs are listed (the table comes first in the layout, and
// Space there opened the first job).
func TestJobsPageFocusesNewOperation(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	submitOne(t, e)
	e.b.showDashboard()
	e.win.Canvas().Unfocus()
	e.b.View().Focus()
	if got := e.win.Canvas().Focused(); got != e.b.dash.newOp {
		t.Errorf("the jobs page gives the keyboard to %T", got)
	}
}

// On a 1024×700 window the job's page shows its first errors without scrolling (issue
// 23, point 8).
func TestJobFailuresAboveTheFold(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	submitOne(t, e)
	e.win.Resize(fyne.NewSize(1024, 700))
	e.b.showJob(e.b.flow.jobID)
	y := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.b.detail.errors).Y
	if y > 700-40 {
		t.Errorf("the first errors begin at y=%.0f, below the fold of a 700 px window", y)
	}
}
