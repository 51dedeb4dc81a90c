package sheetview

import (
	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// gridView returns the sheet shown when the grid, not a text field, is what the keyboard
// works on; with withFocus false, whenever a sheet is shown.
func (e *Editor) gridView(withFocus bool) *sheetView {
	v := e.cur
	if v == nil {
		return nil
	}
	if withFocus {
		if f := e.host.Window().Canvas().Focused(); f != nil && f != fyne.Focusable(v.table) {
			return nil
		}
	}
	return v
}

// toFocused hands a clipboard or undo shortcut to the text field that has the keyboard
// (the cell editor, the find bar): the menu's shortcuts come first, before any widget.
func (e *Editor) toFocused(sc fyne.Shortcut) bool {
	f, ok := e.host.Window().Canvas().Focused().(fyne.Shortcutable)
	if !ok || (e.cur != nil && f == fyne.Shortcutable(e.cur.table)) {
		return false
	}
	f.TypedShortcut(sc)
	return true
}

// edited repaints after an edit action moved the cursor or the selection.
func (e *Editor) edited(v *sheetView) { e.moved(v) }

func (e *Editor) copy() {
	if e.toFocused(&fyne.ShortcutCopy{Clipboard: e.host.Clipboard()}) {
		return
	}
	if v := e.gridView(false); v != nil {
		e.host.Clipboard().SetContent(v.doc().Copy())
		r := v.doc().Selection()
		e.host.Note(words.T("Copied %d × %d cells", r.Height(), r.Width()))
	}
}

func (e *Editor) cut() {
	if e.toFocused(&fyne.ShortcutCut{Clipboard: e.host.Clipboard()}) {
		return
	}
	e.withGrid(func(v *sheetView) string {
		e.host.Clipboard().SetContent(v.doc().Cut())
		return ""
	})
}

func (e *Editor) paste() {
	if e.toFocused(&fyne.ShortcutPaste{Clipboard: e.host.Clipboard()}) {
		return
	}
	e.withGrid(func(v *sheetView) string { return e.pasteInto(v) })
}

func (e *Editor) pasteInto(v *sheetView) string {
	res := v.doc().Paste(e.host.Clipboard().Content())
	msg := words.T("Pasted %d × %d cells", res.Rows, res.Cols)
	if res.Added > 0 {
		msg += "; " + words.T("records added: %d", res.Added)
	}
	if res.Dropped > 0 {
		msg += "; " + words.T("columns beyond the last left out: %d", res.Dropped)
	}
	return msg
}

func (e *Editor) undo() {
	if e.toFocused(&fyne.ShortcutUndo{}) {
		return
	}
	e.withGrid(func(v *sheetView) string {
		if !v.doc().Undo() {
			return words.T("Nothing to undo")
		}
		return ""
	})
}

func (e *Editor) redo() {
	if e.toFocused(&fyne.ShortcutRedo{}) {
		return
	}
	e.withGrid(func(v *sheetView) string {
		if !v.doc().Redo() {
			return words.T("Nothing to redo")
		}
		return ""
	})
}

func (e *Editor) selectAll() {
	if e.toFocused(&fyne.ShortcutSelectAll{}) {
		return
	}
	e.withGrid(func(v *sheetView) string {
		d := v.doc()
		d.SelectRange(grid.Range{Top: 0, Left: 0, Bottom: max(d.Rows()-1, 0), Right: d.Cols() - 1})
		return ""
	})
}

// withGrid runs an edit on the sheet shown, repaints, and shows the note the edit
// returns (if any) on the host's status line.
func (e *Editor) withGrid(f func(v *sheetView) string) {
	v := e.gridView(false)
	if v == nil {
		return
	}
	e.commit(0, 0)
	note := f(v)
	e.edited(v)
	if note != "" {
		e.host.Note(note)
	}
}

func (e *Editor) clear() { e.withGrid(func(v *sheetView) string { v.doc().Clear(); return "" }) }

func (e *Editor) fillDown() {
	e.withGrid(func(v *sheetView) string { v.doc().FillDown(); return "" })
}

func (e *Editor) fillRight() {
	e.withGrid(func(v *sheetView) string { v.doc().FillRight(); return "" })
}

func (e *Editor) insertRows() {
	e.withGrid(func(v *sheetView) string {
		n := v.doc().InsertRows()
		return words.T("Rows inserted: %d", n)
	})
}

func (e *Editor) addChild() {
	e.withGrid(func(v *sheetView) string {
		if !v.doc().AddChild() {
			return words.T("This object type has no child rows")
		}
		return ""
	})
}

func (e *Editor) deleteRows() {
	e.withGrid(func(v *sheetView) string {
		n := v.doc().DeleteRows()
		return words.T("Rows deleted: %d", n)
	})
}

func (e *Editor) sort(descending bool) {
	e.withGrid(func(v *sheetView) string {
		d := v.doc()
		col := d.Cursor().Col
		changed := d.Sort(col, descending)
		v.sortCol, v.sortDesc = col, descending
		v.refresh()
		if !changed {
			return ""
		}
		return words.T("Sorted by %s", d.Sheet().Columns[col].Header)
	})
}

// toggleFilter shows only the rows with findings, or all rows again (the column filters
// stay).
func (e *Editor) toggleFilter() {
	if v := e.gridView(false); v != nil {
		e.commit(0, 0)
		v.findingsOnly = !v.findingsOnly
		e.applyFilters(v)
	}
}

// rowsWithFindings marks the records that have a finding on a cell or on the row, or a
// message Control Hub wrote for them.
func (e *Editor) rowsWithFindings(o *OpenSheet) []bool {
	sh := o.Sheet()
	rows := make([]bool, len(sh.Rows))
	for _, f := range e.ws.checker.Sheet(sh) {
		if m := f.Row - 2; m >= 0 && m < len(rows) {
			rows[m] = true
		}
	}
	for _, f := range o.notes.all(sh) {
		rows[f.Row-2] = true
	}
	return rows
}
