package sheetview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// Excel habits with the keys as the desktop driver sends them (issue 23, point 9).

// Typing a record across with Tab, Enter goes to the next row under the cell the run
// began in. (Each letter's TypedKey reached the grid before its character and ended the
// run, so Enter went down in the last column.)
func TestEnterAfterARunOfTabsGoesBackToItsColumn(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"", ""}, []string{"", ""})
	uitest.Keys(s.win, "Brno")
	uitest.Key(s.win, fyne.KeyTab, 0)
	uitest.Keys(s.win, "MM")
	uitest.Key(s.win, fyne.KeyReturn, 0)
	if c := v.doc().Cursor(); c.Row != 1 || c.Col != 0 {
		t.Errorf("Enter after Tab went to row %d, column %d; want row 1, column 0", c.Row, c.Col)
	}
}

// Alt+Down opens the list of allowed values from the grid, without F2 first.
func TestAltDownOpensTheValuesFromTheGrid(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "queue", []string{"Q1"})
	press(s, fyne.KeyRight, fyne.KeyRight) // Channel Type
	shortcut(s, &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if got := shownChoices(s); len(got) == 0 {
		t.Errorf("Alt+Down in the grid listed nothing (column %d)", v.doc().Cursor().Col)
	}
}

// Ctrl+R fills the selection's first column into the others, in one undoable step.
func TestCtrlRFillsRight(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Brno", "Voice Only"}, []string{"Kolin", "Blended"})
	shortcut(s, ctrl(fyne.KeyR)) // A1 alone: nothing on its left
	shiftPress(s, fyne.KeyRight, fyne.KeyDown)
	shortcut(s, ctrl(fyne.KeyR))
	sh := v.doc().Sheet()
	if sh.Cell(0, 1) != "Brno" || sh.Cell(1, 1) != "Kolin" {
		t.Errorf("after Ctrl+R: B1 %q, B2 %q; want Brno, Kolin", sh.Cell(0, 1), sh.Cell(1, 1))
	}
	shortcut(s, &fyne.ShortcutUndo{})
	if sh.Cell(0, 1) != "Voice Only" || sh.Cell(1, 1) != "Blended" {
		t.Errorf("undo left B1 %q, B2 %q", sh.Cell(0, 1), sh.Cell(1, 1))
	}
}

// Typed key by key as the driver sends them, then Ctrl+Enter: the text goes into every selected
// cell, as in Excel.
func TestCtrlEnterFillsTheSelectionTypedKeyByKey(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Brno"}, []string{"Kolin"}, []string{"Praha"})
	shiftPress(s, fyne.KeyDown)
	uitest.Keys(s.win, "Oslo")
	shortcut(s, ctrl(fyne.KeyReturn))
	sh := v.doc().Sheet()
	if sh.Cell(0, 0) != "Oslo" || sh.Cell(1, 0) != "Oslo" || sh.Cell(2, 0) != "Praha" {
		t.Errorf("after Ctrl+Enter: %q %q %q", sh.Cell(0, 0), sh.Cell(1, 0), sh.Cell(2, 0))
	}
}
