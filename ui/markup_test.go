package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The main views, as markup masters in testdata/: the window with no sheet open, and with
// a sheet whose error cell is selected.
func TestMarkup(t *testing.T) {
	s := newTestShell(t, Options{})
	s.win.Resize(fyne.NewSize(1100, 640))
	test.AssertRendersToMarkup(t, "shell_empty.xml", s.win.Canvas())

	s.openPaths([]string{"testdata/sites.csv"})
	press(s, fyne.KeyDown, fyne.KeyRight)
	test.AssertRendersToMarkup(t, "shell_sheet.xml", s.win.Canvas())
}
