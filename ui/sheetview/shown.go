package sheetview

import (
	"image/color"

	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

// What the editor shows, read back: for the host's tests, which look at the window as the
// user does, and for a host that reports on the sheet shown.

// CellShown returns what a cell of the sheet shown displays: its whole text (a narrow
// column shortens it on screen) and its background. ok is false while the cell is not
// on screen. Row -1 is the header row, col -1 the row numbers.
func (e *Editor) CellShown(row, col int) (text string, bg color.Color, ok bool) {
	if e.cur == nil {
		return "", nil, false
	}
	id := widget.TableCellID{Row: row, Col: col}
	if row < 0 || col < 0 {
		h := e.cur.headers()[id]
		if h == nil {
			return "", nil, false
		}
		return h.full, h.bg.FillColor, true
	}
	c, ok := e.cur.cells[id].(*cellBox)
	if !ok {
		return "", nil, false
	}
	return c.full, c.bg.FillColor, true
}

// ErrorTint is the background of a cell whose worst finding is an error, in the current
// theme; with header, that of a row's number.
func (e *Editor) ErrorTint(header bool) color.Color {
	if header {
		return e.pal.headErr
	}
	return e.pal.err
}

// Listed returns the findings the findings panel lists, in its order.
func (e *Editor) Listed() []sheets.Finding { return e.findings.items }

// FindingsAt returns what is said about a cell of an open sheet (record m; col -1: the
// record as a whole): the checker's findings and the messages that still apply.
func (e *Editor) FindingsAt(o *OpenSheet, m, col int) []sheets.Finding {
	return e.ws.findingsAt(o, m, col)
}

// Names returns the names a reference to an object type completes from: those of the
// open sheet of that type and those the organization holds.
func (e *Editor) Names(ref string) []string { return e.ws.names(ref) }
