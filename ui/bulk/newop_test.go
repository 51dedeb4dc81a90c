package bulk

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
)

// A file with a row that has an error of its own cannot be submitted; the summary names
// the row and the column, and the file can be opened in the editor to fix it.
func TestImportFileWithErrorsOfItsOwn(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	path := filepath.Join(t.TempDir(), "new sites.csv")
	if err := os.WriteFile(path, []byte("Name,Multimedia Profile\nBrno,Voice Only\n,Voice Only\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	f.selectObject("site")
	if f.imp.from.Selected != importFile() || !f.imp.check.Disabled() {
		t.Fatalf("with no sheet open: from %q, check disabled %v", f.imp.from.Selected, f.imp.check.Disabled())
	}
	e.files.open_ = path
	test.Tap(f.imp.choose)
	test.Tap(f.imp.check)
	if !strings.HasPrefix(f.imp.own.Text, "Rows with errors of their own: 1. Fix them before submitting:\nRow 3, Name:") {
		t.Errorf("errors of its own: %q", f.imp.own.Text)
	}
	if !f.imp.submit.Disabled() {
		t.Error("Submit is enabled with errors of the sheet's own")
	}
	test.Tap(f.imp.fix)
	if e.editor.opened == nil || e.editor.opened.File != path || len(e.editor.opened.Rows) != 2 {
		t.Fatalf("the editor got %+v", e.editor.opened)
	}
	if e.b.pages.Objects[0] != e.b.dash.content {
		t.Error("the page stays open after the sheet went to the editor")
	}
}

// An import from a file submits it as it is named, and the dashboard shows that name.
func TestImportFile(t *testing.T) {
	e := newEnv(t)
	f, _ := e.checkFile("site", "sites.csv", "Name;Multimedia Profile\nKolin;Voice Only\n")
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 1. In Sandbox, 1 will be created, 0 updated and 0 left as they are.") {
		t.Errorf("summary %q", got)
	}
	test.Tap(f.imp.submit)
	if f.jobID == "" {
		t.Fatalf("not submitted: %s; disabled %v own %q", f.note.Text, f.imp.submit.Disabled(), f.imp.own.Text)
	}
	test.Tap(f.close)
	if got := e.row(0); got[colFile] != "sites.csv" || got[colStatus] != "Completed" {
		t.Errorf("dashboard row %q", got)
	}
}

// Export: an empty template goes to the editor; the organization's records go to a file
// (recording the organization) and the editor.
func TestExport(t *testing.T) {
	e := newEnv(t)
	f := e.exportOf("site")
	test.Tap(f.exp.run)
	if sh := e.editor.opened; sh == nil || sh.Object.Key != "site" || len(sh.Rows) != 0 || len(sh.Columns) == 0 {
		t.Fatalf("template: %+v", sh)
	}

	f.exp.from.SetSelected(exportRecords())
	f.exp.save.SetChecked(true)
	test.Tap(f.exp.run)
	sh := e.editor.opened
	if sh == nil || len(sh.Rows) == 0 || sh.File != e.files.saved {
		t.Fatalf("records: %+v", sh)
	}
	back, err := sheets.ReadFile(e.files.saved, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if back.Object.Key != "site" || len(back.Rows) != len(sh.Rows) {
		t.Errorf("the file has %d %v records, the editor %d", len(back.Rows), back.Object, len(sh.Rows))
	}
	// It records its organization, as the CLI's export does: a submit elsewhere is a copy.
	if back.Origin == nil || back.Origin.OrgID != e.target.OrgID || back.Origin.OrgName != e.target.OrgName {
		t.Errorf("%s records the organization %+v, want %s (%s)", e.files.saved, back.Origin, e.target.OrgName, e.target.OrgID)
	}
	if want := "Records exported to " + e.files.saved + ": " + strconv.Itoa(len(sh.Rows)) + "."; f.note.Text != want {
		t.Errorf("note %q, want %q", f.note.Text, want)
	}
}

// A one-type export to .xlsx records its organization; checked and submitted while the
// window uses another, it is a copy: the check says so naming both, and Submit asks
// before anything is sent (Cancel sends nothing).
func TestSingleTypeCopyAsksFirst(t *testing.T) {
	e := newEnv(t)
	f := e.exportOf("site")
	f.exp.from.SetSelected(exportRecords())
	f.exp.save.SetChecked(true)
	test.Tap(f.exp.run)
	exported := e.files.saved
	test.Tap(f.close)

	empty := emptyTarget(t)
	e.b.SetConnection(empty)
	test.Tap(e.b.dash.newOp)
	f = e.b.flow
	f.selectObject("site")
	e.files.open_ = exported
	test.Tap(f.imp.choose)
	test.Tap(f.imp.check)
	want := filepath.Base(exported) + " was exported from Sandbox (" + e.target.OrgID + "): submitting it to Empty (" + empty.OrgID + ") copies it into another organization."
	if got := f.imp.summary.Text; !strings.HasPrefix(got, want+"\n") {
		t.Errorf("the check does not name the copy: %q", got)
	}
	test.Tap(f.imp.submit)
	if !shows(e.win, "Copy into Empty") {
		t.Fatalf("Submit did not ask about the copy: %q", texts(e.win))
	}
	confirm(t, e.win, "Cancel")
	if f.jobID != "" {
		t.Fatalf("Cancel submitted job %q", f.jobID)
	}
	test.Tap(f.imp.submit)
	confirm(t, e.win, "Copy and submit") // the job runs inline to its end
	// (The empty organization lacks the sites' multimedia profiles: they fail there, as
	// the check said; what matters here is that the job went to it after the question.)
	if j, ok := e.b.job(f.jobID); !ok || j.OrgID != empty.OrgID || j.Total == 0 || j.Status.Active() {
		t.Fatalf("the copy job: %+v", j)
	}
}
