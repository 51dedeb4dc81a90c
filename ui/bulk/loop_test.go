package bulk

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

// The whole loop: submit a sheet with a row that will fail in the organization, watch
// the job end Completed with errors, export the errors, take them back to the editor,
// fix the cell and submit again.
func TestSubmitFixAndSubmitAgain(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	sites := sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Digital Only\nOstrava,Voice Onyl\n")
	e.editor.sheets = append(e.editor.sheets, sites)

	if e.b.dash.newOp.Disabled() {
		t.Fatalf("New bulk operation is disabled: %q", e.b.dash.why.Text)
	}
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	if f.obj().Key != "site" || f.imp.from.Selected != importEditor() {
		t.Fatalf("the flow starts on %s from %q; want the editor's sites", f.obj().Key, f.imp.from.Selected)
	}
	test.Tap(f.imp.check)
	if got, want := f.imp.summary.Text, "Records: 3. In Sandbox, 1 will be created, 1 updated and 0 left as they are."; !strings.HasPrefix(got, want) {
		t.Errorf("summary %q, want %q", got, want)
	}
	if !f.imp.own.Hidden {
		t.Errorf("errors of its own shown: %q", f.imp.own.Text)
	}
	if !strings.Contains(f.imp.org.Text, "Rows that will fail in Sandbox: 1.") ||
		!strings.Contains(f.imp.org.Text, `Row 4, Multimedia Profile:`) {
		t.Errorf("what will fail in the organization: %q", f.imp.org.Text)
	}
	if f.imp.submit.Disabled() || f.imp.submit.Text != "Submit to Sandbox" {
		t.Fatalf("submit button %q disabled=%v", f.imp.submit.Text, f.imp.submit.Disabled())
	}
	test.Tap(f.imp.submit) // the job runs inline to its end

	first := e.row(0)
	if first[colFile] != "site.csv" || first[colObject] != "Site" || first[colStatus] != "Completed with errors" ||
		!strings.HasPrefix(first[colID], "BO-") || !strings.HasPrefix(first[colSubmitted], "admin@example.com · ") {
		t.Errorf("dashboard row: %q", first)
	}
	if imp := e.statusCell(0).Importance; imp != widget.WarningImportance {
		t.Errorf("status coloured %v, want warning", imp)
	}
	if !strings.Contains(f.jobText.Text, "Completed with errors — 3 of 3 rows done, 1 failed") {
		t.Errorf("the flow's job line: %q", f.jobText.Text)
	}
	test.Tap(f.close)

	e.b.dash.table.Select(widget.TableCellID{Row: 0, Col: colStatus})
	d := e.b.detail
	if d.id != first[colID] || d.fields[fieldFailed].Text != "1" || d.fields[fieldSucceeded].Text != "2: 1 created, 1 updated, 0 unchanged" {
		t.Fatalf("detail of %q: failed %q, succeeded %q", d.id, d.fields[fieldFailed].Text, d.fields[fieldSucceeded].Text)
	}
	if !strings.Contains(d.errors.Text, `Row 4, Multimedia Profile: Multimedia Profile "Voice Onyl" does not exist`) {
		t.Errorf("first errors: %q", d.errors.Text)
	}
	if want := "Row 3 · Prague: Multimedia Profile: Blended Digital -> Digital Only"; d.changes.Text != want {
		t.Errorf("changes planned: %q, want %q", d.changes.Text, want)
	}

	test.Tap(d.export)
	if !strings.HasSuffix(e.files.saved, "site_"+first[colID]+"_errors.xlsx") {
		t.Errorf("error file offered as %s; want a workbook first", e.files.saved)
	}
	saved, err := sheets.ReadFile(e.files.saved, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(saved.Headers(), ",") + "\n" + strings.Join(saved.Rows[0].Cells, ","); len(saved.Rows) != 1 ||
		got != "Name,Multimedia Profile\nOstrava,Voice Onyl" || saved.Rows[0].Message != `Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)` {
		t.Errorf("error file: %q, message %q", got, saved.Rows[0].Message)
	}

	test.Tap(d.fix)
	fixed, msgs := e.editor.opened, e.editor.messages
	if fixed == nil || len(fixed.Rows) != 1 || len(msgs) != 1 {
		t.Fatalf("editor got %v with messages %v", fixed, msgs)
	}
	if col := fixed.Index("Multimedia Profile"); msgs[0].Row != 2 || msgs[0].Col != col ||
		!strings.HasPrefix(msgs[0].Message, `Multimedia Profile "Voice Onyl" does not exist`) {
		t.Errorf("message %+v, want on row 0, column %d", msgs[0], col)
	}
	if fixed.Rows[0].Message != "" {
		t.Errorf("the row keeps its message %q beside the cell's", fixed.Rows[0].Message)
	}

	fixed.Rows[0].Cells[fixed.Index("Multimedia Profile")] = "Voice Only"
	e.editor.sheets = []*sheets.Sheet{fixed}
	test.Tap(e.b.dash.newOp)
	test.Tap(f.imp.check)
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 1. In Sandbox, 1 will be created, 0 updated and 0 left as they are.") {
		t.Errorf("second summary %q", got)
	}
	if !f.imp.org.Hidden {
		t.Errorf("the fixed sheet still fails: %q", f.imp.org.Text)
	}
	test.Tap(f.imp.submit)
	test.Tap(f.close)
	if second := e.row(0); second[colStatus] != "Completed" || second[colID] == first[colID] {
		t.Errorf("second job: %q", second)
	}
	if imp := e.statusCell(0).Importance; imp != widget.SuccessImportance {
		t.Errorf("Completed coloured %v, want success", imp)
	}
	if got := e.row(1); got[colID] != first[colID] {
		t.Errorf("the first job is not second in the list: %q", got)
	}
}
