package grid

import (
	"slices"

	"github.com/bulkops/bulkops/sheets"
)

// InsertRows inserts as many empty records as the selection has rows, above it. On a
// parent/child sheet they go above the whole group, never between a parent and its
// children. The cursor moves to the first new row. It returns the number inserted.
func (d *Document) InsertRows() int {
	sel := d.Selection()
	n := sel.Height()
	at := len(d.sheet.Rows)
	if sel.Top < d.Rows() {
		at, _ = d.group(d.ModelRow(sel.Top))
		n = d.existing(sel).Height()
	}
	rows := make([]sheets.Row, n)
	for i := range rows {
		rows[i] = d.blankRow()
	}
	d.do(&insertRows{at: at, rows: rows})
	if v, ok := d.ViewRow(at); ok {
		d.Select(Cell{v, d.cursor.Col}, false)
	}
	return n
}

// AddChild appends a child row to the group holding the cursor (a distribution group to
// a queue, a skill to a skill profile), with the group's key already filled in. It does
// nothing on a flat sheet or on the new-record row.
func (d *Document) AddChild() bool {
	if !d.Grouped() || d.cursor.Row >= d.Rows() {
		return false
	}
	m := d.ModelRow(d.cursor.Row)
	_, end := d.group(m)
	row := d.blankRow()
	for _, k := range d.keyCols() {
		row.Cells[k] = d.sheet.Cell(m, k)
	}
	d.do(&insertRows{at: end, rows: []sheets.Row{row}})
	if v, ok := d.ViewRow(end); ok {
		d.Select(Cell{v, d.firstNonKey()}, false)
	}
	return true
}

func (d *Document) firstNonKey() int {
	for c := 0; c < d.Cols(); c++ {
		if !slices.Contains(d.keyCols(), c) {
			return c
		}
	}
	return 0
}

// DeleteRows deletes the records of the selected rows. Deleting a parent row deletes its
// whole group (a queue goes with its distribution groups); child rows go alone. It
// returns the number of rows deleted.
func (d *Document) DeleteRows() int {
	sel := d.existing(d.Selection())
	var rows []int
	for v := sel.Top; v <= sel.Bottom; v++ {
		m := d.ModelRow(v)
		start, end := d.group(m)
		if start != m {
			end = m + 1
		}
		for r := m; r < end; r++ {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	rows = slices.Compact(rows)
	if len(rows) == 0 {
		return 0
	}
	d.do(&deleteRows{rows: rows})
	d.Select(Cell{sel.Top, d.cursor.Col}, false)
	return len(rows)
}
