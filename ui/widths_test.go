package ui

import "testing"

func TestColumnWidthsFitAndAreRemembered(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"A very long site name that needs room", "MM"})
	if v.widths[0] <= v.widths[1] || v.widths[1] < minColumnWidth || v.widths[0] > maxColumnWidth {
		t.Fatalf("fitted widths %v", v.widths)
	}
	// The user drags the first column's edge: the table resizes it, the header shows it.
	v.table.SetColumnWidth(0, 150)
	if v.widths[0] != 150 {
		t.Fatalf("the new width was not noticed: %v", v.widths)
	}
	// Another sheet of the same type opens with the width the user chose.
	s.run(actClose)
	w := openTestSheet(t, s, "site", []string{"Short", "MM"})
	if w.widths[0] != 150 {
		t.Errorf("reopened with widths %v, want the first at 150", w.widths)
	}
	if got := cellBoxAt(t, w, 0, 0).Size().Width; got != 150 {
		t.Errorf("the cell is %v wide", got)
	}
}
