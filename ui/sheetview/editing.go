package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/words"
)

// begin opens the cursor's cell for editing in the cell bar with text; typed says it was
// started by typing a character (arrows then commit) rather than by Enter or F2.
func (e *Editor) begin(v *sheetView, text string, typed bool) {
	d := v.doc()
	e.editing, e.editView, e.editCell, e.typedEdit = true, v, d.Cursor(), typed
	e.entry.SetText(text)
	e.entry.CursorRow, e.entry.CursorColumn = 0, len([]rune(text))
	e.entry.Refresh()
	if c := e.host.Window().Canvas(); c != nil && c.Focused() != e.entry {
		c.Focus(e.entry)
	}
	v.refresh()
	e.choices.update()
}

// commit writes the edited text into the cell and moves the cursor by rows and cols
// (Enter: down, Tab: right), then gives the keyboard back to the grid.
func (e *Editor) commit(rows, cols int) {
	if !e.editing {
		return
	}
	v, c, text := e.editView, e.editCell, e.entry.Text
	e.editing = false
	e.choices.hide()
	d := v.doc()
	d.Select(c, false)
	d.SetCell(c, text)
	switch {
	case cols > 0:
		e.tab(v, false)
	case cols < 0:
		e.tab(v, true)
	default:
		d.Move(rows, 0, false)
		e.tabFrom = -1
	}
	e.finish(v)
}

// commitReturn commits on Enter: down (up with Shift), and after a run of Tabs back to
// the column where the run began, as Excel does, so a record is typed across and the next
// one starts under the first cell.
func (e *Editor) commitReturn(rows int) {
	from := e.tabFrom
	if !e.editing || from < 0 || rows <= 0 {
		e.commit(rows, 0)
		return
	}
	row := e.editCell.Row
	e.commit(0, 0)
	v := e.cur
	if v == nil {
		return
	}
	v.doc().Select(grid.Cell{Row: row + 1, Col: from}, false)
	e.moved(v)
}

// commitAll writes the edited text into every selected cell (Ctrl+Enter).
func (e *Editor) commitAll() {
	if !e.editing {
		return
	}
	v, text := e.editView, e.entry.Text
	e.editing = false
	e.choices.hide()
	v.doc().SetSelection(text)
	e.finish(v)
}

// cancel leaves the cell as it was (Esc).
func (e *Editor) cancel() {
	if !e.editing {
		return
	}
	e.editing = false
	e.choices.hide()
	e.finish(e.editView)
}

func (e *Editor) finish(v *sheetView) {
	if v != e.cur {
		return
	}
	e.focusGrid()
	e.moved(v)
}

// entryChanged mirrors the text being typed into the cell and narrows the choices.
func (e *Editor) entryChanged(string) {
	if !e.editing {
		return
	}
	if o := e.editView.cellObject(e.editCell); o != nil {
		e.editView.updateCell(tableID(e.editCell), o)
	}
	e.choices.update()
}

// columnInfo describes a column for the cell bar: required or not, and what it holds. The
// header is Control Hub's, as written; the description is the catalog's, translated.
func columnInfo(s *sheets.Sheet, col int) string {
	if col < 0 || col >= len(s.Columns) {
		return ""
	}
	c := s.Columns[col]
	if c.Spec == nil {
		return words.T("%s: a column Bulkops does not know; it is kept as it is.", c.Header)
	}
	need := words.T("optional")
	if c.Spec.Required {
		need = words.T("required")
	}
	return words.T("%s (%s): %s", c.Header, need, i18n.Text(words.Language(), c.Spec.Description))
}

// cellEntry is the cell bar's entry: Enter commits and moves down, Tab right, Esc cancels,
// the arrows pick among the choices listed under the cell.
type cellEntry struct {
	widget.Entry
	ed    *Editor
	shift bool
}

func newCellEntry(ed *Editor) *cellEntry {
	e := &cellEntry{ed: ed}
	e.ExtendBaseWidget(e)
	e.OnChanged = ed.entryChanged
	return e
}

// AcceptsTab keeps Tab for committing and moving right.
func (e *cellEntry) AcceptsTab() bool { return true }

// KeyDown tracks Shift (Shift+Enter moves up, Shift+Tab left).
func (e *cellEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes the release of Shift.
func (e *cellEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey commits, cancels and moves among the choices; other keys edit the text.
func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	ed := e.ed
	if !ed.editing {
		e.Entry.TypedKey(k)
		return
	}
	step := 1
	if e.shift {
		step = -1
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		ed.choices.acceptHighlighted()
		ed.commitReturn(step)
	case fyne.KeyTab:
		ed.choices.acceptHighlighted()
		ed.commit(0, step)
	case fyne.KeyEscape:
		if ed.choices.visible() {
			ed.choices.hide()
			return
		}
		ed.cancel()
	case fyne.KeyUp, fyne.KeyDown:
		dir := 1
		if k.Name == fyne.KeyUp {
			dir = -1
		}
		switch {
		case ed.choices.visible():
			ed.choices.move(dir)
		case ed.typedEdit:
			ed.commit(dir, 0)
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut opens the choices on Alt+Down, as Excel opens a drop-down list, and
// writes the text into every selected cell on Ctrl+Enter.
func (e *cellEntry) TypedShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	switch {
	case ok && cs.KeyName == fyne.KeyDown && cs.Modifier == fyne.KeyModifierAlt:
		e.ed.openChoices()
	case ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier == fyne.KeyModifierShortcutDefault:
		e.ed.commitAll()
	default:
		e.Entry.TypedShortcut(s)
	}
}

// FocusGained starts editing the cursor's cell when the entry is clicked.
func (e *cellEntry) FocusGained() {
	e.Entry.FocusGained()
	if ed := e.ed; !ed.editing && ed.cur != nil {
		ed.begin(ed.cur, ed.cur.doc().Value(ed.cur.doc().Cursor()), false)
	}
}

// FocusLost commits: clicking elsewhere keeps what was typed, as in Excel.
func (e *cellEntry) FocusLost() {
	e.Entry.FocusLost()
	e.ed.commit(0, 0)
}

func tableID(c grid.Cell) widget.TableCellID { return widget.TableCellID{Row: c.Row, Col: c.Col} }
