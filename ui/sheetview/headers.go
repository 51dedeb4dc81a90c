package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
)

// headerTapped selects a whole column (a tap on its name) or row (on its number); with
// Shift held the selection grows to it.
func (v *sheetView) headerTapped(id widget.TableCellID) {
	ed := v.ed
	ed.commit(0, 0)
	d := v.doc()
	sel := d.Selection()
	last := max(d.Rows()-1, 0)
	if id.Row < 0 {
		r := grid.Range{Top: 0, Left: id.Col, Bottom: last, Right: id.Col}
		if v.table.shift {
			r.Left, r.Right = min(sel.Left, id.Col), max(sel.Right, id.Col)
		}
		d.SelectRange(r)
	} else {
		r := grid.Range{Top: id.Row, Left: 0, Bottom: id.Row, Right: d.Cols() - 1}
		if v.table.shift {
			r.Top, r.Bottom = min(sel.Top, id.Row), max(sel.Bottom, id.Row)
		}
		d.SelectRange(r)
	}
	v.refresh()
	ed.showCell()
	ed.host.CursorMoved()
	ed.focusGrid()
}

// headerMenu opens the context menu of a column's header (see contextMenu) or a row's
// number (the clipboard and the row commands).
func (v *sheetView) headerMenu(id widget.TableCellID, at fyne.Position) {
	if id.Row < 0 {
		d := v.doc()
		d.Select(grid.Cell{Row: d.Cursor().Row, Col: id.Col}, false)
		v.refresh()
	} else if !v.doc().Selection().Contains(grid.Cell{Row: id.Row, Col: v.doc().Cursor().Col}) {
		v.doc().Select(grid.Cell{Row: id.Row, Col: v.doc().Cursor().Col}, false)
		v.refresh()
	}
	col := id.Col
	if id.Row >= 0 {
		col = -1
	}
	v.showMenu(v.contextMenu(col), at)
}
