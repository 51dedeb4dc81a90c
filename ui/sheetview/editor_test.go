package sheetview

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestTypeIntoCell(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "MM"}, []string{"Brno", "MM"})
	if focused(s) != v.table {
		t.Fatalf("focus on %T, want the grid", focused(s))
	}
	press(s, fyne.KeyDown)
	typeText(s, "Ostrava")
	if got := cellText(t, v, 1, 0); got != "Ostrava" {
		t.Errorf("while typing the cell shows %q", got)
	}
	press(s, fyne.KeyReturn)
	if got := v.doc().Sheet().Cell(1, 0); got != "Ostrava" {
		t.Errorf("model has %q", got)
	}
	if got := cellText(t, v, 1, 0); got != "Ostrava" {
		t.Errorf("cell shows %q after Enter", got)
	}
	if c := v.doc().Cursor(); c != at(2, 0) {
		t.Errorf("cursor %v, want one down", c)
	}
	if focused(s) != v.table {
		t.Errorf("focus on %T after commit, want the grid", focused(s))
	}
}
