package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// choose picks an item of the context menu shown, from the keyboard as a user would:
// Down until it is marked, then Enter.
func choose(t *testing.T, s *testShell, label string) {
	t.Helper()
	if s.ed.shownMenu == nil || s.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("no context menu to choose %q from", label)
	}
	n := 0
	for _, it := range s.ed.shownMenu.Items {
		if it.IsSeparator {
			continue
		}
		n++
		if it.Label == label {
			for range n {
				uitest.Key(s.win, fyne.KeyDown, 0)
			}
			uitest.Key(s.win, fyne.KeyReturn, 0)
			return
		}
	}
	t.Fatalf("the context menu has no %q: %s", label, menuText(s))
}

// menuText lists the items of the context menu shown.
func menuText(s *testShell) string {
	var labels []string
	for _, it := range s.ed.shownMenu.Items {
		labels = append(labels, it.Label)
	}
	return strings.Join(labels, ", ")
}

// A right click on a cell shows the clipboard, filling, the rows and the column's sort
// and filter; Delete rows from it deletes the clicked cell's row (issue 23, point 3).
func TestRightClickOnACellOffersItsMenu(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Praha", "Voice Only"}, []string{"Brno", "Voice Only"}, []string{"Ostrava", "Voice Only"})

	test.TapSecondary(cellBoxAt(t, v, 1, 0))
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("a right click on a cell showed no menu")
	}
	got := menuText(s)
	for _, want := range []string{"Cut", "Copy", "Paste", "Fill down", "Fill right", "Insert rows",
		"Delete rows", "Sort A to Z by this column", "Filter…"} {
		if !strings.Contains(got, want) {
			t.Errorf("the cell's menu lacks %q: %s", want, got)
		}
	}
	choose(t, s, "Delete rows")
	if n, a2 := v.doc().Rows(), v.doc().Value(at(1, 0)); n != 2 || a2 != "Ostrava" {
		t.Errorf("Delete rows from the menu of Brno's cell: %d rows, the second %q", n, a2)
	}
}

// The Menu key and Shift+F10 open the cursor cell's menu with the keyboard in it.
func TestMenuKeyAndShiftF10OpenTheCursorsMenu(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Praha", "Voice Only"}, []string{"Brno", "Voice Only"})

	uitest.Key(s.win, desktop.KeyMenu, 0)
	choose(t, s, "Insert rows")
	if n := v.doc().Rows(); n != 3 {
		t.Errorf("Menu, Insert rows: %d rows, want 3", n)
	}
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("the menu stayed open after its item ran")
	}

	uitest.ShiftPress(s.win, fyne.KeyF10)
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Shift+F10 showed no menu")
	}
	uitest.Key(s.win, fyne.KeyEscape, 0)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the menu open")
	}
	if focused(s) != v.table {
		t.Errorf("after Esc on the menu the keyboard is on %T, not the grid", focused(s))
	}
}

// A row command added to the action table (as Mark for deletion is) is offered on the
// menus of cells and of row numbers without the menus naming it.
func TestRowCommandsComeFromTheActionTable(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Praha", "Voice Only"})
	ran := 0
	s.ed.acts[Command(1000)] = &Action{Label: "A new row command", Run: func() { ran++ }}

	test.TapSecondary(cellBoxAt(t, v, 0, 1))
	choose(t, s, "A new row command")
	for id, h := range v.headers() {
		if id.Row == 0 && id.Col < 0 {
			test.TapSecondary(h)
			choose(t, s, "A new row command")
		}
	}
	if ran != 2 {
		t.Errorf("the new command ran %d times from the cell's and the row number's menus, want 2", ran)
	}
}
