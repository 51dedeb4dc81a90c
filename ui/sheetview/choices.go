package sheetview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

const maxChoices = 12 // shown at once; typing narrows them

// choices is the drop-down under the cell being edited: the allowed values of an enum or
// ON/OFF column, or the names a reference column may use (from the open sheets and the
// organization), narrowed to those containing what was typed. It lives in a layer of the
// window's content, not in a pop-up, so the cell editor keeps the keyboard.
type choices struct {
	ed    *Editor
	box   *fyne.Container
	list  *fyne.Container
	more  *widget.Label
	items []string // matching, in order
	hi    int      // highlighted item; -1 for none
	shown bool
}

func newChoices(ed *Editor) *choices {
	c := &choices{ed: ed, hi: -1}
	c.list = container.NewVBox()
	c.more = widget.NewLabel("")
	c.more.Importance = widget.LowImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	c.box = container.NewStack(bg, container.NewVBox(c.list, c.more))
	c.box.Hide()
	return c
}

// source returns every value column col of the sheet shown may take from a list; nil for
// a free-text column.
func (c *choices) source(v *sheetView, col int) []string {
	s := v.o.Sheet()
	if col < 0 || col >= len(s.Columns) || s.Columns[col].Spec == nil {
		return nil
	}
	spec := s.Columns[col].Spec
	if spec.Type == catalog.Ref {
		return c.ed.ws.names(spec.Ref)
	}
	return sheets.AllowedValues(spec)
}

// list columns take several values separated by |: the choices complete the last one.
func (c *choices) isList(v *sheetView, col int) bool {
	s := v.o.Sheet()
	return col >= 0 && col < len(s.Columns) && s.Columns[col].Spec != nil && s.Columns[col].Spec.List
}

// token is the part of the text the choices complete: the last item of a list.
func (c *choices) token() (prefix, tok string) {
	text := c.ed.entry.Text
	if c.isList(c.ed.editView, c.ed.editCell.Col) {
		if i := strings.LastIndex(text, catalog.ListSeparator); i >= 0 {
			return text[:i+1], strings.TrimLeft(text[i+1:], " ")
		}
	}
	return "", text
}

// update narrows the choices to what was typed and shows them under the cell.
func (c *choices) update() {
	ed := c.ed
	if !ed.editing {
		c.hide()
		return
	}
	all := c.source(ed.editView, ed.editCell.Col)
	_, tok := c.token()
	c.items = match(all, tok)
	if len(c.items) == 0 || (len(c.items) == 1 && c.items[0] == tok) {
		c.hide()
		return
	}
	c.hi = -1
	if tok != "" {
		c.hi = 0
	}
	c.render()
	c.shown = true
	c.box.Show()
	ed.placeChoices()
}

// match returns the values containing tok (without regard to case), those starting with
// it first; all values when tok is empty.
func match(all []string, tok string) []string {
	if tok == "" {
		return all
	}
	low := strings.ToLower(tok)
	var starts, contains []string
	for _, v := range all {
		lv := strings.ToLower(v)
		switch {
		case strings.HasPrefix(lv, low):
			starts = append(starts, v)
		case strings.Contains(lv, low):
			contains = append(contains, v)
		}
	}
	return append(starts, contains...)
}

func (c *choices) render() {
	n := min(len(c.items), maxChoices)
	objs := make([]fyne.CanvasObject, n)
	for i := range n {
		objs[i] = newChoiceItem(c, c.items[i], i == c.hi)
	}
	c.list.Objects = objs
	c.list.Refresh()
	if extra := len(c.items) - n; extra > 0 {
		c.more.SetText(words.T("More: %d (type to narrow)", extra))
		c.more.Show()
	} else {
		c.more.Hide()
	}
	c.box.Resize(fyne.NewSize(c.box.Size().Width, c.box.MinSize().Height))
}

func (c *choices) visible() bool { return c.shown }

func (c *choices) hide() {
	c.shown = false
	c.hi = -1
	c.box.Hide()
}

// move highlights the next (dir 1) or previous (-1) choice.
func (c *choices) move(dir int) {
	n := min(len(c.items), maxChoices)
	if n == 0 {
		return
	}
	c.hi = ((c.hi+dir)%n + n) % n
	c.render()
}

// acceptHighlighted puts the highlighted choice into the cell editor.
func (c *choices) acceptHighlighted() {
	if c.shown && c.hi >= 0 && c.hi < len(c.items) {
		c.accept(c.items[c.hi])
	}
}

// accept writes a choice into the cell editor, replacing the item being typed.
func (c *choices) accept(v string) {
	if !c.ed.editing {
		return
	}
	prefix, _ := c.token()
	c.ed.entry.SetText(prefix + v)
	c.hide()
}

// pick is a click on a choice: it is written into the cell at once.
func (c *choices) pick(v string) {
	if !c.ed.editing {
		return
	}
	c.accept(v)
	c.ed.commit(0, 0)
}

// openChoices starts editing the cursor's cell, if need be, with every choice listed
// (the drop-down button, Alt+Down).
func (e *Editor) openChoices() {
	if e.cur == nil {
		return
	}
	if !e.editing {
		d := e.cur.doc()
		e.begin(e.cur, d.Value(d.Cursor()), false)
	}
	all := e.choices.source(e.editView, e.editCell.Col)
	if len(all) == 0 {
		return
	}
	e.choices.items = all
	e.choices.hi = 0
	e.choices.render()
	e.choices.shown = true
	e.choices.box.Show()
	e.placeChoices()
}

// placeChoices puts the choices under the cell being edited, or under the cell bar when
// the cell is out of view.
func (e *Editor) placeChoices() {
	c := e.choices
	if !c.shown {
		return
	}
	w := float32(220)
	pos := fyne.NewPos(0, 0)
	if o := e.editView.cellObject(e.editCell); o != nil {
		drv := fyne.CurrentApp().Driver()
		pos = drv.AbsolutePositionForObject(o).Subtract(drv.AbsolutePositionForObject(e.float))
		pos.Y += o.Size().Height
		w = max(w, o.Size().Width)
	}
	c.box.Move(pos)
	c.box.Resize(fyne.NewSize(w, c.box.MinSize().Height))
}

// choiceItem is one line of the choices. It acts on mouse press, before the press moves
// the keyboard focus away from the cell editor (which would end the edit).
type choiceItem struct {
	widget.BaseWidget
	c     *choices
	value string
	label *widget.Label
	bg    *canvas.Rectangle
}

func newChoiceItem(c *choices, v string, hi bool) *choiceItem {
	it := &choiceItem{c: c, value: v, label: widget.NewLabel(v), bg: canvas.NewRectangle(nil)}
	it.label.Truncation = fyne.TextTruncateEllipsis
	if hi {
		it.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	it.ExtendBaseWidget(it)
	return it
}

func (it *choiceItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(it.bg, it.label))
}

// MouseDown picks the choice.
func (it *choiceItem) MouseDown(*desktop.MouseEvent) { it.c.pick(it.value) }

// MouseUp is needed for desktop.Mouseable.
func (it *choiceItem) MouseUp(*desktop.MouseEvent) {}

// Tapped picks the choice where there is no mouse (touch, tests).
func (it *choiceItem) Tapped(*fyne.PointEvent) { it.c.pick(it.value) }
