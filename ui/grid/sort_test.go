package grid

import "testing"

func TestSort(t *testing.T) {
	d := sites(t, "b", "10", "", "A", "9", "a")
	if !d.Sort(0, false) {
		t.Fatal("sort reported no change")
	}
	wantColumn(t, d, 0, "9", "10", "A", "a", "b", "")
	d.Sort(0, true)
	wantColumn(t, d, 0, "b", "a", "A", "10", "9", "")
	d.Undo()
	d.Undo()
	wantColumn(t, d, 0, "b", "10", "", "A", "9", "a")
	if d.Sort(1, false) {
		t.Error("sorting equal values moved rows")
	}
}

func TestSortMovesGroupsWhole(t *testing.T) {
	d := New(sheetOf(t, "queue",
		[]string{"Zeta", "", "CHAT"}, []string{"Zeta"},
		[]string{"Alpha", "", "EMAIL"}, []string{"Alpha"}, []string{"Alpha"}))
	d.Sort(2, false) // by Channel Type of the parent rows: CHAT < EMAIL
	wantColumn(t, d, 0, "Zeta", "Zeta", "Alpha", "Alpha", "Alpha")
	d.Sort(0, false)
	wantColumn(t, d, 0, "Alpha", "Alpha", "Alpha", "Zeta", "Zeta")
	wantColumn(t, d, 2, "EMAIL", "", "", "CHAT", "")
}

func TestSortKeepsTheFilterMask(t *testing.T) {
	d := sites(t, "c", "a", "b")
	d.Filter(func(m int) bool { return m != 1 }) // hides "a"
	d.Sort(0, false)
	if d.Rows() != 2 || d.Value(Cell{0, 0}) != "b" || d.Value(Cell{1, 0}) != "c" {
		t.Errorf("shown after sort: %q %q (%d rows)", d.Value(Cell{0, 0}), d.Value(Cell{1, 0}), d.Rows())
	}
}
