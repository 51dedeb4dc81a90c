package bulk

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

// The editor's "Submit the workbook" hands the bulk view the workbook's sheets as
// edited (ui's TestSubmitTheWorkbookHandsItsSheetsOver): here the demo's whole export,
// read as the editor reads it, with a site renamed and not saved. The Submit a workbook
// page plans the sheets as they are (the renamed site is the one record to create), the
// confirmation submits them, and the dashboard shows one workbook job. The same sheets
// handed over while the window uses the empty organization are a copy: the plan and the
// confirmation name both organizations.
func TestSubmitTheWorkbookFromTheEditor(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.b.View().FileItems[0].Run() // Export the whole organization…
	book, err := sheets.ReadWorkbookSheets(e.files.saved, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	site := book[slices.IndexFunc(book, func(sh *sheets.Sheet) bool { return sh.Object.Key == "site" })]
	old := site.Rows[0].Cells[0]
	site.Rows[0].Cells[0] = old + " Edited" // an edit not saved

	p := submitTheWorkbook(t, e, book)
	if !strings.Contains(p.list.Text, "org.xlsx, as open in the editor (unsaved edits included)") {
		t.Errorf("the page names its source %q", p.list.Text)
	}
	wd := p.wd
	pv := wd.Preview()
	if pv.Creates != 1 || pv.Updates != 0 || pv.Failing != 0 || wd.Types() < 10 {
		t.Fatalf("%d types: %d to create, %d to update, %d failing; want the edited site alone created",
			wd.Types(), pv.Creates, pv.Updates, pv.Failing)
	}
	if text := stepsText(p); !strings.Contains(text, "+ "+old+" Edited (row 2)") {
		t.Errorf("the plan does not list the edited site:\n%s", text)
	}
	if strings.Contains(p.extra.Text, "was exported from") {
		t.Errorf("the organization's own export is taken for a copy: %q", p.extra.Text)
	}
	test.Tap(p.submit)
	if c := p.confirming; c == nil || c.copying != nil {
		t.Fatalf("the confirmation %+v names a copy", c)
	}
	test.Tap(p.confirming.ok)
	if len(e.b.list) != 1 || e.row(0)[colObject] != "Workbook: "+itoa(wd.Types())+" types, "+thousands(e.b.list[0].Total)+" rows" {
		t.Fatalf("the dashboard lists %d jobs: %q", len(e.b.list), e.row(0))
	}
	if j := e.b.list[0]; j.Failed != 0 || j.Succeeded < 1 || j.FileName != "org.xlsx" {
		t.Errorf("the job %s: %d succeeded, %d failed (%s)", j.FileName, j.Succeeded, j.Failed, j.Status)
	}

	// The same sheets handed over while the window uses another organization: a copy.
	empty := emptyTarget(t)
	e.b.SetConnection(empty)
	p = submitTheWorkbook(t, e, book)
	want := "org.xlsx was exported from Sandbox (" + e.target.OrgID + "): submitting it to Empty (" + empty.OrgID + ") copies it into another organization."
	if !strings.HasPrefix(p.extra.Text, want) {
		t.Errorf("the plan does not name the copy: %q", p.extra.Text)
	}
	test.Tap(p.submit)
	if c := p.confirming; c == nil || c.copying == nil || c.copying.Text != want {
		t.Errorf("the confirmation does not name both organizations: %+v", c)
	}
}

// submitTheWorkbook hands book to the bulk view as the editor's Submit the workbook
// does; its page shows a plan.
func submitTheWorkbook(t *testing.T, e *env, book []*sheets.Sheet) *workbookPage {
	t.Helper()
	e.b.View().SubmitBook("org.xlsx", book)
	p := e.b.workbook
	if e.b.pages.Objects[0] != p.content || p.wd == nil {
		t.Fatalf("no plan shown: %q %q", p.note.Text, p.summary.Text)
	}
	return p
}

// stepsText is every step's plan as the page shows it.
func stepsText(p *workbookPage) string {
	var b strings.Builder
	for _, it := range p.steps.Items {
		b.WriteString(it.Title + "\n" + it.Detail.(*widget.Label).Text + "\n")
	}
	return b.String()
}
