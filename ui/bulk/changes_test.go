package bulk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui"
)

// After Check, the panel lists the changes by column ("Multimedia Profile: 2 rows, e.g.
// Blended Digital → Voice Only"); a click opens the sheet in the editor with every
// changed cell marked and the cursor on that column's first change.
func TestCheckListsChangesByColumn(t *testing.T) {
	e := newEnv(t)
	// The sandbox's Prague and London have Blended Digital; Brno is new.
	f, path := e.checkFile("sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Voice Only\nLondon,Digital Only\n")
	if got := f.imp.summary.Text; !strings.HasSuffix(got, "5 requests, about 0s at 6000000/min — the API allows no faster.") || strings.Contains(got, "read one object") {
		t.Errorf("the summary does not name the request floor (sites need no GET): %q", got)
	}
	var lines []*widget.Button
	for _, o := range f.imp.changes.Objects {
		if b, ok := o.(*widget.Button); ok {
			lines = append(lines, b)
		}
	}
	want := "Multimedia Profile: 2 rows, e.g. Blended Digital → Voice Only"
	if len(lines) != 1 || lines[0].Text != want {
		t.Fatalf("the changes listed: %v, want one line %q", f.imp.changes.Objects, want)
	}
	test.Tap(lines[0])
	if e.editor.opened == nil || e.editor.opened.File != path {
		t.Fatalf("the editor was not given the sheet: %+v", e.editor.opened)
	}
	wantMarks := []ui.PlannedChange{{Row: 1, Col: 1, Was: "Blended Digital"}, {Row: 2, Col: 1, Was: "Blended Digital"}}
	if len(e.editor.changes) != 2 || e.editor.changes[0] != wantMarks[0] || e.editor.changes[1] != wantMarks[1] || e.editor.at != wantMarks[0] {
		t.Errorf("the editor marks %+v, cursor at %+v; want %+v", e.editor.changes, e.editor.at, wantMarks)
	}
}

// checkFile writes a sites file, chooses it in a new operation's import and checks it
// against the sandbox.
func (e *env) checkFile(name, content string) (*newOperation, string) {
	e.b.SetTarget(e.target)
	path := filepath.Join(e.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		e.t.Fatal(err)
	}
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	f.selectObject("site")
	e.files.open_ = path
	test.Tap(f.imp.choose)
	test.Tap(f.imp.check)
	return f, path
}

// The Sheets page's "Check and submit…" (Bulk.CheckSheet) opens an import of the
// editor's sheet and checks it at once; Submit is then offered.
func TestCheckSheetFromTheEditor(t *testing.T) {
	e := newEnv(t)
	e.b.SetTarget(e.target)
	e.editor.sheets = append(e.editor.sheets, sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Voice Only\n"))
	e.b.CheckSheet("site")
	f := e.b.flow
	if f.obj().Key != "site" || f.imp.from.Selected != importEditor() {
		t.Fatalf("the import is of %s from %q", f.obj().Key, f.imp.from.Selected)
	}
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 2. In Sandbox, 1 will be created, 1 updated and 0 left as they are.") {
		t.Errorf("summary %q", got)
	}
	if f.imp.submit.Disabled() || e.b.pages.Objects[0] != f.content {
		t.Errorf("Submit disabled %v, the new operation shown %v", f.imp.submit.Disabled(), e.b.pages.Objects[0] == f.content)
	}
}
