package sheetview

import (
	"fmt"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// One notch of the wheel (25 px from the driver) scrolls 3 rows, as spreadsheets do; it
// scrolled about 0.6 of a row (issue 23, point 7).
func TestAWheelNotchScrollsThreeRows(t *testing.T) {
	if runtime.GOOS == "darwin" {
		t.Skip("macOS scrolls as its trackpads send")
	}
	s := newTestShell(t, Options{})
	var rows [][]string
	for i := range 200 {
		rows = append(rows, []string{fmt.Sprintf("Site %d", i), "Voice Only"})
	}
	v := openTestSheet(t, s, "site", rows...)
	pitch := newCellBox(v).MinSize().Height + theme.Padding()

	cellBoxAt(t, v, 1, 0).Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -notchPixels)})
	off, _ := v.table.scrolled()
	if got := off.Y / pitch; got < 2.95 || got > 3.05 {
		t.Errorf("a notch down scrolled %.2f rows, want 3", got)
	}
	cellBoxAt(t, v, 4, 0).Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, notchPixels)})
	if off, _ := v.table.scrolled(); off.Y != 0 {
		t.Errorf("a notch back up left the table scrolled %.0f px", off.Y)
	}
}

// Ctrl+, sorts A to Z and Ctrl+. Z to A, as Ctrl+[ and Ctrl+] do, which a Czech keyboard
// types only with AltGr.
func TestSortingKeysACzechKeyboardTypes(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Brno", "Voice Only"}, []string{"Aš", "Voice Only"}, []string{"Cheb", "Voice Only"})
	first := func() string { return v.o.Sheet().Cell(0, 0) }

	shortcut(s, Ctrl(fyne.KeyComma))
	if first() != "Aš" {
		t.Errorf("after Ctrl+, the first site is %q", first())
	}
	shortcut(s, Ctrl(fyne.KeyPeriod))
	if first() != "Cheb" {
		t.Errorf("after Ctrl+. the first site is %q", first())
	}
}
