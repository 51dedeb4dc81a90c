package grid

// Cell is a position in view coordinates.
type Cell struct{ Row, Col int }

// Range is a rectangle of cells, inclusive, with Top <= Bottom and Left <= Right.
type Range struct{ Top, Left, Bottom, Right int }

// Contains reports whether c lies in r.
func (r Range) Contains(c Cell) bool {
	return c.Row >= r.Top && c.Row <= r.Bottom && c.Col >= r.Left && c.Col <= r.Right
}

// Height and Width count the rows and columns of r.
func (r Range) Height() int { return r.Bottom - r.Top + 1 }

// Width counts the columns of r.
func (r Range) Width() int { return r.Right - r.Left + 1 }

// Single reports whether r is one cell.
func (r Range) Single() bool { return r.Top == r.Bottom && r.Left == r.Right }

func span(a, b Cell) Range {
	r := Range{Top: a.Row, Left: a.Col, Bottom: b.Row, Right: b.Col}
	if r.Top > r.Bottom {
		r.Top, r.Bottom = r.Bottom, r.Top
	}
	if r.Left > r.Right {
		r.Left, r.Right = r.Right, r.Left
	}
	return r
}

// Cursor returns the active cell: where typing goes.
func (d *Document) Cursor() Cell { return d.cursor }

// Selection returns the selected range (the cursor alone when nothing is extended).
func (d *Document) Selection() Range { return span(d.anchor, d.cursor) }

// Select moves the cursor to c; with extend the selection grows from the anchor to c
// (Shift+click, Shift+arrow), otherwise it collapses onto c.
func (d *Document) Select(c Cell, extend bool) {
	d.cursor = d.clamp(c)
	if !extend {
		d.anchor = d.cursor
	}
}

// SelectRange selects r with the cursor on its top-left cell (a whole row or column,
// a pasted block).
func (d *Document) SelectRange(r Range) {
	d.anchor = d.clamp(Cell{r.Bottom, r.Right})
	d.cursor = d.clamp(Cell{r.Top, r.Left})
}

// Move moves the cursor by rows and columns, stopping at the edges.
func (d *Document) Move(rows, cols int, extend bool) {
	d.Select(Cell{d.cursor.Row + rows, d.cursor.Col + cols}, extend)
}

// Home and End keys: to the first or last column of the row; with toSheet
// (Ctrl+Home, Ctrl+End) to the first or last cell of the sheet.
func (d *Document) Home(toSheet, extend bool) {
	c := Cell{d.cursor.Row, 0}
	if toSheet {
		c.Row = 0
	}
	d.Select(c, extend)
}

// End moves to the last column, or with toSheet to the last cell of the sheet.
func (d *Document) End(toSheet, extend bool) {
	c := Cell{d.cursor.Row, d.Cols() - 1}
	if toSheet {
		c.Row = max(d.Rows()-1, 0)
	}
	d.Select(c, extend)
}

// clamp keeps c on the grid. The row after the last one is the new-record row: typing or
// pasting there appends records.
func (d *Document) clamp(c Cell) Cell {
	if c.Row > d.Rows() {
		c.Row = d.Rows()
	}
	if c.Row < 0 {
		c.Row = 0
	}
	if c.Col >= d.Cols() {
		c.Col = d.Cols() - 1
	}
	if c.Col < 0 {
		c.Col = 0
	}
	return c
}

func (d *Document) clampSelection() {
	d.cursor = d.clamp(d.cursor)
	d.anchor = d.clamp(d.anchor)
}
