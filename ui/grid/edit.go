package grid

import (
	"strings"

	"github.com/bulkops/bulkops/sheets"
)

// SetCell writes one value, as typed or picked in the cell editor. Writing into the
// new-record row appends a record. On a parent/child sheet, a new key typed into a row
// of a group is written into every row of that group, so the group stays together.
// It reports whether anything changed.
func (d *Document) SetCell(c Cell, value string) bool {
	if c.Col < 0 || c.Col >= d.Cols() || c.Row < 0 || c.Row > d.Rows() {
		return false
	}
	if c.Row == d.Rows() {
		if value == "" {
			return false
		}
		at := len(d.sheet.Rows)
		d.do(&batch{parts: []command{
			&insertRows{at: at, rows: []sheets.Row{d.blankRow()}},
			&setCells{edits: []cellEdit{{row: at, col: c.Col, new: value}}},
		}})
		return true
	}
	m := d.ModelRow(c.Row)
	old := d.sheet.Cell(m, c.Col)
	if old == value {
		return false
	}
	rows := []int{m}
	if d.isKey(c.Col) {
		rows = d.groupRows(m)
	}
	edits := make([]cellEdit, 0, len(rows))
	for _, r := range rows {
		if d.sheet.Cell(r, c.Col) == old {
			edits = append(edits, cellEdit{row: r, col: c.Col, old: old, new: value})
		}
	}
	d.do(&setCells{edits: edits})
	return true
}

// Clear empties the selected cells (the Delete key). It reports whether anything changed.
func (d *Document) Clear() bool {
	return d.fill(d.Selection(), func(int, int) string { return "" })
}

// SetSelection writes one value into every selected cell (Ctrl+Enter).
func (d *Document) SetSelection(value string) bool {
	return d.fill(d.Selection(), func(int, int) string { return value })
}

// FillDown copies the top row of the selection into the rows below it (Ctrl+D); with a
// single row selected, the row above is copied into it, as Excel does.
func (d *Document) FillDown() bool {
	sel := d.existing(d.Selection())
	if sel.Top > sel.Bottom {
		return false
	}
	src, ok := fillSource(&sel.Top, sel.Height())
	if !ok {
		return false
	}
	srcRow := d.ModelRow(src)
	return d.fill(sel, func(_, col int) string { return d.sheet.Cell(srcRow, col) })
}

// FillRight copies the selection's first column into its other columns (with one column
// selected, the column to its left into it), as Excel's Ctrl+R does. It reports whether
// anything could be filled.
func (d *Document) FillRight() bool {
	sel := d.existing(d.Selection())
	if sel.Top > sel.Bottom {
		return false
	}
	src, ok := fillSource(&sel.Left, sel.Width())
	if !ok {
		return false
	}
	return d.fill(sel, func(v, _ int) string { return d.sheet.Cell(d.ModelRow(v), src) })
}

// fillSource is the line a fill copies from, along one axis of the selection: with one
// line selected the line before it (none before the first), else the selection's first
// line, which *first then leaves out of what is filled.
func fillSource(first *int, extent int) (src int, ok bool) {
	if extent == 1 {
		return *first - 1, *first > 0
	}
	src = *first
	*first++
	return src, true
}

// fill writes value(row, col) into the existing rows of r as one undoable change.
func (d *Document) fill(r Range, value func(row, col int) string) bool {
	r = d.existing(r)
	var edits []cellEdit
	for v := r.Top; v <= r.Bottom; v++ {
		m := d.ModelRow(v)
		for col := r.Left; col <= r.Right; col++ {
			old, nv := d.sheet.Cell(m, col), value(v, col)
			if old != nv {
				edits = append(edits, cellEdit{row: m, col: col, old: old, new: nv})
			}
		}
	}
	if len(edits) == 0 {
		return false
	}
	d.do(&setCells{edits: edits})
	return true
}

// existing trims r to rows that exist (not the new-record row).
func (d *Document) existing(r Range) Range {
	if r.Bottom >= d.Rows() {
		r.Bottom = d.Rows() - 1
	}
	return r
}

func (d *Document) blankRow() sheets.Row {
	return sheets.Row{Cells: make([]string, d.Cols())}
}

// Block returns the text of the cells of r, row by row.
func (d *Document) Block(r Range) [][]string {
	r = d.existing(r)
	out := make([][]string, 0, max(r.Height(), 0))
	for v := r.Top; v <= r.Bottom; v++ {
		m := d.ModelRow(v)
		row := make([]string, 0, r.Width())
		for col := r.Left; col <= r.Right; col++ {
			row = append(row, d.sheet.Cell(m, col))
		}
		out = append(out, row)
	}
	return out
}

// Text of a selection as it goes to the clipboard (tab-separated, as Excel copies).
func (d *Document) Copy() string { return FormatTSV(d.Block(d.Selection())) }

// Cut copies the selection and clears it.
func (d *Document) Cut() string {
	t := d.Copy()
	d.Clear()
	return t
}

func equalFold(a, b string, matchCase bool) bool {
	if matchCase {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// CellValue is a value to write into a cell of the sheet (Row is the record index).
type CellValue struct {
	Row, Col int
	Value    string
}

// SetCells writes values into cells as one undoable change and returns how many changed.
func (d *Document) SetCells(vals []CellValue) int {
	var edits []cellEdit
	for _, v := range vals {
		if v.Row < 0 || v.Row >= len(d.sheet.Rows) || v.Col < 0 || v.Col >= d.Cols() {
			continue
		}
		if old := d.sheet.Cell(v.Row, v.Col); old != v.Value {
			edits = append(edits, cellEdit{row: v.Row, col: v.Col, old: old, new: v.Value})
		}
	}
	if len(edits) > 0 {
		d.do(&setCells{edits: edits})
	}
	return len(edits)
}
