package sheetview

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
)

// sheetView shows one open sheet in a table: one per open sheet, so each keeps its own
// scroll position and column widths. The table is a view over the grid.Document; every
// cell is painted from the document, the checker's findings and the selection in
// updateCell, in constant time, so a sheet of any length scrolls alike.
type sheetView struct {
	ed     *Editor
	o      *OpenSheet
	table  *gridTable
	widths []float32

	// The visible cell templates by cell, to place the choices list under the cursor.
	cells map[widget.TableCellID]fyne.CanvasObject
	owner map[fyne.CanvasObject]widget.TableCellID

	heads map[*headerCell]bool // header templates made for this table

	colSev    []severity // per column: findings about the column as a whole
	actionCol int        // the Action column (marks for deletion), or -1

	dragging bool // a drag over the cells is selecting a range

	sortCol      int               // the column last sorted by (marked), or -1
	sortDesc     bool              // sorted Z to A
	filters      map[int]colFilter // the column filters set, by column
	findingsOnly bool              // only rows with findings are shown
	changesOnly  bool              // only rows a check found a job changes are shown
}

func newSheetView(ed *Editor, o *OpenSheet) *sheetView {
	v := &sheetView{ed: ed, o: o,
		cells: map[widget.TableCellID]fyne.CanvasObject{},
		owner: map[fyne.CanvasObject]widget.TableCellID{},
		heads: map[*headerCell]bool{}, sortCol: -1}
	o.view = v
	v.table = newGridTable(v)
	v.widths = ed.loadWidths(o.Sheet())
	for c, w := range v.widths {
		v.table.SetColumnWidth(c, w)
	}
	v.table.SetColumnWidth(-1, rowHeaderWidth(len(o.Sheet().Rows)))
	v.columnFindings()
	return v
}

func (v *sheetView) doc() *grid.Document { return v.o.Doc }

// length is the table's size: the records shown plus the new-record row. Before the
// table has a size it has none: Fyne's Table takes every row for visible until it is
// laid out and makes a row divider for each, kept for the table's life (100,000 of
// them, some 40 MB, for a sheet of 100,000 records).
func (v *sheetView) length() (rows, cols int) {
	if v.table.Size().Height <= 0 {
		return 0, 0
	}
	return v.doc().Rows() + 1, v.doc().Cols()
}

func (v *sheetView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	v.track(id, o)
	v.paintCell(id, o.(*cellBox))
}

// paintCell shows a cell's value, findings, selection and cursor on a template.
func (v *sheetView) paintCell(id widget.TableCellID, box *cellBox) {
	d := v.doc()
	c := grid.Cell{Row: id.Row, Col: id.Col}
	text := d.Value(c)
	if v.ed.editingAt(v, c) {
		text = v.ed.entry.Text
	}
	sev, changed := sevNone, false
	if m := d.ModelRow(id.Row); m >= 0 {
		sev = worst(v.ed.ws.findingsAt(v.o, m, id.Col))
		_, changed = v.o.changes.was(v.o.Sheet(), m, id.Col)
	}
	sel := d.Selection()
	selected := sel.Contains(c) && !sel.Single() && c != d.Cursor()
	bg := v.ed.pal.cell(sev, selected)
	if changed && sev == sevNone { // a finding says more than the plan's tint
		bg = v.ed.pal.changedCell(selected)
	}
	var frame color.Color // only the cursor's cell is framed
	if c == d.Cursor() {
		frame = v.ed.pal.cursor
	}
	fg, struck := v.ed.pal.fg, v.markedForDeletion(d.ModelRow(id.Row))
	if struck {
		fg = v.ed.pal.fgLow
	}
	box.strike(struck)
	box.show(text, fg, bg, frame)
}

// track remembers which template shows which cell.
func (v *sheetView) track(id widget.TableCellID, o fyne.CanvasObject) {
	if old, ok := v.owner[o]; ok && v.cells[old] == o {
		delete(v.cells, old)
	}
	v.owner[o] = id
	v.cells[id] = o
}

func (v *sheetView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	h.id = id
	v.heads[h] = true
	if id.Row < 0 {
		v.updateColumnHeader(h, id.Col)
		return
	}
	d := v.doc()
	m := d.ModelRow(id.Row)
	if m < 0 {
		h.show("+", v.ed.pal.fgLow, v.ed.pal.none) // the new-record row
		return
	}
	text := strconv.Itoa(sheets.RowNumber(m))
	if d.IsChild(m) {
		text = "› " + text
	}
	sev := worst(v.ed.ws.findingsAt(v.o, m, -1))
	fg := v.ed.pal.fg
	if d.IsChild(m) {
		fg = v.ed.pal.fgLow
	}
	h.show(text, fg, v.ed.pal.header(sev))
}

func (v *sheetView) updateColumnHeader(h *headerCell, col int) {
	s := v.o.Sheet()
	if col >= len(s.Columns) {
		return
	}
	text := headerText(s.Columns[col]) + v.headerMarks(col)
	sev := sevNone
	if col < len(v.colSev) {
		sev = v.colSev[col]
	}
	h.show(text, v.ed.pal.fg, v.ed.pal.header(sev))
	if v.ed.editingIn(v) {
		v.ed.placeChoices()
	}
}

// columnFindings collects the findings about whole columns (unknown or missing headers),
// which tint the header.
func (v *sheetView) columnFindings() {
	v.findActionColumn()
	v.colSev = make([]severity, len(v.o.Sheet().Columns))
	for _, f := range v.ed.ws.checker.Sheet(v.o.Sheet()) {
		if f.Row == 0 && f.Col >= 0 && f.Col < len(v.colSev) {
			v.colSev[f.Col] = max(v.colSev[f.Col], worst([]sheets.Finding{f}))
		}
	}
}

// refresh repaints the visible cells (not the whole table: its size did not change).
func (v *sheetView) refresh() {
	v.table.RefreshItem(widget.TableCellID{Row: -1, Col: -1})
	if v.table.frozen != nil {
		v.table.frozen.sync()
	}
}

// refreshRows repaints after rows were added or removed: the table's length changed.
func (v *sheetView) refreshRows() {
	v.table.SetColumnWidth(-1, rowHeaderWidth(len(v.o.Sheet().Rows)))
	v.table.Refresh()
}

// cellObject returns the template showing a cell, when it is visible.
func (v *sheetView) cellObject(c grid.Cell) fyne.CanvasObject {
	return v.cells[widget.TableCellID{Row: c.Row, Col: c.Col}]
}

// headers returns the header cells on screen by cell.
func (v *sheetView) headers() map[widget.TableCellID]*headerCell {
	out := map[widget.TableCellID]*headerCell{}
	for h := range v.heads {
		out[h.id] = h
	}
	return out
}
