package sheetview

import (
	"time"

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
	shift bool              // a Shift key is held (desktop.Keyable)
	mods  fyne.KeyModifier  // modifiers of the last mouse press
	gate  keyGate           // characters whose key went down elsewhere are not typed
	area  fyne.CanvasObject // the Table's scroll area of the cells (see scroll.go)
	// frozen shows the key column over the cells while they are scrolled right.
	frozen *frozenCol

	// A press on a column header's right border starts resizing that column; two
	// presses on it in a short time fit it to its contents.
	border     int     // the column whose border was pressed, or -1
	borderX    float32 // where, in the table
	borderW    float32 // the column's width then
	lastBorder int
	lastPress  time.Time
}

// doubleClick is how close two presses on a border must come to fit the column.
const doubleClick = 400 * time.Millisecond

var (
	_ fyne.Focusable    = (*gridTable)(nil)
	_ fyne.Shortcutable = (*gridTable)(nil)
	_ fyne.Tabbable     = (*gridTable)(nil)
	_ desktop.Keyable   = (*gridTable)(nil)
	_ desktop.Mouseable = (*gridTable)(nil)
	_ fyne.Draggable    = (*gridTable)(nil)
	_ fyne.Widget       = (*gridTable)(nil)
)

func newGridTable(v *sheetView) *gridTable {
	t := &gridTable{view: v, border: -1, lastBorder: -1}
	t.Length = v.length
	t.CreateCell = func() fyne.CanvasObject { return newCellBox(v) }
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
func (t *gridTable) FocusLost() { t.shift, t.gate.armed = false, false }

// AcceptsTab keeps Tab in the grid: it moves to the next cell, not the next widget.
func (t *gridTable) AcceptsTab() bool { return true }

// KeyDown and KeyUp track Shift, which Fyne reports only through them.
func (t *gridTable) KeyDown(e *fyne.KeyEvent) {
	t.gate.keyDown(e.Name)
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

// MouseDown remembers the modifiers, so Shift+click extends the selection, and whether
// a column's border was pressed (twice: fit the column).
func (t *gridTable) MouseDown(e *desktop.MouseEvent) {
	t.mods = e.Modifier
	t.border = t.view.borderAt(e.AbsolutePosition)
	if t.border >= 0 {
		now := time.Now()
		if t.border == t.lastBorder && now.Sub(t.lastPress) < doubleClick {
			t.view.fitColumn(t.border)
			t.lastBorder = -1
		} else {
			t.lastBorder, t.lastPress = t.border, now
		}
		t.borderX, t.borderW = e.Position.X, t.view.widths[t.border]
	}
	t.Table.MouseDown(e)
}

// Dragged resizes the column whose border was pressed; the width is remembered for the
// object type. (The table's own resizing is not used: it does not say which column
// changed.)
func (t *gridTable) Dragged(e *fyne.DragEvent) {
	if t.border < 0 {
		return
	}
	t.view.setWidth(t.border, max(t.borderW+e.Position.X-t.borderX, minColumnWidth/2))
}

// DragEnd ends resizing a column.
func (t *gridTable) DragEnd() {
	t.border = -1
	t.Table.DragEnd()
}

// TypedRune starts editing the cursor's cell with the typed character, as in Excel.
func (t *gridTable) TypedRune(r rune) {
	if t.gate.take() {
		t.view.ed.typed(t.view, r)
	}
}

// TypedKey moves, edits and clears; see editor.key.
func (t *gridTable) TypedKey(e *fyne.KeyEvent) {
	t.gate.key(e.Name)
	t.view.ed.key(t.view, e.Name, t.shift)
}

// TypedShortcut runs the action bound to a shortcut (Ctrl+C, Ctrl+D, Ctrl+Home, …).
func (t *gridTable) TypedShortcut(s fyne.Shortcut) {
	t.gate.shortcut(s)
	t.view.ed.shortcut(t.view, s)
}

// pageRows is how many rows a Page Up or Page Down moves: the rows in view.
func (t *gridTable) pageRows() int {
	h := newCellBox(t.view).MinSize().Height + theme.Padding()
	if h <= 0 {
		return 10
	}
	return max(int(t.Size().Height/h)-1, 1)
}
