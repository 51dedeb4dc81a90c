package sheetview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
)

// Dragging over the cells selects the range from where the drag began; the cell under
// the pointer holds the cursor, framed, and the formula bar names it. A click on a column
// header selects the column, with the formula bar on its first cell.
func TestDragSelectsARange(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(5)...)
	dragCells(t, v, at(1, 0), at(3, 1))
	want := grid.Range{Top: 1, Left: 0, Bottom: 3, Right: 1}
	if got := v.doc().Selection(); got != want {
		t.Fatalf("the drag selected %v, want %v", got, want)
	}
	if got := s.ed.cellRef.Text; got != "B5" {
		t.Errorf("the formula bar names %q, want B5 (the cell under the pointer)", got)
	}
	if !cellBoxAt(t, v, 3, 1).frame.Visible() || cellBoxAt(t, v, 1, 0).frame.Visible() {
		t.Error("the frame is not on the cell the formula bar names")
	}
	for _, c := range []grid.Cell{at(1, 0), at(2, 1), at(3, 0)} {
		if got := cellBG(t, v, c.Row, c.Col); got != s.ed.pal.sel {
			t.Errorf("cell %v in the range is painted %v", c, got)
		}
	}
	if got := cellBG(t, v, 0, 0); got == s.ed.pal.sel {
		t.Error("a cell outside the range is painted selected")
	}
	if focused(s) != v.table {
		t.Error("the grid lost the keyboard after the drag")
	}

	test.Tap(v.headers()[widget.TableCellID{Row: -1, Col: 1}])
	if got := v.doc().Selection(); got != (grid.Range{Top: 0, Left: 1, Bottom: 4, Right: 1}) {
		t.Errorf("a click on the column's header selects %v", got)
	}
	if got := s.ed.cellRef.Text; got != "B2" || !cellBoxAt(t, v, 0, 1).frame.Visible() {
		t.Errorf("after selecting the column the formula bar names %q", got)
	}
}

// dragCells drags from one visible cell to another, in steps, as the driver reports a
// drag: to the cell where it began, with positions relative to that cell.
func dragCells(t testing.TB, v *sheetView, from, to grid.Cell) {
	t.Helper()
	src := cellBoxAt(t, v, from.Row, from.Col)
	drv := fyne.CurrentApp().Driver()
	start := drv.AbsolutePositionForObject(src).AddXY(5, 5)
	end := drv.AbsolutePositionForObject(cellBoxAt(t, v, to.Row, to.Col)).AddXY(5, 5)
	origin := drv.AbsolutePositionForObject(src)
	const steps = 4
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		at := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
		src.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.Subtract(origin), AbsolutePosition: at},
			Dragged: fyne.Delta{DX: (end.X - start.X) / steps, DY: (end.Y - start.Y) / steps}})
	}
	src.DragEnd()
}
