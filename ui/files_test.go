package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/sheets"
)

func TestOpenCSVShowsFindings(t *testing.T) {
	s := newTestShell(t, Options{})
	s.openPaths([]string{"testdata/sites.csv"})
	v := shown(s)
	if v == nil || v.o.Key() != "site" || s.selected != "site" {
		t.Fatalf("no site sheet shown after opening sites.csv")
	}
	if got := cellText(t, v, 2, 0); got != "Ostrava" {
		t.Errorf("A4 shows %q", got)
	}
	if got := cellBG(t, v, 1, 1); got != s.ed.ErrorTint(false) {
		t.Errorf("the empty required cell is painted %v", got)
	}
	if len(s.ed.Listed()) != 1 || s.ed.Listed()[0].Column != "Multimedia Profile" {
		t.Errorf("findings %v", s.ed.Listed())
	}
	if !strings.HasSuffix(s.win.Title(), "sites.csv") {
		t.Errorf("title %q", s.win.Title())
	}
	if got := s.status.message.Text; got != "Opened sites.csv" {
		t.Errorf("status %q", got)
	}
}

func TestOpenErrorFilePutsMessagesOnRows(t *testing.T) {
	s := newTestShell(t, Options{})
	s.openPaths([]string{"testdata/sites-errors.csv"})
	v := shown(s)
	if got := len(v.o.Sheet().Columns); got != 2 {
		t.Fatalf("the Error Message column became a column of the sheet (%d columns)", got)
	}
	if row3 := cellBG(t, v, 1, -1); row3 != s.ed.ErrorTint(true) {
		t.Fatalf("row 3's header is not painted as an error")
	}
	var msgs []string
	for _, f := range s.ed.Listed() {
		msgs = append(msgs, f.Message)
	}
	if !reflect.DeepEqual(msgs, []string{"Control Hub: Multimedia profile MM X does not exist"}) {
		t.Errorf("findings %q", msgs)
	}
	// The message goes once the row is fixed, and comes back with undo.
	press(s, fyne.KeyDown, fyne.KeyRight)
	typeText(s, "MM")
	press(s, fyne.KeyReturn)
	if len(s.ed.Listed()) != 0 || cellBG(t, v, 1, -1) == s.ed.ErrorTint(true) {
		t.Errorf("after fixing the row: findings %v", s.ed.Listed())
	}
	shortcut(s, &fyne.ShortcutUndo{})
	if len(s.ed.Listed()) != 1 {
		t.Errorf("after undo: findings %v", s.ed.Listed())
	}
}

func TestOpenWithMessagesFromAJob(t *testing.T) {
	s := newTestShell(t, Options{})
	sh, err := sheets.ReadFile("testdata/sites.csv", sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.OpenWithMessages(sh, []sheets.Finding{{Row: 2, Col: 1, Message: "profile not found"}})
	v := shown(s)
	if got := cellBG(t, v, 0, 1); got != s.ed.ErrorTint(false) {
		t.Errorf("the cell with the job's message is painted %v", got)
	}
	press(s, fyne.KeyRight)
	if got := s.status.message.Text; got != "Webex: profile not found" {
		t.Errorf("status %q", got)
	}
	if !v.doc().Modified() {
		t.Error("a sheet from a job counts as saved")
	}
}

func TestOpenXLSXAndZip(t *testing.T) {
	dir := t.TempDir()
	sites, err := sheets.ReadFile("testdata/sites.csv", sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "sites.xlsx")
	if err := sheets.WriteFile(xlsx, sites, nil); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(dir, "package.zip")
	writeZip(t, zipPath, map[string]string{
		"sites.csv": "Name,Multimedia Profile\r\nZlín,MM\r\n",
		"teams.csv": "Name,Site,Type\r\nAgents,Zlín,AGENT\r\n",
	})

	s := newTestShell(t, Options{})
	s.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(xlsx)})
	if v := shown(s); v == nil || cellText(t, v, 2, 0) != "Ostrava" {
		t.Fatalf("dropped XLSX not shown")
	}
	s.openPaths([]string{zipPath})
	if s.ed.Get("team") == nil || s.ed.Get("site") == nil {
		t.Fatalf("zip of a site and a team sheet opened %v", s.ed.Sheets())
	}
	if got := s.ed.Get("site").Sheet().Cell(0, 0); got != "Zlín" {
		t.Errorf("the zip's site sheet replaced the open one? first name %q", got)
	}
	// The team refers to the site in the other sheet: no error.
	team := s.ed.Get("team")
	if fs := s.ed.SheetFindings(team); len(fs) != 0 {
		t.Errorf("team findings %v", fs)
	}
}

