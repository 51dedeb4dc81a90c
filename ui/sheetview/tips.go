package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Tooltips of the column headers and of the column's description above the grid
// (issue 23, point 4): a header cut to its column's width, or a description cut to the
// editor's, shows whole, with what the column holds, while the mouse rests on it.

// Tipper is a Host that shows tooltips (the shell does): HoverIn shows text by o after
// a moment, HoverOut hides it when the mouse leaves o. Without it the editor shows none.
type Tipper interface {
	HoverIn(o fyne.CanvasObject, text string)
	HoverOut(o fyne.CanvasObject)
}

var (
	_ desktop.Hoverable = (*headerCell)(nil)
	_ desktop.Hoverable = (*tipArea)(nil)
)

// tipIn shows text by o, when the host shows tips.
func (e *Editor) tipIn(o fyne.CanvasObject, text string) {
	if t, ok := e.host.(Tipper); ok {
		t.HoverIn(o, text)
	}
}

func (e *Editor) tipOut(o fyne.CanvasObject) {
	if t, ok := e.host.(Tipper); ok {
		t.HoverOut(o)
	}
}

// MouseIn shows a column header's tip: its name whole, required or not, and what the
// column holds. A row's number has none.
func (h *headerCell) MouseIn(*desktop.MouseEvent) {
	if h.view == nil || h.id.Row >= 0 {
		return
	}
	h.view.ed.tipIn(h, columnInfo(h.view.o.Sheet(), h.id.Col))
}

// MouseMoved does nothing: the tip stays while the mouse is on the header.
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (h *headerCell) MouseOut() {
	if h.view != nil {
		h.view.ed.tipOut(h)
	}
}

// tipArea lies over a label cut to one line (the column's description above the grid)
// and shows the label's text whole in a tip while the mouse rests on it.
type tipArea struct {
	widget.BaseWidget
	label *widget.Label
	ed    *Editor
}

// withTip puts a tipArea over l.
func (e *Editor) withTip(l *widget.Label) fyne.CanvasObject {
	a := &tipArea{label: l, ed: e}
	a.ExtendBaseWidget(a)
	return container.NewStack(l, a)
}

func (a *tipArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MouseIn shows the whole text.
func (a *tipArea) MouseIn(*desktop.MouseEvent) { a.ed.tipIn(a, a.label.Text) }

// MouseMoved does nothing: the tip stays while the mouse is on the label.
func (a *tipArea) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (a *tipArea) MouseOut() { a.ed.tipOut(a) }
