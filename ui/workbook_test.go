package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// exportedWorkbook writes what bulkops export --all writes of the demo organization:
// a workbook with a sheet per type, in dependency order; it returns its path and sheets.
func exportedWorkbook(t *testing.T) (string, []*sheets.Sheet) {
	t.Helper()
	_, api := uitest.Sandbox(t)
	types, _ := jobs.ExportableTypes()
	ss, err := jobs.ExportAll(context.Background(), api, types, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "org.xlsx")
	if _, err := jobs.WriteExportAll(ss, path); err != nil {
		t.Fatal(err)
	}
	return path, ss
}

// openWholeWorkbook opens a workbook from the command line's list and answers "Open
// all together".
func openWholeWorkbook(t *testing.T, s *Shell, path string) {
	t.Helper()
	s.openPaths([]string{path})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "Sheets of object types in "+filepath.Base(path)+":") {
		t.Fatalf("no question what to open of the workbook: %q", overlayText(top))
	}
	tapButton(t, s, "Open all together")
	if s.book == nil {
		t.Fatal("the workbook did not open as a whole")
	}
}

// Opening a whole organization's export opens all its sheets together: a sheet per
// type, grouped under the workbook's name in the tree in dependency order. A cell edited
// in two of them and Save write the one workbook back: both edits there, every other
// cell and sheet as it was.
func TestOpenAWholeWorkbookAndSaveIt(t *testing.T) {
	path, exported := exportedWorkbook(t)
	s := newTestShell(t, Options{})
	openWholeWorkbook(t, s, path)

	var objs []*catalog.Object
	for _, sh := range exported {
		objs = append(objs, sh.Object)
	}
	order, _ := catalog.DependencyOrder(objs)
	var want []string
	for _, o := range order {
		want = append(want, bookLeafID(o.Key))
	}
	if got := s.nav.children(bookID); !slices.Equal(got, want) {
		t.Fatalf("the workbook's group lists %q, want %q", got, want)
	}
	if root := s.nav.children(""); root[0] != bookID {
		t.Fatalf("the tree starts with %q", root)
	}
	label := s.nav.create(true)
	s.nav.update(bookID, true, label)
	if got := label.(*widget.Label).Text; got != "org.xlsx" {
		t.Errorf("the workbook's group is called %q", got)
	}
	for _, sh := range exported {
		if o := s.ed.Get(sh.Object.Key); o == nil || len(o.Sheet().Rows) != len(sh.Rows) {
			t.Fatalf("%s: not open with its %d rows", sh.Object.Key, len(sh.Rows))
		}
	}
	if !strings.Contains(s.win.Title(), "org.xlsx") {
		t.Errorf("window title %q", s.win.Title())
	}

	edit := func(key, header, value string) {
		o := s.ed.Get(key)
		if !o.Doc.SetCell(grid.Cell{Row: 0, Col: o.Sheet().Index(header)}, value) {
			t.Fatalf("%s: %s not edited", key, header)
		}
	}
	s.selectObject("site")
	edit("site", "Name", "Prague HQ")
	edit("team", "Name", "Renamed team")
	s.save()

	back, err := sheets.ReadWorkbookSheets(path, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(exported) {
		t.Fatalf("saved %d sheets, exported %d", len(back), len(exported))
	}
	before := map[string]*sheets.Sheet{}
	for _, sh := range exported {
		before[sh.Object.Key] = sh
	}
	changed := 0
	for _, sh := range back {
		was := before[sh.Object.Key]
		if was == nil || len(sh.Rows) != len(was.Rows) {
			t.Fatalf("%s: saved with other rows", sh.Object.Key)
		}
		for r := range sh.Rows {
			for c := range sh.Columns {
				if got, old := sh.Cell(r, c), was.Cell(r, was.Index(sh.Columns[c].Header)); got != old {
					changed++
					if r != 0 || sh.Columns[c].Header != "Name" || (sh.Object.Key != "site" && sh.Object.Key != "team") {
						t.Errorf("%s row %d %s: %q became %q", sh.Object.Key, r, sh.Columns[c].Header, old, got)
					}
				}
			}
		}
	}
	if changed != 2 {
		t.Errorf("%d cells changed in the file, want the 2 edited", changed)
	}
	for _, k := range s.book.keys {
		if s.ed.Get(k).Doc.Modified() {
			t.Errorf("%s still unsaved after Save", k)
		}
	}
}

// A sheet that leaves the workbook (closed) leaves its group, and the workbook saved
// again holds the others only.
func TestClosingASheetLeavesTheWorkbook(t *testing.T) {
	path, exported := exportedWorkbook(t)
	s := newTestShell(t, Options{})
	openWholeWorkbook(t, s, path)
	s.selectObject("team")
	s.closeSheet()
	if s.book.has("team") || slices.Contains(s.nav.children(bookID), bookLeafID("team")) {
		t.Fatal("the closed Teams sheet is still in the workbook")
	}
	s.selectObject("site")
	s.ed.Get("site").Doc.MarkModified()
	s.save()
	back, err := sheets.ReadWorkbookSheets(path, sheets.ReadOptions{})
	if err != nil || len(back) != len(exported)-1 {
		t.Fatalf("saved %d sheets (%v), want %d", len(back), err, len(exported)-1)
	}
}

// A workbook whose other sheet is a header only (an export of a type the organization
// has none of) is not opened as its one sheet with records, which saved would drop the
// other: the window asks, and opens both together.
func TestWorkbookWithAnEmptySheetAsks(t *testing.T) {
	sites := uitest.Sheet(t, "site", []string{"Prague"})
	teams := uitest.Sheet(t, "team")
	path := filepath.Join(t.TempDir(), "two.xlsx")
	if err := sheets.WriteWorkbookFile(path, []*sheets.Sheet{sites, teams}, sheets.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	openWholeWorkbook(t, s, path)
	if got := s.book.keys; len(got) != 2 || s.ed.Get("team") == nil || len(s.ed.Get("team").Sheet().Rows) != 0 {
		t.Fatalf("opened %q", got)
	}
}

// A zip of CSV files of several types (export --all -o org.zip) opens as a workbook
// under the zip's name; the parts of one type (a type of more than 5,000 rows is split)
// make one sheet, none taking another's place.
func TestZipOfSeveralTypesOpensAsAWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org.zip")
	writeZip(t, path, map[string]string{
		"01_site.csv":     "Name,Multimedia Profile\r\nZlín,MM\r\n",
		"02_team_001.csv": "Name,Site,Type\r\nAgents,Zlín,AGENT\r\n",
		"02_team_002.csv": "Name,Site,Type\r\nSupervisors,Zlín,AGENT\r\n",
	})
	s := newTestShell(t, Options{})
	s.openPaths([]string{path})
	if s.book == nil || s.book.name() != "org.zip" || strings.Join(s.book.keys, ",") != "site,team" {
		t.Fatalf("the zip opened as %+v", s.book)
	}
	if team := s.ed.Get("team").Sheet(); len(team.Rows) != 2 {
		t.Errorf("the Teams sheet holds %d rows of the two parts' 2", len(team.Rows))
	}
}

// Unsaved edits of a workbook's sheet, kept as a draft when the window closes, go back
// into the workbook when restored: its other sheets are read from the file again, and
// Save writes the whole workbook with the edit.
func TestWorkbookDraftsComeBackIntoTheWorkbook(t *testing.T) {
	data := t.TempDir()
	sites := uitest.Sheet(t, "site", []string{"Prague"})
	teams := uitest.Sheet(t, "team", []string{"Agents", "Prague", "AGENT"})
	path := filepath.Join(t.TempDir(), "two.xlsx")
	if err := sheets.WriteWorkbookFile(path, []*sheets.Sheet{sites, teams}, sheets.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{DataDir: data})
	openWholeWorkbook(t, s, path)
	s.ed.Get("team").Doc.SetCell(grid.Cell{Row: 0, Col: 0}, "Renamed")
	s.drafts.flush() // as quitting does

	again := newTestShell(t, Options{DataDir: data})
	top := again.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "two.xlsx") {
		t.Fatalf("the draft is not offered back naming its workbook: %q", overlayText(top))
	}
	tapButton(t, again, "Restore")
	if again.book == nil || strings.Join(again.book.keys, ",") != "site,team" {
		t.Fatalf("restored without its workbook: %+v", again.book)
	}
	team := again.ed.Get("team")
	if team.Sheet().Cell(0, 0) != "Renamed" || !team.Doc.Modified() || again.ed.Get("site").Sheet().Cell(0, 0) != "Prague" {
		t.Fatalf("restored team %q (modified %v)", team.Sheet().Cell(0, 0), team.Doc.Modified())
	}
	again.selectObject("team")
	again.save()
	back, err := sheets.ReadWorkbookSheets(path, sheets.ReadOptions{})
	if err != nil || len(back) != 2 || back[1].Cell(0, 0) != "Renamed" || back[0].Cell(0, 0) != "Prague" {
		t.Fatalf("saved workbook: %v sheets, %v", len(back), err)
	}
	if _, err := os.Stat(bookDraftPath(filepath.Join(data, "drafts"))); !os.IsNotExist(err) {
		t.Errorf("the workbook is still kept with the drafts after saving: %v", err)
	}
}

