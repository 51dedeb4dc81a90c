package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A closed sheet's table is out of the window, but Fyne keeps each widget's renderer in
// a cache until it has gone unpainted for a minute (and its test driver never empties
// that cache), with the cell templates, which know their view, and so the whole
// document. Closing therefore cuts the table loose from the sheet: what the cache keeps
// then is a table of no rows.

// release detaches v from its sheet once the sheet is closed or replaced.
func (v *sheetView) release() {
	if v == nil || v.o == nil {
		return
	}
	if e := v.ed; e.widthView == v && e.widthTimer != nil && e.widthTimer.Stop() {
		e.saveWidths(v) // a column resized a moment ago: its width is kept
	}
	if c := v.ed.host.Window().Canvas(); c != nil && c.Focused() == fyne.Focusable(v.table) {
		c.Unfocus() // the focus would keep the table, and send it keys
	}
	t := v.table
	t.Length = func() (int, int) { return 0, 0 }
	t.UpdateCell = func(widget.TableCellID, fyne.CanvasObject) {}
	t.UpdateHeader = func(widget.TableCellID, fyne.CanvasObject) {}
	t.OnSelected = nil
	v.o.view = nil
	v.o = nil
	clear(v.cells)
	clear(v.owner)
	clear(v.heads)
}

// closed tells whether v's sheet is no longer open (its table may still get a late
// event from Fyne).
func (v *sheetView) closed() bool { return v.o == nil }
