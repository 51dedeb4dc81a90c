package grid

import "testing"

// Marking records for deletion adds the Action column the sheet lacks, writes DELETE on
// the selected records, and one undo takes both back; unmarking clears the marks.
func TestMarkRecordsAddsTheColumnUndoably(t *testing.T) {
	d := sites(t, "Brno", "Prague", "Ostrava")
	cols := d.Cols()
	d.Select(Cell{Row: 0, Col: 0}, false)
	d.Select(Cell{Row: 1, Col: 0}, true)
	if n := d.MarkRecords("Action", "DELETE"); n != 2 || d.Cols() != cols+1 || d.Sheet().Columns[cols].Header != "Action" {
		t.Fatalf("marked %d, %d columns", n, d.Cols())
	}
	wantColumn(t, d, cols, "DELETE", "DELETE", "")
	d.Select(Cell{Row: 1, Col: 0}, false)
	if n := d.MarkRecords("action", ""); n != 1 || d.Cols() != cols+1 {
		t.Fatalf("unmarked %d, %d columns", n, d.Cols())
	}
	wantColumn(t, d, cols, "DELETE", "", "")
	d.Undo()
	d.Undo()
	if d.Cols() != cols || len(d.Sheet().Rows[0].Cells) != cols {
		t.Fatalf("after undo: %d columns, row 1 has %d cells", d.Cols(), len(d.Sheet().Rows[0].Cells))
	}
	if n := d.MarkRecords("Action", ""); n != 0 || d.Cols() != cols {
		t.Errorf("unmarking a sheet without marks changed %d, added a column: %v", n, d.Cols() != cols)
	}
	d.Redo()
	wantColumn(t, d, cols, "DELETE", "DELETE", "")
}