func TestOpenBadFileShowsWhy(t *testing.T) {
	s := newTestShell(t, Options{})
	bad := filepath.Join(t.TempDir(), "old.xls")
	if err := os.WriteFile(bad, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.openPaths([]string{bad})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "old.xls") {
		t.Errorf("no error dialog naming the file")
	}
}

func TestNewSheetAndSave(t *testing.T) {
	s := newTestShell(t, Options{})
	s.selectObject("team")
	s.run(actNew)
	v := shown(s)
	if v == nil || v.o.Key() != "team" || len(v.o.Sheet().Columns) != len(v.o.Sheet().Object.Columns) {
		t.Fatal("New sheet did not open the team template")
	}
	typeText(s, "Agents")
	press(s, fyne.KeyTab)
	typeText(s, "Prague")
	press(s, fyne.KeyTab)
	typeText(s, "AGENT")
	press(s, fyne.KeyReturn)
	if !strings.HasSuffix(s.win.Title(), "*") {
		t.Errorf("title %q does not show unsaved changes", s.win.Title())
	}
	dir := t.TempDir()
	for _, name := range []string{"teams.csv", "teams.xlsx"} {
		path := filepath.Join(dir, name)
		if !s.writeTo(v.o, path) {
			t.Fatalf("saving %s failed", name)
		}
		back, err := sheets.ReadFile(path, sheets.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if back.Object.Key != "team" || len(back.Rows) != 1 || back.Rows[0].Cells[0] != "Agents" || back.Rows[0].Cells[1] != "Prague" {
			t.Errorf("%s read back: %v %q", name, back.Object, back.Rows)
		}
	}
	if v.doc().Modified() || strings.HasSuffix(s.win.Title(), "*") || v.o.Path != filepath.Join(dir, "teams.xlsx") {
		t.Errorf("after saving: modified %v, title %q, path %q", v.doc().Modified(), s.win.Title(), v.o.Path)
	}
	shortcut(s, ctrl(fyne.KeyS)) // saves to the same file again
	if got := s.status.message.Text; got != "Saved teams.xlsx" {
		t.Errorf("Ctrl+S: status %q", got)
	}
}

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for name, body := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestOpenAFileOfUnknownTypeAsksForIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fruit.csv")
	if err := os.WriteFile(path, []byte("Fruit,Colour\r\nApple,red\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	s.openPaths([]string{path})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "Which object type is fruit.csv?") {
		t.Fatal("no question about the object type")
	}
	pick := findSelect(t, top)
	pick.SetSelected("Site")
	tapButton(t, s, "Open")
	o := s.ed.Get("site")
	if o == nil || o.Sheet().Cell(0, 0) != "Apple" || o.Path != path {
		t.Fatalf("fruit.csv did not open as a site sheet")
	}
	// Its unknown columns are kept and the missing ones reported.
	if len(s.ed.Listed()) == 0 {
		t.Error("no findings about the columns")
	}
}

// TestOpenTwoSheetWorkbookAsksWhichSheet: a workbook with teams on two sheets is not
// opened as its first sheet alone; the window asks which sheet, and opens that one,
// which Save does not write over the workbook (the other sheet would be lost). Opened
// all together, the two sheets of one type are refused with the reason.
func TestOpenTwoSheetWorkbookAsksWhichSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Teams")
	f.NewSheet("More teams")
	for ws, name := range map[string]string{"Teams": "T1", "More teams": "T3"} {
		f.SetSheetRow(ws, "A1", &[]any{"Name", "Site", "Type"})
		f.SetSheetRow(ws, "A2", &[]any{name, "Prague", "AGENT"})
	}
	path := filepath.Join(t.TempDir(), "teams.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	s.openPaths([]string{path})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "Sheets of object types in teams.xlsx: 2.") {
		t.Fatal("no question about the sheet")
	}
	findSelect(t, top).SetSelected("More teams")
	tapButton(t, s, "Open the sheet chosen")
	o := s.ed.Get("team")
	if o == nil || o.Sheet().Cell(0, 0) != "T3" || o.Path != "" {
		t.Fatalf("the sheet More teams did not open on its own (path %q)", o.Path)
	}
	s.openPaths([]string{path})
	tapButton(t, s, "Open all together")
	top = s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "more than one of its sheets holds Team") || s.book != nil {
		t.Fatalf("two sheets of teams opened together: %q", overlayText(top))
	}
}