// A workbook with a sheet of no object type (a person's notes) is not saved over
// without a word: Save asks, Cancel leaves the file as it was, "Save over it" writes
// the sheets of object types.
func TestSavingOverAWorkbookWithNotesAsks(t *testing.T) {
	sites := uitest.Sheet(t, "site", []string{"Prague"})
	teams := uitest.Sheet(t, "team", []string{"Agents", "Prague", "AGENT"})
	notes := &sheets.Sheet{Object: &catalog.Object{Key: "notes", Title: "README"}, Columns: []sheets.Column{{Header: "Remark"}},
		Rows: []sheets.Row{{Cells: []string{"Copied from the lab on Monday"}}}}
	path := filepath.Join(t.TempDir(), "two.xlsx")
	if err := sheets.WriteWorkbookFile(path, []*sheets.Sheet{sites, teams, notes}, sheets.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	openWholeWorkbook(t, s, path)
	s.ed.Get("team").Doc.SetCell(grid.Cell{Row: 0, Col: 0}, "Renamed")
	s.selectObject("team")
	s.save()
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "two.xlsx also has sheets Bulkops does not edit: README") {
		t.Fatalf("saved over the notes without asking: %q", overlayText(top))
	}
	tapButton(t, s, "Cancel")
	if _, other, _ := sheets.WorkbookSheetNames(path); len(other) != 1 || !s.ed.Get("team").Doc.Modified() {
		t.Fatalf("Cancel: the file's other sheets %q", other)
	}
	s.save()
	tapButton(t, s, "Save over it")
	back, err := sheets.ReadWorkbookSheets(path, sheets.ReadOptions{})
	if err != nil || len(back) != 2 || back[1].Cell(0, 0) != "Renamed" || s.ed.Get("team").Doc.Modified() {
		t.Fatalf("saved over: %d sheets (%v)", len(back), err)
	}
}
