package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/ui/grid"
)

// gridView returns the sheet shown when the grid, not a text field, is what the keyboard
// works on; with withFocus false, whenever a sheet is shown.
func (s *Shell) gridView(withFocus bool) *sheetView {
	v := s.ed.cur
	if v == nil {
		return nil
	}
	if withFocus {
		if f := s.win.Canvas().Focused(); f != nil && f != fyne.Focusable(v.table) {
			return nil
		}
	}
	return v
}

// toFocused hands a clipboard or undo shortcut to the text field that has the keyboard
// (the cell editor, the find bar): the menu's shortcuts come first, before any widget.
func (s *Shell) toFocused(sc fyne.Shortcut) bool {
	f, ok := s.win.Canvas().Focused().(fyne.Shortcutable)
	if !ok || (s.ed.cur != nil && f == fyne.Shortcutable(s.ed.cur.table)) {
		return false
	}
	f.TypedShortcut(sc)
	return true
}

// edited repaints after an edit action moved the cursor or the selection.
func (s *Shell) edited(v *sheetView) { s.ed.moved(v) }

func (s *Shell) copy() {
	if s.toFocused(&fyne.ShortcutCopy{Clipboard: s.app.Clipboard()}) {
		return
	}
	if v := s.gridView(false); v != nil {
		s.app.Clipboard().SetContent(v.doc().Copy())
		r := v.doc().Selection()
		s.status.note(lang.L("Copied {{.Rows}} × {{.Cols}} cells", map[string]any{"Rows": r.Height(), "Cols": r.Width()}))
	}
}

func (s *Shell) cut() {
	if s.toFocused(&fyne.ShortcutCut{Clipboard: s.app.Clipboard()}) {
		return
	}
	s.withGrid(func(v *sheetView) string {
		s.app.Clipboard().SetContent(v.doc().Cut())
		return ""
	})
}

func (s *Shell) paste() {
	if s.toFocused(&fyne.ShortcutPaste{Clipboard: s.app.Clipboard()}) {
		return
	}
	s.withGrid(func(v *sheetView) string { return s.pasteInto(v) })
}

func (s *Shell) pasteInto(v *sheetView) string {
	res := v.doc().Paste(s.app.Clipboard().Content())
	msg := lang.L("Pasted {{.Rows}} × {{.Cols}} cells", map[string]any{"Rows": res.Rows, "Cols": res.Cols})
	if res.Added > 0 {
		msg += "; " + lang.L("records added: {{.Count}}", map[string]any{"Count": res.Added})
	}
	if res.Dropped > 0 {
		msg += "; " + lang.L("columns beyond the last left out: {{.Count}}", map[string]any{"Count": res.Dropped})
	}
	return msg
}

func (s *Shell) undo() {
	if s.toFocused(&fyne.ShortcutUndo{}) {
		return
	}
	s.withGrid(func(v *sheetView) string {
		if !v.doc().Undo() {
			return lang.L("Nothing to undo")
		}
		return ""
	})
}

func (s *Shell) redo() {
	if s.toFocused(&fyne.ShortcutRedo{}) {
		return
	}
	s.withGrid(func(v *sheetView) string {
		if !v.doc().Redo() {
			return lang.L("Nothing to redo")
		}
		return ""
	})
}

func (s *Shell) selectAll() {
	if s.toFocused(&fyne.ShortcutSelectAll{}) {
		return
	}
	s.withGrid(func(v *sheetView) string {
		d := v.doc()
		d.SelectRange(grid.Range{Top: 0, Left: 0, Bottom: max(d.Rows()-1, 0), Right: d.Cols() - 1})
		return ""
	})
}

// withGrid runs an edit on the sheet shown, repaints, and shows the note the edit
// returns (if any) in the status bar.
func (s *Shell) withGrid(f func(v *sheetView) string) {
	v := s.gridView(false)
	if v == nil {
		return
	}
	s.ed.commit(0, 0)
	note := f(v)
	s.edited(v)
	if note != "" {
		s.status.note(note)
	}
}

func (s *Shell) clear() { s.withGrid(func(v *sheetView) string { v.doc().Clear(); return "" }) }

func (s *Shell) fillDown() {
	s.withGrid(func(v *sheetView) string { v.doc().FillDown(); return "" })
}

func (s *Shell) insertRows() {
	s.withGrid(func(v *sheetView) string {
		n := v.doc().InsertRows()
		return lang.L("Rows inserted: {{.Count}}", map[string]any{"Count": n})
	})
}

func (s *Shell) addChild() {
	s.withGrid(func(v *sheetView) string {
		if !v.doc().AddChild() {
			return lang.L("This object type has no child rows")
		}
		return ""
	})
}

func (s *Shell) deleteRows() {
	s.withGrid(func(v *sheetView) string {
		n := v.doc().DeleteRows()
		return lang.L("Rows deleted: {{.Count}}", map[string]any{"Count": n})
	})
}

func (s *Shell) sort(descending bool) {
	s.withGrid(func(v *sheetView) string {
		d := v.doc()
		col := d.Cursor().Col
		changed := d.Sort(col, descending)
		v.sortCol, v.sortDesc = col, descending
		v.refresh()
		if !changed {
			return ""
		}
		return lang.L("Sorted by {{.Column}}", map[string]any{"Column": d.Sheet().Columns[col].Header})
	})
}

// toggleFilter shows only the rows with findings, or all rows again (the column filters
// stay).
func (s *Shell) toggleFilter() {
	if v := s.gridView(false); v != nil {
		s.ed.commit(0, 0)
		v.findingsOnly = !v.findingsOnly
		s.applyFilters(v)
	}
}

// rowsWithFindings marks the records that have a finding on a cell or on the row, or a
// message Control Hub wrote for them.
func (s *Shell) rowsWithFindings(o *openSheet) []bool {
	sh := o.sheet()
	rows := make([]bool, len(sh.Rows))
	for _, f := range s.ws.checker.Sheet(sh) {
		if m := f.Row - 2; m >= 0 && m < len(rows) {
			rows[m] = true
		}
	}
	for _, f := range o.notes.all(sh) {
		rows[f.Row-2] = true
	}
	return rows
}
