package grid

import "testing"

func TestFilterView(t *testing.T) {
	d := sites(t, "a", "b", "c", "d", "e")
	d.Select(Cell{3, 1}, false) // on "d"
	d.Filter(func(m int) bool { return m == 1 || m == 3 })
	if !d.Filtered() || d.Rows() != 2 || d.Cursor() != (Cell{1, 1}) {
		t.Fatalf("rows %d cursor %v; want 2 rows and the cursor kept on d", d.Rows(), d.Cursor())
	}
	if d.ModelRow(1) != 3 || d.Value(Cell{0, 0}) != "b" {
		t.Errorf("view row 1 -> model %d, first value %q", d.ModelRow(1), d.Value(Cell{0, 0}))
	}
	if v, ok := d.ViewRow(2); ok || v != -1 {
		t.Errorf("hidden row found in view at %d", v)
	}
	// An edit keeps the row shown; inserting shows the new rows.
	d.SetCell(Cell{0, 0}, "B")
	d.Select(Cell{1, 0}, false)
	d.InsertRows()
	if d.Rows() != 3 || d.Value(Cell{1, 0}) != "" || d.Value(Cell{2, 0}) != "d" {
		t.Errorf("after insert: %d rows", d.Rows())
	}
	d.Undo()
	// Deleting a shown row takes it out of the view; undo brings it back.
	d.Select(Cell{1, 0}, false)
	d.DeleteRows()
	if d.Rows() != 1 {
		t.Errorf("after delete: %d rows shown", d.Rows())
	}
	d.Undo()
	if d.Rows() != 2 || d.Value(Cell{1, 0}) != "d" {
		t.Errorf("after undo: %d rows, %q", d.Rows(), d.Value(Cell{1, 0}))
	}
	d.ClearFilter()
	if d.Filtered() || d.Rows() != 5 || d.ModelRow(4) != 4 || d.Cursor().Row != 3 {
		t.Errorf("cleared: %d rows, cursor %v", d.Rows(), d.Cursor())
	}
}
