package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Scrolling the cursor into view. Fyne's Table.ScrollTo adds the header row's height
// (and the header column's width) to the cell's place although its scroll area starts
// below (beside) them: going up it stops one row short, the cursor's row hidden under
// the header, and going left one column short. So the grid works out the offset itself,
// from the scroll area's own: the Table does not say where it is scrolled to.

// CreateRenderer keeps the Table's scroll area of the cells, the last object of its
// renderer (Fyne 2.8).
func (t *gridTable) CreateRenderer() fyne.WidgetRenderer {
	r := t.Table.CreateRenderer()
	if objs := r.Objects(); len(objs) > 0 {
		t.area = objs[len(objs)-1]
	}
	t.frozen = newFrozenCol(t.view)
	if sc, ok := t.area.(*container.Scroll); ok && sc != nil {
		scrolled := sc.OnScrolled // the Table's own: it moves its headers
		sc.OnScrolled = func(p fyne.Position) {
			if scrolled != nil {
				scrolled(p)
			}
			t.frozen.sync()
		}
	}
	return &frozenRenderer{WidgetRenderer: r, frozen: t.frozen}
}

// scrolled returns where the cells are scrolled to, and false when it cannot tell (the
// renderer's last object is not the scroll area a later Fyne may lay out otherwise).
func (t *gridTable) scrolled() (fyne.Position, bool) {
	sc, ok := t.area.(*container.Scroll)
	if !ok || sc == nil {
		return fyne.Position{}, false
	}
	return sc.Offset, true
}

// scrollToCursor brings the cursor's cell wholly into view, moving as little as it can.
func (v *sheetView) scrollToCursor() {
	c := v.doc().Cursor()
	t := v.table
	off, ok := t.scrolled()
	size := fyne.Size{}
	if t.area != nil {
		size = t.area.Size()
	}
	if !ok || size.Height <= 0 || size.Width <= 0 {
		t.ScrollTo(widget.TableCellID{Row: c.Row, Col: c.Col})
		return
	}
	pad := theme.Padding()
	cell := newCellBox(v).MinSize()
	y, h := float32(c.Row)*(cell.Height+pad), cell.Height
	x, w := float32(0), cell.Width
	for i := 0; i <= c.Col && i < len(v.widths); i++ {
		if i > 0 {
			x += w + pad
		}
		w = v.widths[i]
	}
	want := fyne.NewPos(into(off.X, x, w, size.Width), into(off.Y, y, h, size.Height))
	if key := v.widths[0] + pad; c.Col > 0 && v.keyFrozen() && want.X > 0 && x-want.X < key {
		// Scrolled right, the frozen key column covers the first key px of the view.
		want.X = max(into(off.X, x-key, w+key, size.Width), 0)
	}

	if want != off {
		t.ScrollToOffset(want)
	}
}

// into is the least change of a scroll offset that shows [at, at+length) in a view of
// size span.
func into(off, at, length, span float32) float32 {
	switch {
	case at < off:
		return at
	case at+length > off+span:
		return at + length - span
	}
	return off
}
