package sheetview

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// The grid's context menus (issue 23, point 3), as a spreadsheet has them: a right click
// on a cell or a column's header, or the Menu key or Shift+F10 on the cursor's cell,
// offers the clipboard, filling, the row commands and sorting and filtering by the
// column; a right click on a row's number offers what applies to rows. Each item runs
// the same Action as the menus, the toolbar and the keyboard.

// notRowCommands are the commands that do not act on whole rows. Every other command of
// the action table is a row command (insert, add child, delete…): a row command added to
// the table is offered on the rows' menus without this file naming it.
var notRowCommands = map[Command]bool{
	Undo: true, Redo: true, Cut: true, Copy: true, Paste: true, Clear: true, SelectAll: true,
	FillDown: true, FillRight: true, SortAscending: true, SortDescending: true,
	FilterFindings: true, Find: true, Replace: true, NextFinding: true, PreviousFinding: true,
}

// rowCommands are the row commands of the action table, in the table's order.
func (e *Editor) rowCommands() []Command {
	var out []Command
	for c := range e.acts {
		if !notRowCommands[c] {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// contextMenu is the menu of a cell of column col (col < 0: of a row's number, which
// has no column to sort or filter by).
func (v *sheetView) contextMenu(col int) *fyne.Menu {
	ed := v.ed
	items := ed.menuItems(Cut, Copy, Paste, Clear)
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, ed.menuItems(FillDown, FillRight)...)
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, ed.menuItems(ed.rowCommands()...)...)
	if col < 0 {
		return fyne.NewMenu("", items...)
	}
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, ed.menuItems(SortAscending, SortDescending)...)
	items = append(items, fyne.NewMenuItem(words.T("Filter…"), func() { ed.showColumnFilter(v, col) }))
	if _, ok := v.filters[col]; ok {
		items = append(items, fyne.NewMenuItem(words.T("Clear filter"), func() {
			delete(v.filters, col)
			ed.applyFilters(v)
		}))
	}
	return fyne.NewMenu("", items...)
}

func (e *Editor) menuItems(cs ...Command) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, c := range cs {
		if a := e.acts[c]; a != nil {
			out = append(out, a.MenuItem())
		}
	}
	return out
}

// showMenu shows a context menu at an absolute position, with the keyboard in it; once
// it closes (Esc, a click outside, an item chosen) the grid has the keyboard again.
func (v *sheetView) showMenu(m *fyne.Menu, at fyne.Position) {
	v.ed.shownMenu = m
	p := widget.NewPopUpMenu(m, v.ed.host.Window().Canvas())
	p.OnDismiss = func() {
		p.Hide()
		v.ed.focusGrid()
	}
	p.ShowAtPosition(at)
}

// cellMenu opens the menu of a cell clicked with the right button: the cell becomes the
// cursor unless it is in the selection, which the commands then act on.
func (v *sheetView) cellMenu(c grid.Cell, at fyne.Position) {
	d := v.doc()
	v.ed.commit(0, 0)
	if !d.Selection().Contains(c) {
		d.Select(c, false)
		v.refresh()
		v.ed.host.CursorMoved()
	}
	v.showMenu(v.contextMenu(c.Col), at)
}

// cursorMenu opens the cursor cell's menu from the keyboard (Menu, Shift+F10), under
// the cell when it is on screen.
func (v *sheetView) cursorMenu() {
	cur := v.doc().Cursor()
	drv := fyne.CurrentApp().Driver()
	at := drv.AbsolutePositionForObject(v.table)
	if o, ok := v.cells[widget.TableCellID{Row: cur.Row, Col: cur.Col}]; ok {
		if p := drv.AbsolutePositionForObject(o); !p.IsZero() {
			at = p.Add(fyne.NewPos(0, o.Size().Height))
		}
	}
	v.showMenu(v.contextMenu(cur.Col), at)
}

// TappedSecondary opens the cell's context menu.
func (c *cellBox) TappedSecondary(e *fyne.PointEvent) {
	if c.view == nil {
		return
	}
	for id, o := range c.view.cells {
		if o == c {
			c.view.cellMenu(grid.Cell{Row: id.Row, Col: id.Col}, e.AbsolutePosition)
			return
		}
	}
	if f := c.view.table.frozen; f != nil { // a key cell of the frozen column
		if cell, ok := f.cellOf(c); ok {
			c.view.cellMenu(cell, e.AbsolutePosition)
		}
	}
}
