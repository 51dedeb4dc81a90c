package grid

import (
	"slices"

	"github.com/bulkops/bulkops/sheets"
)

// command is one undoable change of the sheet, in model rows.
type command interface {
	apply(d *Document) Change
	revert(d *Document) Change
	id() int
	setID(int)
	where() (anchor, cursor Cell)
	setWhere(anchor, cursor Cell)
}

// cmdID numbers a command and remembers the selection it was made on, which undo and
// redo return to: the user sees the cell that changed back.
type cmdID struct {
	n              int
	anchor, cursor Cell
}

func (c *cmdID) id() int                      { return c.n }
func (c *cmdID) setID(n int)                  { c.n = n }
func (c *cmdID) where() (Cell, Cell)          { return c.anchor, c.cursor }
func (c *cmdID) setWhere(anchor, cursor Cell) { c.anchor, c.cursor = anchor, cursor }

// cellEdit is one cell's value before and after.
type cellEdit struct {
	row, col int
	old, new string
}

// setCells writes values into cells.
type setCells struct {
	cmdID
	edits []cellEdit
}

func (c *setCells) apply(d *Document) Change  { return d.write(c.edits, false) }
func (c *setCells) revert(d *Document) Change { return d.write(c.edits, true) }

func (d *Document) write(edits []cellEdit, old bool) Change {
	rows := make([]int, 0, len(edits))
	for _, e := range edits {
		v := e.new
		if old {
			v = e.old
		}
		d.put(e.row, e.col, v)
		if n := len(rows); n == 0 || rows[n-1] != e.row {
			rows = append(rows, e.row)
		}
	}
	slices.Sort(rows)
	return Change{Rows: slices.Compact(rows)}
}

// put sets one cell, lengthening a short row.
func (d *Document) put(row, col int, v string) {
	r := &d.sheet.Rows[row]
	for len(r.Cells) <= col {
		r.Cells = append(r.Cells, "")
	}
	r.Cells[col] = v
}

// insertRows inserts rows as one block before model row at.
type insertRows struct {
	cmdID
	at   int
	rows []sheets.Row
}

func (c *insertRows) apply(d *Document) Change {
	d.sheet.Rows = slices.Insert(d.sheet.Rows, c.at, cloneRows(c.rows)...)
	if d.mask != nil {
		d.mask = slices.Insert(d.mask, c.at, trues(len(c.rows))...)
	}
	return Change{Structural: true}
}

func (c *insertRows) revert(d *Document) Change {
	d.sheet.Rows = slices.Delete(d.sheet.Rows, c.at, c.at+len(c.rows))
	if d.mask != nil {
		d.mask = slices.Delete(d.mask, c.at, c.at+len(c.rows))
	}
	return Change{Structural: true}
}

// deleteRows removes model rows (ascending), keeping them for undo.
type deleteRows struct {
	cmdID
	rows  []int
	saved []sheets.Row
	shown []bool
}

func (c *deleteRows) apply(d *Document) Change {
	c.saved = c.saved[:0]
	c.shown = c.shown[:0]
	for _, r := range c.rows {
		c.saved = append(c.saved, d.sheet.Rows[r])
		c.shown = append(c.shown, d.mask == nil || d.mask[r])
	}
	d.sheet.Rows = deleteIndexes(d.sheet.Rows, c.rows)
	if d.mask != nil {
		d.mask = deleteIndexes(d.mask, c.rows)
	}
	return Change{Structural: true}
}

func (c *deleteRows) revert(d *Document) Change {
	for i, r := range c.rows {
		d.sheet.Rows = slices.Insert(d.sheet.Rows, r, c.saved[i])
		if d.mask != nil {
			d.mask = slices.Insert(d.mask, r, c.shown[i])
		}
	}
	return Change{Structural: true}
}

// permute reorders rows: after apply, row i is the row that was at order[i].
type permute struct {
	cmdID
	order []int
}

func (c *permute) apply(d *Document) Change {
	d.sheet.Rows = gather(d.sheet.Rows, c.order)
	if d.mask != nil {
		d.mask = gather(d.mask, c.order)
	}
	return Change{Structural: true}
}

func (c *permute) revert(d *Document) Change {
	inv := make([]int, len(c.order))
	for i, o := range c.order {
		inv[o] = i
	}
	d.sheet.Rows = gather(d.sheet.Rows, inv)
	if d.mask != nil {
		d.mask = gather(d.mask, inv)
	}
	return Change{Structural: true}
}

// batch is several commands undone as one (a paste that appends rows).
type batch struct {
	cmdID
	parts []command
}

func (b *batch) apply(d *Document) Change {
	var ch Change
	for _, p := range b.parts {
		ch = merge(ch, p.apply(d))
	}
	return ch
}

func (b *batch) revert(d *Document) Change {
	var ch Change
	for i := len(b.parts) - 1; i >= 0; i-- {
		ch = merge(ch, b.parts[i].revert(d))
	}
	return ch
}

func merge(a, b Change) Change {
	if a.Structural || b.Structural {
		return Change{Structural: true}
	}
	rows := slices.Concat(a.Rows, b.Rows)
	slices.Sort(rows)
	return Change{Rows: slices.Compact(rows)}
}

func gather[T any](s []T, order []int) []T {
	out := make([]T, len(order))
	for i, o := range order {
		out[i] = s[o]
	}
	return out
}

func deleteIndexes[T any](s []T, idx []int) []T {
	out := s[:0]
	j := 0
	for i, v := range s {
		if j < len(idx) && idx[j] == i {
			j++
			continue
		}
		out = append(out, v)
	}
	clear(s[len(out):])
	return out
}

func trues(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

func cloneRows(rows []sheets.Row) []sheets.Row {
	out := make([]sheets.Row, len(rows))
	for i, r := range rows {
		out[i] = sheets.Row{Cells: slices.Clone(r.Cells), Message: r.Message}
	}
	return out
}
