package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// findingsPanel lists the errors and warnings of the sheet shown, with the messages
// Control Hub wrote for its rows; choosing one puts the cursor on its cell.
type findingsPanel struct {
	ed      *Editor
	items   []sheets.Finding
	heights map[widget.ListItemID]float32 // the height given to each row shown so far
	list    *widget.List
	summary *widget.Label
	only    *widget.Check
	changes *widget.Check // "Changes only": the rows a check found a job changes
	content fyne.CanvasObject
}

func newFindingsPanel(ed *Editor) *findingsPanel {
	p := &findingsPanel{ed: ed, heights: map[widget.ListItemID]float32{}}
	p.summary = widget.NewLabel("")
	p.summary.TextStyle.Bold = true
	p.only = widget.NewCheck(words.T("Only rows with findings"), func(bool) {
		if v := ed.cur; v != nil && v.findingsOnly != p.only.Checked {
			ed.toggleFilter()
		}
	})
	p.changes = widget.NewCheck(words.T("Changes only"), func(bool) {
		if v := ed.cur; v != nil && v.changesOnly != p.changes.Checked {
			ed.toggleChanges()
		}
	})
	p.list = widget.NewList(func() int { return len(p.items) }, p.create, p.update)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id < len(p.items) {
			p.jump(p.items[id])
		}
	}
	p.content = container.NewBorder(container.NewVBox(p.summary, p.only, p.changes), nil, nil, nil, p.list)
	return p
}

func (p *findingsPanel) create() fyne.CanvasObject {
	msg := widget.NewLabel("") // wrapped: "did you mean …" comes at the end
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel("")
	where.TextStyle.Bold = true
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewVBox(where, msg))
}

func (p *findingsPanel) update(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.items) {
		return
	}
	f := p.items[id]
	box := o.(*fyne.Container)
	texts := box.Objects[0].(*fyne.Container)
	icon := box.Objects[1].(*widget.Icon)
	if f.Severity == sheets.Error {
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	} else {
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
	texts.Objects[0].(*widget.Label).SetText(where(f))
	msg := texts.Objects[1].(*widget.Label)
	msg.SetText(words.Message(f))
	p.fitHeight(id, box, icon, texts)
}

// fitHeight makes a finding's row as tall as its wrapped message at the list's width.
// The list sizes a row before it fills it, so the width is known here; a new height
// makes the list lay out again and fill the row once more, now at its height.
func (p *findingsPanel) fitHeight(id widget.ListItemID, box *fyne.Container, icon *widget.Icon, texts *fyne.Container) {
	w := box.Size().Width - icon.MinSize().Width - theme.Padding()
	if w <= 0 {
		return
	}
	where, msg := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	msg.Resize(fyne.NewSize(w, msg.Size().Height))
	h := where.MinSize().Height + theme.Padding() + msg.MinSize().Height
	if p.heights[id] != h {
		p.heights[id] = h
		p.list.SetItemHeight(id, h)
	}
}

// where says where a finding is: "Row 7 · Channel Type", "Row 7", or the whole file.
func where(f sheets.Finding) string {
	switch {
	case f.Row == 0 && f.Column != "":
		return words.T("Column %s", f.Column)
	case f.Row == 0:
		return words.T("Whole file")
	case f.Column == "":
		return words.T("Row %d", f.Row)
	}
	return words.T("Row %d · %s", f.Row, f.Column)
}

// refresh lists the findings of the sheet shown.
func (p *findingsPanel) refresh() {
	o := p.ed.Current()
	p.items = p.items[:0]
	if o == nil {
		p.summary.SetText(words.T("Findings"))
		p.list.Refresh()
		p.syncFilter()
		return
	}
	p.items = append(p.items, p.ed.Findings(o)...)
	errs, warns := 0, 0
	for _, f := range p.items {
		if f.Severity == sheets.Error {
			errs++
		} else {
			warns++
		}
	}
	p.summary.SetText(words.T("Errors: %d · Warnings: %d", errs, warns))
	p.list.Refresh()
	p.syncFilter()
}

// syncFilter shows whether the sheet shown is filtered.
func (p *findingsPanel) syncFilter() {
	v := p.ed.cur
	on := v != nil && v.findingsOnly
	if p.only.Checked != on {
		p.only.SetChecked(on)
	}
	if ch := v != nil && v.changesOnly; p.changes.Checked != ch {
		p.changes.SetChecked(ch)
	}
	if v == nil {
		p.only.Disable()
	} else {
		p.only.Enable()
	}
	if v == nil || (len(v.o.changes) == 0 && !v.changesOnly) {
		p.changes.Disable() // nothing checked yet: no changes to show
	} else {
		p.changes.Enable()
	}
}

// jump puts the cursor on a finding's cell, showing all rows again if it is filtered out.
func (p *findingsPanel) jump(f sheets.Finding) {
	v := p.ed.cur
	if v == nil {
		return
	}
	d := v.doc()
	col := max(f.Col, 0)
	row := 0
	if m := f.Row - 2; m >= 0 {
		r, ok := d.ViewRow(m)
		if !ok {
			p.ed.clearFilters(v)
			r, _ = d.ViewRow(m)
		}
		row = r
	}
	d.Select(grid.Cell{Row: row, Col: col}, false)
	p.ed.moved(v)
	p.ed.focusGrid()
}

// step moves the cursor to the next (dir 1) or previous (-1) finding after the cursor.
func (p *findingsPanel) step(dir int) {
	v := p.ed.cur
	if v == nil || len(p.items) == 0 {
		return
	}
	d := v.doc()
	at := [2]int{d.ModelRow(d.Cursor().Row) + 2, d.Cursor().Col}
	if d.ModelRow(d.Cursor().Row) < 0 {
		at[0] = len(d.Sheet().Rows) + 2
	}
	less := func(f sheets.Finding) int {
		if f.Row != at[0] {
			return f.Row - at[0]
		}
		return max(f.Col, 0) - at[1]
	}
	if dir > 0 {
		for _, f := range p.items {
			if less(f) > 0 {
				p.jump(f)
				return
			}
		}
		p.jump(p.items[0])
		return
	}
	for i := len(p.items) - 1; i >= 0; i-- {
		if less(p.items[i]) < 0 {
			p.jump(p.items[i])
			return
		}
	}
	p.jump(p.items[len(p.items)-1])
}
