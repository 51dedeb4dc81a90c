package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Typing a record across with Tab, Enter goes to the next row under the column where the
// run of Tabs began, as in Excel.
func TestEnterAfterTabReturnsToTheFirstColumn(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "team", []string{"Brno Sales", "Prague", "AGENT"}, []string{"Night Shift", "London", "AGENT"})
	clickCell(t, v, 0, 1, 0) // B2
	typeText(s, "Brno")
	press(s, fyne.KeyTab)
	typeText(s, "CAPACITY")
	press(s, fyne.KeyTab)
	typeText(s, "Blended")
	press(s, fyne.KeyReturn)
	if c := v.doc().Cursor(); c != at(1, 1) || s.ed.cellRef.Text != "B3" {
		t.Errorf("Enter after the Tabs went to %v (%s), want B3", c, s.ed.cellRef.Text)
	}
	if got := v.doc().Value(at(0, 3)); got != "Blended" {
		t.Errorf("the last cell typed holds %q", got)
	}
	// Without a run of Tabs, Enter goes straight down.
	press(s, fyne.KeyRight)
	typeText(s, "X")
	press(s, fyne.KeyReturn)
	if c := v.doc().Cursor(); c != at(2, 2) {
		t.Errorf("a plain Enter went to %v, want C4", c)
	}
}

// Undo and redo bring the cursor back to the cell they change.
func TestUndoShowsTheUndoneCell(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(30)...)
	clickCell(t, v, 1, 0, 0) // A3
	typeText(s, "Changed")
	press(s, fyne.KeyReturn)
	for range 20 {
		press(s, fyne.KeyDown)
	}
	press(s, fyne.KeyRight)
	shortcut(s, &fyne.ShortcutUndo{})
	if c := v.doc().Cursor(); c != at(1, 0) || s.ed.cellRef.Text != "A3" {
		t.Errorf("after undo the cursor is on %v (%s), want A3", c, s.ed.cellRef.Text)
	}
	if got := cellText(t, v, 1, 0); got != "Site B" {
		t.Errorf("A3 shows %q after undo", got)
	}
	press(s, fyne.KeyDown, fyne.KeyDown)
	shortcut(s, &fyne.ShortcutRedo{})
	if c := v.doc().Cursor(); c != at(1, 0) || cellText(t, v, 1, 0) != "Changed" {
		t.Errorf("after redo the cursor is on %v, A3 shows %q", c, cellText(t, v, 1, 0))
	}
}
