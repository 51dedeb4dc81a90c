package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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

// headerMenu offers what applies to a column (sorting) or a row (inserting, deleting).
func (v *sheetView) headerMenu(id widget.TableCellID, at fyne.Position) {
	ed := v.ed
	if id.Row < 0 {
		d := v.doc()
		d.Select(grid.Cell{Row: d.Cursor().Row, Col: id.Col}, false)
		v.refresh()
	} else if !v.doc().Selection().Contains(grid.Cell{Row: id.Row, Col: v.doc().Cursor().Col}) {
		v.doc().Select(grid.Cell{Row: id.Row, Col: v.doc().Cursor().Col}, false)
		v.refresh()
	}
	ids := []Command{SortAscending, SortDescending}
	if id.Row >= 0 {
		ids = []Command{InsertRows, AddChild, DeleteRows, MarkForDeletion, UnmarkDeletion}
	}
	var items []*fyne.MenuItem
	for _, a := range ids {
		items = append(items, ed.acts[a].MenuItem())
	}
	if id.Row < 0 {
		items = append(items, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Filter…"), func() { ed.showColumnFilter(v, id.Col) }))
		if _, ok := v.filters[id.Col]; ok {
			items = append(items, fyne.NewMenuItem(lang.L("Clear filter"), func() {
				delete(v.filters, id.Col)
				ed.applyFilters(v)
			}))
		}
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), ed.host.Window().Canvas(), at)
}
