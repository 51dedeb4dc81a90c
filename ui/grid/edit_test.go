package grid

import (
	"reflect"
	"testing"
)

func TestSetCellUndoRedo(t *testing.T) {
	d := sites(t, "Prague", "Brno")
	var changes []Change
	d.OnChange = func(c Change) { changes = append(changes, c) }

	if !d.SetCell(Cell{1, 0}, "Ostrava") {
		t.Fatal("SetCell reported no change")
	}
	if d.SetCell(Cell{1, 0}, "Ostrava") {
		t.Error("writing the same value counts as a change")
	}
	wantColumn(t, d, 0, "Prague", "Ostrava")
	if !d.Modified() || !reflect.DeepEqual(changes, []Change{{Rows: []int{1}}}) {
		t.Errorf("modified %v changes %v", d.Modified(), changes)
	}
	d.Undo()
	wantColumn(t, d, 0, "Prague", "Brno")
	if d.Modified() {
		t.Error("undo back to the opened state still counts as modified")
	}
	d.Redo()
	wantColumn(t, d, 0, "Prague", "Ostrava")
	d.MarkSaved()
	if d.Modified() {
		t.Error("modified right after MarkSaved")
	}
	d.Undo()
	if !d.Modified() {
		t.Error("undo past the save is not modified")
	}
	if d.Undo() || d.CanUndo() || !d.CanRedo() {
		t.Error("undo with an empty stack did something")
	}
	d.SetCell(Cell{0, 1}, "Other")
	if d.CanRedo() {
		t.Error("a new edit keeps the redo stack")
	}
}

func TestSetCellOnNewRecordRow(t *testing.T) {
	d := sites(t, "Prague")
	if d.SetCell(Cell{1, 1}, "") {
		t.Error("an empty value on the new-record row appended a record")
	}
	d.SetCell(Cell{1, 1}, "Profile")
	if len(d.Sheet().Rows) != 2 || d.Sheet().Cell(1, 1) != "Profile" || len(d.Sheet().Rows[1].Cells) != 2 {
		t.Fatalf("rows = %v", d.Sheet().Rows)
	}
	d.Undo()
	if len(d.Sheet().Rows) != 1 {
		t.Errorf("undo left %d rows", len(d.Sheet().Rows))
	}
}

func TestShortRowsAreLengthened(t *testing.T) {
	d := sites(t, "Prague")
	d.Sheet().Rows[0].Cells = []string{"Prague"} // as read from a ragged CSV line
	d.SetCell(Cell{0, 1}, "MM")
	if got := d.Sheet().Rows[0].Cells; !reflect.DeepEqual(got, []string{"Prague", "MM"}) {
		t.Errorf("cells = %q", got)
	}
}

func TestGroupKeyEditMovesTheWholeGroup(t *testing.T) {
	// Queue: a parent row, two distribution-group rows repeating the name, another queue.
	d := New(sheetOf(t, "queue", []string{"Q1", "", "TELEPHONY"}, []string{"Q1"}, []string{"Q1"}, []string{"Q2"}))
	if !d.IsChild(1) || !d.IsChild(2) || d.IsChild(0) || d.IsChild(3) {
		t.Fatal("groups not recognised")
	}
	d.SetCell(Cell{1, 0}, "Sales")
	wantColumn(t, d, 0, "Sales", "Sales", "Sales", "Q2")
	if !d.IsChild(2) {
		t.Error("the group fell apart after renaming")
	}
	d.Undo()
	wantColumn(t, d, 0, "Q1", "Q1", "Q1", "Q2")
	// A non-key column is edited alone.
	d.SetCell(Cell{0, 1}, "desc")
	if d.Sheet().Cell(1, 1) != "" {
		t.Error("a non-key edit spread to the child rows")
	}
}

func TestClearFillDownAndSetSelection(t *testing.T) {
	d := sites(t, "a", "b", "c", "d")
	d.SelectRange(Range{1, 0, 2, 1})
	d.Clear()
	wantColumn(t, d, 0, "a", "", "", "d")
	wantColumn(t, d, 1, "MM", "", "", "MM")
	d.Undo()

	d.SelectRange(Range{0, 0, 2, 0})
	d.FillDown()
	wantColumn(t, d, 0, "a", "a", "a", "d")
	d.Undo()

	d.Select(Cell{3, 0}, false) // one row: copies the row above
	d.FillDown()
	wantColumn(t, d, 0, "a", "b", "c", "c")
	d.Select(Cell{0, 0}, false)
	if d.FillDown() {
		t.Error("fill down on the first row did something")
	}

	d.SelectRange(Range{0, 1, 4, 1}) // includes the new-record row, which stays empty
	d.SetSelection("X")
	wantColumn(t, d, 1, "X", "X", "X", "X")
}

func TestCopyCut(t *testing.T) {
	d := sites(t, "a", "b")
	d.SelectRange(Range{0, 0, 2, 1})
	if got := d.Copy(); got != "a\tMM\r\nb\tMM\r\n" {
		t.Errorf("Copy = %q", got)
	}
	d.Select(Cell{1, 0}, false)
	if got := d.Cut(); got != "b" {
		t.Errorf("Cut = %q", got)
	}
	wantColumn(t, d, 0, "a", "")
}
