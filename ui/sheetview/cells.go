package sheetview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cellBox is the template of a grid cell: a background tinted by the cell's findings and
// the selection, the text, and a frame shown on the cursor's cell. Tables pool and reuse
// templates, so everything a cell shows is set in sheetView.updateCell.
type cellBox struct {
	widget.BaseWidget
	bg, frame *canvas.Rectangle
	text      *canvas.Text
	full      string // the whole value; text shows it shortened to the cell's width
	fit       *fitter
	view      *sheetView // nil for a cell made only to be measured
}

func newCellBox(v *sheetView) *cellBox {
	c := &cellBox{bg: canvas.NewRectangle(color.Transparent), frame: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText("", theme.Color(theme.ColorNameForeground)), fit: &v.ed.fit, view: v}
	c.text.TextSize = theme.TextSize()
	c.frame.StrokeWidth = 2
	c.frame.Hide()
	c.ExtendBaseWidget(c)
	return c
}

func (c *cellBox) CreateRenderer() fyne.WidgetRenderer {
	return &textCellRenderer{bg: c.bg, text: c.text, frame: c.frame, fit: func(w float32) {
		c.text.Text = c.fit.fit(c.full, w, c.text.TextSize, c.text.TextStyle)
	}}
}

// Dragged selects from the cell where the drag began to the cell under the pointer: the
// cell gets the drag because it is the deepest draggable under the mouse (the table's
// scroller would take it otherwise, and scroll).
func (c *cellBox) Dragged(e *fyne.DragEvent) {
	if c.view != nil {
		c.view.dragSelect(c, e)
	}
}

// DragEnd ends a drag selection.
func (c *cellBox) DragEnd() {
	if c.view != nil {
		c.view.dragEnd()
	}
}

// show sets what the cell displays, touching only what changed: repainting a cell that
// did not change is what makes scrolling a large sheet stutter.
func (c *cellBox) show(text string, fg, bg, frame color.Color) {
	if c.full != text || c.text.Color != fg {
		c.full = text
		c.text.Color = fg
		c.text.Text = c.fit.fit(text, c.Size().Width-2*theme.InnerPadding(), c.text.TextSize, c.text.TextStyle)
		c.text.Refresh()
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
	if frame == nil {
		if c.frame.Visible() {
			c.frame.Hide()
		}
		return
	}
	if c.frame.StrokeColor != frame || !c.frame.Visible() {
		c.frame.StrokeColor = frame
		c.frame.Show()
		c.frame.Refresh()
	}
}

// headerCell is the template of the header row (column names) and the header column (row
// numbers). Tapping one selects its column or row; a secondary tap opens its menu.
type headerCell struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
	full string
	fit  *fitter
	view *sheetView
	id   widget.TableCellID
}

func newHeaderCell(v *sheetView) *headerCell {
	h := &headerCell{bg: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText("00000", theme.Color(theme.ColorNameForeground)), view: v, fit: &v.ed.fit}
	h.text.TextStyle.Bold = true
	h.text.TextSize = theme.TextSize()
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return &textCellRenderer{bg: h.bg, text: h.text, fit: func(w float32) {
		h.text.Text = h.fit.fit(h.full, w, h.text.TextSize, h.text.TextStyle)
	}}
}

// show sets the header's text, its colour and background.
func (h *headerCell) show(text string, fg, bg color.Color) {
	if h.full != text || h.text.Color != fg {
		h.full = text
		h.text.Color = fg
		h.text.Text = h.fit.fit(text, h.Size().Width-2*theme.InnerPadding(), h.text.TextSize, h.text.TextStyle)
		h.text.Refresh()
	}
	if h.bg.FillColor != bg {
		h.bg.FillColor = bg
		h.bg.Refresh()
	}
}

// Tapped selects the header's column or row (extending the selection with Shift held).
func (h *headerCell) Tapped(*fyne.PointEvent) { h.view.headerTapped(h.id) }

// TappedSecondary opens the header's menu: sorting for a column, rows for a row.
func (h *headerCell) TappedSecondary(e *fyne.PointEvent) { h.view.headerMenu(h.id, e.AbsolutePosition) }

// textCellRenderer lays out a background, a line of text with the theme's inner padding
// (so rows are as tall as a Label's) and an optional frame.
type textCellRenderer struct {
	bg, frame *canvas.Rectangle
	text      *canvas.Text
	fit       func(width float32) // shortens the text to the width it gets
	width     float32
}

func (r *textCellRenderer) Layout(size fyne.Size) {
	pad := theme.InnerPadding()
	r.bg.Resize(size)
	r.bg.Move(fyne.Position{})
	if r.frame != nil {
		r.frame.Resize(size)
	}
	if w := size.Width - 2*pad; w != r.width {
		r.width = w
		r.fit(w)
	}
	th := r.text.MinSize().Height
	r.text.Move(fyne.NewPos(pad, (size.Height-th)/2))
	r.text.Resize(fyne.NewSize(size.Width-2*pad, th))
}

func (r *textCellRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	h := fyne.MeasureText("Mg", r.text.TextSize, r.text.TextStyle).Height
	return fyne.NewSize(r.text.MinSize().Width+2*pad, h+2*pad)
}

func (r *textCellRenderer) Refresh() {
	r.bg.Refresh()
	r.text.Refresh()
	if r.frame != nil {
		r.frame.Refresh()
	}
}

func (r *textCellRenderer) Objects() []fyne.CanvasObject {
	if r.frame == nil {
		return []fyne.CanvasObject{r.bg, r.text}
	}
	return []fyne.CanvasObject{r.bg, r.text, r.frame}
}

func (r *textCellRenderer) Destroy() {}
