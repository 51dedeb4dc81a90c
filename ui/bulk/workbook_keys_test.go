package bulk

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// By keyboard, in the window's shell: Ctrl+Shift+B opens Submit a workbook… from
// anywhere; on its confirmation Esc cancels and Enter submits (issue 23's dialogs).
func TestSubmitWorkbookByKeyboard(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	shell := ui.New(fyne.CurrentApp(), ui.Options{DataDir: t.TempDir(), Views: []ui.View{e.b.View()}})
	w := shell.Window()
	e.b.win = w // the dialogs go on the shell's window, whose keys the shell handles
	path := filepath.Join(t.TempDir(), "workbook.csv")
	write(t, path, "Name,Multimedia Profile\nKeyboard Site,Voice Only\n")
	e.files.open_ = path

	uitest.Shortcut(w, workbookKey)
	p := e.b.workbook
	if p.wd == nil || p.submit.Disabled() {
		t.Fatalf("Ctrl+Shift+B: the plan %q %q, Submit disabled %v", p.note.Text, p.summary.Text, p.submit.Disabled())
	}
	p.confirm()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no confirmation shown")
	}
	uitest.Key(w, fyne.KeyEscape, 0)
	if w.Canvas().Overlays().Top() != nil || len(e.b.list) != 0 {
		t.Fatalf("Esc: the dialog is still open (%v) or a job was submitted (%d)", w.Canvas().Overlays().Top() != nil, len(e.b.list))
	}
	p.confirm()
	uitest.Key(w, fyne.KeyReturn, 0)
	if len(e.b.list) != 1 || e.b.list[0].Status != "Completed" {
		t.Fatalf("Enter: the dashboard lists %+v", e.b.list)
	}
}

// No two commands of the window's menus answer the same shortcut: with the grid
// focused, a shortcut two commands share runs only one of them (Submit a workbook…
// once took the editor's Unmark for deletion, Ctrl+Shift+U).
func TestMenuShortcutsAreUnique(t *testing.T) {
	e := newEnv(t)
	shell := ui.New(fyne.CurrentApp(), ui.Options{DataDir: t.TempDir(), Views: []ui.View{e.b.View()}})
	seen := map[string]string{}
	var walk func(path string, items []*fyne.MenuItem)
	walk = func(path string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil {
				name := it.Shortcut.ShortcutName()
				if other, ok := seen[name]; ok && other != path+it.Label {
					t.Errorf("%s is the shortcut of %q and of %q", name, other, path+it.Label)
				}
				seen[name] = path + it.Label
			}
			if it.ChildMenu != nil {
				walk(path+it.Label+" > ", it.ChildMenu.Items)
			}
		}
	}
	for _, m := range shell.Window().MainMenu().Items {
		walk(m.Label+" > ", m.Items)
	}
	if len(seen) < 10 {
		t.Fatalf("only %d shortcuts in the menus: %v", len(seen), seen)
	}
}
