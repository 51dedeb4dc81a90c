package bulk

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// env is the bulk views on Fyne's test app, connected to an in-process sandbox, with the
// job store in a temporary data directory, slow work run inline and a stand-in editor.
type env struct {
	t      *testing.T
	b      *Bulk
	win    fyne.Window
	sb     *sandbox.Running
	api    *webex.Client
	store  *jobs.Store
	editor *fakeEditor
	files  *fakeFiles
	target *conn.Connection
}

func newEnv(t *testing.T) *env { return newEnvWith(t, nil) }

// newEnvWith builds the env with the editor editorOn makes on the app (nil: a stand-in).
func newEnvWith(t *testing.T, editorOn func(fyne.App) Editor) *env {
	t.Helper()
	a := test.NewTempApp(t)
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	sb, api := uitest.Sandbox(t)
	store, err := jobs.Open(filepath.Join(home, jobs.DBName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	e := &env{t: t, sb: sb, api: api, store: store, editor: &fakeEditor{}, files: &fakeFiles{dir: t.TempDir()}}
	e.win = test.NewTempWindow(t, nil)
	var ed Editor = e.editor
	if editorOn != nil {
		ed = editorOn(a)
	}
	e.b = build(a, Options{Store: store, Editor: ed, Window: e.win, Poll: -1},
		func(f func()) { f() }, e.files)
	t.Cleanup(e.b.Close)
	e.win.SetContent(e.b.Content())
	e.win.Resize(fyne.NewSize(1280, 800))
	e.target = &conn.Connection{OrgID: sb.OrgID(), OrgName: "Sandbox", User: sandbox.AdminEmail, API: api}
	return e
}

// fakeEditor stands in for the sheet editor: the sheets it holds, and what it was asked
// to open.
type fakeEditor struct {
	forgot   []string // the object types whose messages it was told to forget
	sheets   []*sheets.Sheet
	opened   *sheets.Sheet // the last opened; the one shown (nil: the first of sheets)
	messages []sheets.Finding
	changes  []ui.PlannedChange // what ShowChanges was asked to mark, and where to go
	at       ui.PlannedChange
	kept     []ui.PlannedChange // what KeepValues was asked to write back
	warned   []sheets.Finding   // what ShowCheckWarnings was asked to list
}

func (f *fakeEditor) Sheets() []*sheets.Sheet { return f.sheets }
func (f *fakeEditor) CurrentSheet() *sheets.Sheet {
	if f.opened == nil && len(f.sheets) > 0 {
		return f.sheets[0]
	}
	return f.opened
}
func (f *fakeEditor) Open(sh *sheets.Sheet)     { f.OpenWithMessages(sh, nil) }
func (f *fakeEditor) ForgetMessages(key string) { f.forgot = append(f.forgot, key) }

// OpenWithMessages shows sh, in place of the open sheet of its type, as the editor does.
func (f *fakeEditor) OpenWithMessages(sh *sheets.Sheet, msgs []sheets.Finding) {
	f.opened, f.messages = sh, msgs
	for i, o := range f.sheets {
		if o.Object == sh.Object {
			f.sheets[i] = sh
			return
		}
	}
	f.sheets = append(f.sheets, sh)
}
func (f *fakeEditor) ShowChanges(key string, cs []ui.PlannedChange, at ui.PlannedChange) {
	f.changes, f.at = cs, at
}
func (f *fakeEditor) ShowCheckWarnings(key string, fs []sheets.Finding) { f.warned = fs }
func (f *fakeEditor) KeepValues(key string, cells []ui.PlannedChange) int {
	f.kept = cells
	return len(cells)
}

// fakeFiles answers the file dialogs: saves go into dir under the name offered, opens
// take the path set.
type fakeFiles struct {
	dir   string
	saved string // the last path a save was answered with
	open_ string
}

func (f *fakeFiles) save(name string, _ []string, then func(string)) {
	f.saved = filepath.Join(f.dir, name)
	then(f.saved)
}

func (f *fakeFiles) open(_ []string, then func(string)) {
	if f.open_ != "" {
		then(f.open_)
	}
}

// sheetOf makes a sheet of object type key from CSV text, as the editor holds it.
func sheetOf(t *testing.T, key, csv string) *sheets.Sheet {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	sh, err := sheets.ReadCSV(strings.NewReader(csv), key+".csv", sheets.ReadOptions{Object: o})
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// row returns what the dashboard shows on row r, cell by cell.
func (e *env) row(r int) []string {
	e.t.Helper()
	d := e.b.dash
	d.table.Refresh()
	var out []string
	for c := 0; c < numCols; c++ {
		l := d.cells[widget.TableCellID{Row: r, Col: c}]
		if l == nil {
			e.t.Fatalf("dashboard cell %d,%d is not on screen", r, c)
		}
		out = append(out, l.Text)
	}
	return out
}

// statusCell is the label of row r's status.
func (e *env) statusCell(r int) *widget.Label {
	e.row(r)
	return e.b.dash.cells[widget.TableCellID{Row: r, Col: colStatus}]
}
