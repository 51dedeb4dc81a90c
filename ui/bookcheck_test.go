package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A workbook of sites and teams, opened as a whole, in a window connected to an
// organization that has the site Berlin only.
func openSitesAndTeams(t *testing.T, checked *[]string) *Shell {
	t.Helper()
	return openSitesAndTeamsWith(t, View{Title: "Bulk operations", Content: widget.NewLabel("jobs"),
		CheckSheet: func(key string) { *checked = append(*checked, key) }}, nil)
}

// openSitesAndTeamsWith opens that workbook, exported from origin (nil: it does not
// say), in a window with view v beside the sheets.
func openSitesAndTeamsWith(t *testing.T, v View, origin *sheets.Origin) *Shell {
	t.Helper()
	sites := uitest.Sheet(t, "site", []string{"Prague"})
	teams := uitest.Sheet(t, "team",
		[]string{"In the workbook", "Prague", "AGENT"},
		[]string{"In the organization", "Berlin", "AGENT"},
		[]string{"Typo of the workbook's", "Pragu", "AGENT"},
		[]string{"Typo of the organization's", "Berln", "AGENT"})
	teams.Origin = origin
	path := filepath.Join(t.TempDir(), "branch.xlsx")
	// Teams first: the order of the file's sheets does not matter.
	if err := sheets.WriteWorkbookFile(path, []*sheets.Sheet{teams, sites}, sheets.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{Connection: StaticConnection{Name: "Acme", Names: sheets.Known{"site": {"Berlin"}}},
		Views: []View{v}})
	openWholeWorkbook(t, s, path)
	return s
}

// References across a workbook's sheets: a team naming a site only the workbook's Sites
// sheet has is no error (it is created first), one naming a site in neither is, with
// "did you mean" over the workbook's names and the organization's.
func TestReferencesAcrossTheWorkbook(t *testing.T) {
	var checked []string
	s := openSitesAndTeams(t, &checked)
	if got := s.book.keys; len(got) != 2 || got[0] != "site" || got[1] != "team" {
		t.Fatalf("the workbook's order %q, want sites before teams", got)
	}
	teams := s.ed.Get("team")
	site := teams.Sheet().Index("Site")
	want := []string{"", "", `did you mean "Prague"?`, `did you mean "Berlin"?`}
	for r, w := range want {
		fs := s.ed.FindingsAt(teams, r, site)
		switch {
		case w == "" && len(fs) != 0:
			t.Errorf("row %d: findings %v, want none", r+2, fs)
		case w != "" && (len(fs) != 1 || !strings.HasSuffix(fs[0].Message, w)):
			t.Errorf("row %d: findings %v, want one ending %q", r+2, fs, w)
		}
	}
	// Saved, the workbook keeps them as notes on the Teams worksheet's cells.
	teams.Doc.MarkModified()
	s.selectObject("team")
	s.save()
	f, err := excelize.OpenFile(s.book.path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ws := sheets.WorkbookNames([]*sheets.Sheet{s.ed.Get("site").Sheet(), teams.Sheet()})[1]
	comments, _ := f.GetComments(ws)
	cell, _ := excelize.CoordinatesToCellName(site+1, 4)
	noted := false
	for _, c := range comments {
		noted = noted || c.Cell == cell
	}
	if !noted || teams.Doc.Modified() {
		t.Errorf("no note on %s!%s of the saved workbook (modified %v)", ws, cell, teams.Doc.Modified())
	}
}

// One Check covers the whole workbook: every sheet's findings in one list, grouped by
// sheet; choosing one shows its cell. Submitting the workbook as one job is disabled
// and says why; the sheet shown can still be checked and submitted alone.
func TestOneCheckCoversTheWorkbook(t *testing.T) {
	var checked []string
	s := openSitesAndTeams(t, &checked)
	s.selectObject("site")
	shortcut(s, ctrlShift(fyne.KeyReturn))
	top := s.win.Canvas().Overlays().Top()
	if top == nil || len(checked) != 0 {
		t.Fatalf("Check of a workbook sheet went straight to %q", checked)
	}
	text := overlayText(top)
	lines, errs, _ := s.bookLines()
	if !strings.Contains(text, "branch.xlsx: sheets: 2 · errors: "+strconv.Itoa(errs)) || errs < 2 {
		t.Errorf("the check's summary: %q (%d errors)", text, errs)
	}
	var headings []string
	teamErrors := 0
	for _, l := range lines {
		if l.heading {
			headings = append(headings, l.key)
		} else if l.key == "team" && strings.Contains(l.text, "Row ") && strings.Contains(l.text, "did you mean") {
			teamErrors++
		}
	}
	if strings.Join(headings, ",") != "site,team" || teamErrors != 2 {
		t.Errorf("grouped under %q, %d reference errors under Team, want 2", headings, teamErrors)
	}
	if b := uitest.Button(top, "Submit the workbook"); b == nil || !b.Disabled() ||
		!strings.Contains(text, "Submit it sheet by sheet") {
		t.Errorf("Submit the workbook: %v; says %q", b, text)
	}
	// Choosing the last finding (a team's) shows the Teams sheet at its cell.
	list := findFirst[*widget.List](t, top, "list")
	list.Select(len(lines) - 1)
	if o := s.ed.Current(); o == nil || o.Key() != "team" || s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the finding chosen did not show its sheet")
	}
	if cur := s.ed.Current().Doc.Cursor(); cur.Row != 3 || cur.Col != s.ed.Current().Sheet().Index("Site") {
		t.Errorf("cursor at %v, want row 5's Site", cur)
	}
	shortcut(s, ctrlShift(fyne.KeyReturn))
	tapButton(t, s, "Check and submit Team…")
	if len(checked) != 1 || checked[0] != "team" {
		t.Errorf("checked %q, want the Teams sheet alone", checked)
	}
}

