package grid

import (
	"slices"
	"strings"

	"github.com/bulkops/bulkops/sheets"
)

// addColumn appends a column, blank on every row (the Action column a mark for deletion
// needs when the sheet has none).
type addColumn struct {
	cmdID
	header string
}

func (c *addColumn) apply(d *Document) Change {
	d.sheet.Columns = append(d.sheet.Columns, sheets.Column{Header: c.header})
	return Change{Structural: true}
}

func (c *addColumn) revert(d *Document) Change {
	n := len(d.sheet.Columns) - 1
	d.sheet.Columns = d.sheet.Columns[:n]
	for i := range d.sheet.Rows {
		if r := &d.sheet.Rows[i]; len(r.Cells) > n {
			r.Cells = r.Cells[:n]
		}
	}
	return Change{Structural: true}
}

// MarkRecords writes value into column header on the first row of each selected record
// (the row that speaks for a parent and its children), adding the column at the end when
// the sheet has none, as one undoable change. It returns how many records changed.
func (d *Document) MarkRecords(header, value string) int {
	sel := d.existing(d.Selection())
	var rows []int
	for v := sel.Top; v <= sel.Bottom; v++ {
		if m := d.ModelRow(v); m >= 0 {
			rows = append(rows, d.GroupStart(m))
		}
	}
	slices.Sort(rows)
	rows = slices.Compact(rows)
	col := d.sheet.Index(header)
	var parts []command
	if col < 0 {
		if value == "" || len(rows) == 0 {
			return 0
		}
		parts, col = append(parts, &addColumn{header: header}), d.Cols()
	}
	var edits []cellEdit
	for _, r := range rows {
		if old := d.sheet.Cell(r, col); !strings.EqualFold(strings.TrimSpace(old), value) {
			edits = append(edits, cellEdit{row: r, col: col, old: old, new: value})
		}
	}
	if len(edits) == 0 {
		return 0
	}
	d.do(&batch{parts: append(parts, &setCells{edits: edits})})
	return len(edits)
}

// GroupStart returns the first model row of the record holding model row m: m itself on
// a flat sheet or a parent row.
func (d *Document) GroupStart(m int) int {
	s, _ := d.group(m)
	return s
}
