package grid

import "github.com/bulkops/bulkops/sheets"

// Document is one sheet being edited. Rows and cells addressed by the methods are view
// coordinates (what the grid shows, after the filter); commands and Change events speak
// of model rows (indexes into Sheet.Rows).
type Document struct {
	sheet *sheets.Sheet

	cursor, anchor Cell // view coordinates; the selection spans anchor..cursor

	undo, redo []command
	state      int // id of the last applied command, 0 for the state as opened
	nextID     int
	saved      int // state when last saved

	mask []bool // per model row: shown; nil when every row is shown
	view []int  // model rows shown, in order; valid when mask != nil

	groups groupIndex

	// OnChange is called after every change of the sheet's content (edits, undo, redo).
	OnChange func(Change)
}

// Change says what an edit touched, so a checker re-checks and a view repaints only that.
type Change struct {
	Rows       []int // model rows whose cells changed; nil when Structural
	Structural bool  // rows were inserted, deleted or reordered
}

// New starts editing s. The document edits s in place.
func New(s *sheets.Sheet) *Document {
	d := &Document{sheet: s}
	d.groups.dirty = true
	return d
}

// Sheet returns the sheet being edited.
func (d *Document) Sheet() *sheets.Sheet { return d.sheet }

// Rows returns the number of rows shown.
func (d *Document) Rows() int {
	if d.mask != nil {
		return len(d.view)
	}
	return len(d.sheet.Rows)
}

// Cols returns the number of columns.
func (d *Document) Cols() int { return len(d.sheet.Columns) }

// ModelRow returns the index into Sheet.Rows of view row v (-1 when out of range).
func (d *Document) ModelRow(v int) int {
	if v < 0 || v >= d.Rows() {
		return -1
	}
	if d.mask != nil {
		return d.view[v]
	}
	return v
}

// ViewRow returns the view row showing model row m, and whether it is shown.
func (d *Document) ViewRow(m int) (int, bool) {
	if m < 0 || m >= len(d.sheet.Rows) {
		return -1, false
	}
	if d.mask == nil {
		return m, true
	}
	lo, hi := 0, len(d.view)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.view[mid] < m {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.view) && d.view[lo] == m {
		return lo, true
	}
	return -1, false
}

// Value returns the text of a cell in view coordinates.
func (d *Document) Value(c Cell) string {
	return d.sheet.Cell(d.ModelRow(c.Row), c.Col)
}

// Modified reports whether the sheet differs from when it was opened or last saved.
func (d *Document) Modified() bool { return d.state != d.saved }

// MarkSaved records the current state as saved.
func (d *Document) MarkSaved() { d.saved = d.state }

// MarkModified makes the current state count as unsaved, for a sheet restored from a
// draft or read from a file that is not its own (an error file).
func (d *Document) MarkModified() { d.saved = -1 }

// CanUndo and CanRedo say whether Undo and Redo have anything to do.
func (d *Document) CanUndo() bool { return len(d.undo) > 0 }

// CanRedo reports whether an undone change can be applied again.
func (d *Document) CanRedo() bool { return len(d.redo) > 0 }

// Undo reverts the last change. It returns false when there is nothing to undo.
func (d *Document) Undo() bool {
	if len(d.undo) == 0 {
		return false
	}
	c := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	d.redo = append(d.redo, c)
	ch := c.revert(d)
	d.state = 0
	if n := len(d.undo); n > 0 {
		d.state = d.undo[n-1].id()
	}
	d.settle(ch)
	d.back(c)
	return true
}

// back puts the selection where command c was made, so the cell it changed shows.
func (d *Document) back(c command) {
	d.anchor, d.cursor = c.where()
	d.clampSelection()
}

// Redo applies the last undone change again.
func (d *Document) Redo() bool {
	if len(d.redo) == 0 {
		return false
	}
	c := d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	d.undo = append(d.undo, c)
	d.state = c.id()
	d.settle(c.apply(d))
	d.back(c)
	return true
}

// do applies a new command and makes it undoable.
func (d *Document) do(c command) {
	d.nextID++
	c.setID(d.nextID)
	c.setWhere(d.anchor, d.cursor)
	d.undo = append(d.undo, c)
	d.redo = nil
	d.state = c.id()
	d.settle(c.apply(d))
}

// settle brings the derived state in line after a change and tells the listener.
func (d *Document) settle(ch Change) {
	if ch.Structural {
		d.rebuildView()
	}
	// A cell edit may change a key and so regroup parent and child rows.
	d.groups.dirty = true
	d.clampSelection()
	if d.OnChange != nil {
		d.OnChange(ch)
	}
}
