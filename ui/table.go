package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
)

// gridTable is Fyne's Table with the keyboard and mouse handling of a spreadsheet: it
// takes the focus, tracks Shift for range selection, starts editing on typing, and turns
// keys and shortcuts into the editor's actions. Table itself selects single cells only
// and ignores typing.
type gridTable struct {
	widget.Table
	view  *sheetView
	shift bool             // a Shift key is held (desktop.Keyable)
	mods  fyne.KeyModifier // modifiers of the last mouse press
}

var (
	_ fyne.Focusable    = (*gridTable)(nil)
	_ fyne.Shortcutable = (*gridTable)(nil)
	_ fyne.Tabbable     = (*gridTable)(nil)
	_ desktop.Keyable   = (*gridTable)(nil)
	_ desktop.Mouseable = (*gridTable)(nil)
	_ fyne.Widget       = (*gridTable)(nil)
)

func newGridTable(v *sheetView) *gridTable {
	t := &gridTable{view: v}
	t.Length = v.length
	t.CreateCell = func() fyne.CanvasObject { return newCellBox(&v.ed.fit) }
	t.UpdateCell = v.updateCell
	t.ShowHeaderRow = true
	t.ShowHeaderColumn = true
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(v) }
	t.UpdateHeader = v.updateHeader
	t.OnSelected = func(id widget.TableCellID) {
		// The table's own single-cell selection is not used: the document's is.
		t.Table.UnselectAll()
		extend := t.shift || t.mods&fyne.KeyModifierShift != 0
		t.mods = 0
		v.ed.clicked(v, grid.Cell{Row: id.Row, Col: id.Col}, extend)
	}
	t.ExtendBaseWidget(t)
	return t
}

// FocusGained and FocusLost do not pass on to the Table, whose keyboard highlight would
// compete with the document's cursor.
func (t *gridTable) FocusGained() {}

// FocusLost forgets a held Shift: its release goes to whatever has the focus now.
func (t *gridTable) FocusLost() { t.shift = false }

// AcceptsTab keeps Tab in the grid: it moves to the next cell, not the next widget.
func (t *gridTable) AcceptsTab() bool { return true }

// KeyDown and KeyUp track Shift, which Fyne reports only through them.
func (t *gridTable) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		t.shift = true
	}
}

// KeyUp notes the release of Shift.
func (t *gridTable) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		t.shift = false
	}
}

// MouseDown remembers the modifiers, so Shift+click extends the selection.
func (t *gridTable) MouseDown(e *desktop.MouseEvent) {
	t.mods = e.Modifier
	t.Table.MouseDown(e)
}

// TypedRune starts editing the cursor's cell with the typed character, as in Excel.
func (t *gridTable) TypedRune(r rune) { t.view.ed.typed(t.view, r) }

// TypedKey moves, edits and clears; see editor.key.
func (t *gridTable) TypedKey(e *fyne.KeyEvent) { t.view.ed.key(t.view, e.Name, t.shift) }

// TypedShortcut runs the action bound to a shortcut (Ctrl+C, Ctrl+D, Ctrl+Home, …).
func (t *gridTable) TypedShortcut(s fyne.Shortcut) { t.view.ed.shortcut(t.view, s) }

// pageRows is how many rows a Page Up or Page Down moves: the rows in view.
func (t *gridTable) pageRows() int {
	h := newCellBox(&t.view.ed.fit).MinSize().Height + theme.Padding()
	if h <= 0 {
		return 10
	}
	return max(int(t.Size().Height/h)-1, 1)
}