// With a view that submits workbooks, the Check's "Submit the workbook" hands it the
// workbook's sheets as they are in the editor (a cell still being typed included), in
// the workbook's order, with the organization the workbook was exported from, and
// brings that view to the front.
func TestSubmitTheWorkbookHandsItsSheetsOver(t *testing.T) {
	var name string
	var got []*sheets.Sheet
	v := View{Title: "Bulk operations", Content: widget.NewLabel("jobs"),
		SubmitBook: func(n string, ss []*sheets.Sheet) { name, got = n, ss }}
	s := openSitesAndTeamsWith(t, v, &sheets.Origin{OrgID: "lab-id", OrgName: "Lab"})
	s.selectObject("site")
	s.ed.GoTo(0, 0)
	typeText(s, "Praha") // not committed, not saved
	shortcut(s, ctrlShift(fyne.KeyReturn))
	top := s.win.Canvas().Overlays().Top()
	b := uitest.Button(top, "Submit the workbook")
	if b == nil || b.Disabled() || !strings.Contains(overlayText(top), "unsaved edits included") {
		t.Fatalf("Submit the workbook: %v; the check says %q", b, overlayText(top))
	}
	test.Tap(b)
	if name != "branch.xlsx" || len(got) != 2 || got[0].Object.Key != "site" || got[1].Object.Key != "team" {
		t.Fatalf("handed over %q with %d sheets", name, len(got))
	}
	if cell := got[0].Rows[0].Cells[0]; cell != "Praha" {
		t.Errorf("the site handed over is %q, want the edit Praha", cell)
	}
	for _, sh := range got {
		if sh.Origin == nil || sh.Origin.OrgID != "lab-id" {
			t.Errorf("the %s sheet's origin %v, want lab-id", sh.Object.Key, sh.Origin)
		}
	}
	if s.win.Canvas().Overlays().Top() != nil || s.tabs.Selected().Text != "Bulk operations" {
		t.Error("the check stays open, or the view that submits is not in front")
	}
}
