package grid

import "testing"

func TestInsertAndDeleteRows(t *testing.T) {
	d := sites(t, "a", "b", "c")
	d.SelectRange(Range{1, 0, 2, 0})
	if n := d.InsertRows(); n != 2 {
		t.Fatalf("inserted %d rows, want 2", n)
	}
	wantColumn(t, d, 0, "a", "", "", "b", "c")
	if d.Cursor() != (Cell{1, 0}) {
		t.Errorf("cursor %v, want on the first new row", d.Cursor())
	}
	d.Undo()
	wantColumn(t, d, 0, "a", "b", "c")

	d.SelectRange(Range{0, 1, 1, 1})
	if n := d.DeleteRows(); n != 2 {
		t.Fatalf("deleted %d rows, want 2", n)
	}
	wantColumn(t, d, 0, "c")
	d.Undo()
	wantColumn(t, d, 0, "a", "b", "c")
	wantColumn(t, d, 1, "MM", "MM", "MM")

	d.Select(Cell{3, 0}, false) // the new-record row: insert appends
	d.InsertRows()
	wantColumn(t, d, 0, "a", "b", "c", "")
}

func TestRowsKeepGroupsTogether(t *testing.T) {
	queues := func() *Document {
		return New(sheetOf(t, "queue", []string{"Q1"}, []string{"Q1"}, []string{"Q1"}, []string{"Q2"}))
	}
	t.Run("insert inside a group goes above it", func(t *testing.T) {
		d := queues()
		d.Select(Cell{2, 0}, false)
		d.InsertRows()
		wantColumn(t, d, 0, "", "Q1", "Q1", "Q1", "Q2")
	})
	t.Run("add child copies the key to the group's end", func(t *testing.T) {
		d := queues()
		d.Select(Cell{0, 3}, false)
		if !d.AddChild() {
			t.Fatal("AddChild refused")
		}
		wantColumn(t, d, 0, "Q1", "Q1", "Q1", "Q1", "Q2")
		if !d.IsChild(3) || d.Cursor() != (Cell{3, 1}) {
			t.Errorf("child %v cursor %v", d.IsChild(3), d.Cursor())
		}
		if sites(t, "a").AddChild() {
			t.Error("AddChild on a flat sheet did something")
		}
	})
	t.Run("deleting a parent deletes its children", func(t *testing.T) {
		d := queues()
		d.Select(Cell{0, 0}, false)
		if n := d.DeleteRows(); n != 3 {
			t.Errorf("deleted %d rows, want the group of 3", n)
		}
		wantColumn(t, d, 0, "Q2")
		d.Undo()
		wantColumn(t, d, 0, "Q1", "Q1", "Q1", "Q2")
	})
	t.Run("deleting a child deletes only it", func(t *testing.T) {
		d := queues()
		d.Select(Cell{2, 0}, false)
		d.DeleteRows()
		wantColumn(t, d, 0, "Q1", "Q1", "Q2")
	})
}
