package bulk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// An empty dashboard says so in place of the table, not over its column headers.
func TestEmptyDashboardSentence(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	d := e.b.dash
	if !d.empty.Visible() || d.table.Visible() {
		t.Fatalf("no jobs: sentence shown %v, table shown %v", d.empty.Visible(), d.table.Visible())
	}
	if !strings.Contains(uitest.Text(e.win.Content()), "No bulk jobs yet.") || strings.Contains(uitest.Text(e.win.Content()), "Job ID") {
		t.Errorf("the dashboard shows:\n%s", uitest.Text(e.win.Content()))
	}
	submitOne(t, e)
	e.b.showDashboard()
	if d.empty.Visible() || !d.table.Visible() {
		t.Errorf("one job: sentence shown %v, table shown %v", d.empty.Visible(), d.table.Visible())
	}
}

// A job's actions are not where New bulk operation was: a double click that opens the
// job's detail does not export or open anything.
func TestDetailActionsAwayFromNewOperation(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	submitOne(t, e)
	e.b.showDashboard()
	newOp := rect(e.b.dash.newOp)
	e.b.ShowJob("")
	for name, b := range map[string]fyne.CanvasObject{"Export errors": e.b.detail.export, "Fix in editor": e.b.detail.fix} {
		if r := rect(b); r.overlaps(newOp) {
			t.Errorf("%s at %v covers where New bulk operation was, %v", name, r, newOp)
		}
	}
}

// The start page offers the export of the organization's records, which opens the new
// operation on it; the Bulk operations tab leads back to the dashboard, not to the job
// last looked at.
func TestStartPageExportAndTheTab(t *testing.T) {
	e, shell := newEnvWithShell(t)
	view := e.b.View()
	shell.AddView(view)
	w := shell.Window()
	b := uitest.Button(w.Content(), "Export from the organization")
	if b == nil {
		t.Fatalf("the start page offers no export:\n%s", uitest.Text(w.Content()))
	}
	test.Tap(b)
	f := e.b.flow
	if e.b.pages.Objects[0] != f.content || f.mode.Selected != modeExport() || f.exp.from.Selected != exportRecords() {
		t.Fatalf("after Export from the organization: page %v, mode %q, from %q", e.b.pages.Objects[0] == f.content, f.mode.Selected, f.exp.from.Selected)
	}

	shell.Open(sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\n"))
	test.Tap(f.close)
	test.Tap(e.b.dash.newOp)
	test.Tap(f.imp.check)
	test.Tap(f.imp.submit)
	e.b.ShowJob(f.jobID)
	shell.ShowSheets()
	shell.ShowView(view.Title) // what a click on the tab does
	if e.b.pages.Objects[0] != e.b.dash.content {
		t.Error("the Bulk operations tab reopened the job's detail")
	}
}

// newEnvWithShell builds the env on the real editor, connected.
func newEnvWithShell(t *testing.T) (*env, *ui.Shell) {
	t.Helper()
	var shell *ui.Shell
	e := newEnvWith(t, func(a fyne.App) Editor {
		shell = ui.New(a, ui.Options{DataDir: t.TempDir()})
		return shell
	})
	e.b.SetConnection(e.target)
	return e, shell
}

// submitOne submits a one-site sheet through the new operation page.
func submitOne(t *testing.T, e *env) {
	t.Helper()
	e.editor.sheets = []*sheets.Sheet{sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\n")}
	test.Tap(e.b.dash.newOp)
	test.Tap(e.b.flow.imp.check)
	test.Tap(e.b.flow.imp.submit)
	if _, ok := e.b.job(e.b.flow.jobID); !ok {
		t.Fatalf("no job submitted: %q", e.b.flow.note.Text)
	}
}

type box struct{ pos, end fyne.Position }

func rect(o fyne.CanvasObject) box {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return box{p, p.Add(o.Size())}
}

func (a box) overlaps(b box) bool {
	return a.pos.X < b.end.X && b.pos.X < a.end.X && a.pos.Y < b.end.Y && b.pos.Y < a.end.Y
}

// At 1024×700 the job table shows every column whole: job id, file, object, status, who
// submitted it and when.
func TestJobTableAt1024(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	submitOne(t, e)
	e.b.showDashboard()
	e.win.Resize(fyne.NewSize(1024, 700))
	e.b.dash.table.Refresh()
	for c := range numCols {
		l := e.b.dash.cells[widget.TableCellID{Row: 0, Col: c}]
		if l == nil {
			t.Fatalf("column %d of the first job is not on screen", c)
		}
		if end := rect(l).end.X; end > float32(1024) {
			t.Errorf("column %d (%q) ends at %v, beyond the window", c, l.Text, end)
		}
		uitest.Walk(l, func(o fyne.CanvasObject) {
			if tx, ok := o.(*canvas.Text); ok && strings.HasSuffix(tx.Text, "…") {
				t.Errorf("column %d shows %q for %q", c, tx.Text, l.Text)
			}
		})
	}
}
