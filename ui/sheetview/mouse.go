package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bulkops/bulkops/ui/grid"
)

// The mouse on the grid beyond a click: dragging over cells selects a range, the border
// between two column headers resizes (drag) or fits (double-click) the column on its left.

// borderAt returns the column whose header's right border is at the absolute position
// pos, or -1. The border is the gap between two headers, a few pixels either side.
func (v *sheetView) borderAt(pos fyne.Position) int {
	drv := fyne.CurrentApp().Driver()
	slack := theme.Padding()
	for h := range v.heads {
		if h.id.Row >= 0 || h.id.Col < 0 || h.id.Col >= len(v.widths) || !h.Visible() {
			continue
		}
		p := drv.AbsolutePositionForObject(h)
		if p.IsZero() { // a template the table keeps for later, not on screen
			continue
		}
		right := p.X + h.Size().Width
		if pos.Y >= p.Y && pos.Y <= p.Y+h.Size().Height && pos.X >= right-slack && pos.X <= right+2*slack {
			return h.id.Col
		}
	}
	return -1
}

// dragSelect follows a drag that began on cell from: the selection spans from there to
// the cell under the pointer, which holds the cursor (and the formula bar names it).
func (v *sheetView) dragSelect(from *cellBox, e *fyne.DragEvent) {
	drv := fyne.CurrentApp().Driver()
	ed, d := v.ed, v.doc()
	if !v.dragging {
		id, ok := v.owner[from]
		if !ok {
			return
		}
		ed.commit(0, 0)
		v.dragging = true
		d.Select(grid.Cell{Row: id.Row, Col: id.Col}, v.table.shift)
	}
	at := drv.AbsolutePositionForObject(from).Add(e.Position)
	if c, ok := v.cellAt(at); ok && c != d.Cursor() {
		d.Select(c, true)
		ed.moved(v)
	} else if !ok {
		ed.moved(v)
	}
}

func (v *sheetView) dragEnd() {
	if v.dragging {
		v.dragging = false
		v.ed.focusGrid()
	}
}

// cellAt returns the visible cell at an absolute position.
func (v *sheetView) cellAt(pos fyne.Position) (grid.Cell, bool) {
	drv := fyne.CurrentApp().Driver()
	for id, o := range v.cells {
		p := drv.AbsolutePositionForObject(o)
		if p.IsZero() {
			continue
		}
		end := p.Add(o.Size())
		if pos.X >= p.X && pos.X < end.X && pos.Y >= p.Y && pos.Y < end.Y {
			return grid.Cell{Row: id.Row, Col: id.Col}, true
		}
	}
	return grid.Cell{}, false
}
