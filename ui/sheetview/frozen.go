package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
)

// The type's key column (Name; Email for users) stays in view when the sheet scrolls
// right (issue 23, point 5), as a frozen first column does in a spreadsheet: the row a
// cell belongs to is always named.
//
// Fyne 2.8's Table.StickyColumnCount cannot do it: it places the first scrolled column
// by the widths of the first columns instead of its own, so with columns of different
// widths cells land under the frozen one or off the view. So while the sheet is
// scrolled right, frozenCol lies over the left of the cells and shows the key column's
// cells of the rows in view, painted as the table paints them. A key column that is not
// the sheet's first (a file with its own order) is not frozen.

// frozenCol shows the key column over the scrolled cells.
type frozenCol struct {
	widget.BaseWidget
	v      *sheetView
	bg     *canvas.Rectangle
	line   *canvas.Rectangle // the edge between it and the cells that scroll
	head   *headerCell       // the key column's header, over the header row
	headBG *canvas.Rectangle
	boxes  []*cellBox
	rows   map[*cellBox]int // the row each box shows
	layer  *fyne.Container
}

func newFrozenCol(v *sheetView) *frozenCol {
	f := &frozenCol{v: v, bg: canvas.NewRectangle(theme.Color(theme.ColorNameBackground)),
		line: canvas.NewRectangle(theme.Color(theme.ColorNameShadow))}
	f.head = newHeaderCell(v)
	f.head.id = widget.TableCellID{Row: -1, Col: 0}
	f.layer = container.NewWithoutLayout(f.bg)
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

func (f *frozenCol) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.layer) }

// keyFrozen reports whether the sheet's first column is its type's key column.
func (v *sheetView) keyFrozen() bool {
	s := v.o.Sheet()
	return s.Object != nil && len(s.Object.KeyColumns) > 0 && len(v.widths) > 1 &&
		s.Index(s.Object.KeyColumns[0]) == 0
}

// frozenWidth is how much of the scroll area's left the frozen column covers: none
// unless the sheet is scrolled right.
func (v *sheetView) frozenWidth() float32 {
	off, ok := v.table.scrolled()
	if !ok || off.X <= 0 || !v.keyFrozen() {
		return 0
	}
	return v.widths[0] + theme.Padding()
}

// sync places the frozen column over the table's scroll area and paints the key cells
// of the rows in view; it hides it when the sheet is not scrolled right.
func (f *frozenCol) sync() {
	v := f.v
	area := v.table.area
	w := v.frozenWidth()
	if w <= 0 || area == nil {
		if f.Visible() {
			f.Hide()
		}
		return
	}
	off, _ := v.table.scrolled()
	top := area.Position().Y // the header row's height: the key column's header goes there
	size := fyne.NewSize(w, top+area.Size().Height)
	f.Move(fyne.NewPos(area.Position().X, 0))
	f.Resize(size)
	f.bg.Resize(size)
	f.line.Move(fyne.NewPos(w-1, 0))
	f.line.Resize(fyne.NewSize(1, size.Height))
	f.head.Resize(fyne.NewSize(v.widths[0], top-theme.Padding()))
	v.updateColumnHeader(f.head, 0)

	pitch := newCellBox(v).MinSize().Height + theme.Padding()
	rows, _ := v.length()
	first := int(off.Y / pitch)
	n := 0
	f.rows = map[*cellBox]int{}
	for r := first; r < rows && top+float32(r)*pitch-off.Y < size.Height; r++ {
		if n == len(f.boxes) {
			f.boxes = append(f.boxes, newCellBox(v))
		}
		b := f.boxes[n]
		b.Move(fyne.NewPos(0, top+float32(r)*pitch-off.Y))
		b.Resize(fyne.NewSize(v.widths[0], pitch-theme.Padding()))
		v.paintCell(widget.TableCellID{Row: r, Col: 0}, b)
		f.rows[b] = r
		b.Show()
		n++
	}
	for _, b := range f.boxes[n:] {
		b.Hide()
	}
	objs := []fyne.CanvasObject{f.bg}
	for _, b := range f.boxes {
		objs = append(objs, b)
	}
	// The header last, over a cell scrolled half under it.
	f.layer.Objects = append(objs, f.bg2(), f.head, f.line)
	f.layer.Refresh()
	f.Show()
}

// cellOf is the cell a box of the frozen column shows.
func (f *frozenCol) cellOf(b *cellBox) (grid.Cell, bool) {
	r, ok := f.rows[b]
	return grid.Cell{Row: r, Col: 0}, ok && f.Visible()
}

// bg2 is the header row's background under the frozen header, hiding the cell rows
// scrolled up behind it.
func (f *frozenCol) bg2() fyne.CanvasObject {
	if f.headBG == nil {
		f.headBG = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	}
	f.headBG.Resize(fyne.NewSize(f.Size().Width, f.v.table.area.Position().Y))
	return f.headBG
}

// Tapped selects the key cell tapped, as a tap on the table's own cell does.
func (f *frozenCol) Tapped(e *fyne.PointEvent) {
	v := f.v
	off, _ := v.table.scrolled()
	pitch := newCellBox(v).MinSize().Height + theme.Padding()
	top := v.table.area.Position().Y
	if e.Position.Y < top { // on the header: the column, as a tap on the table's header
		v.headerTapped(f.head.id)
		return
	}
	row := int((e.Position.Y - top + off.Y) / pitch)
	if row >= v.doc().Rows()+1 {
		return
	}
	extend := v.table.shift || v.table.mods&fyne.KeyModifierShift != 0
	v.table.mods = 0
	v.ed.clicked(v, grid.Cell{Row: row, Col: 0}, extend)
	v.ed.focusGrid()
}

// frozenRenderer is the table's renderer with the frozen column over it.
type frozenRenderer struct {
	fyne.WidgetRenderer
	frozen *frozenCol
}

func (r *frozenRenderer) Layout(s fyne.Size) {
	r.WidgetRenderer.Layout(s)
	r.frozen.sync()
}

func (r *frozenRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.frozen.sync()
}

func (r *frozenRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.frozen)
}
