package grid

import (
	"regexp"
	"strings"
)

// Query is what Find and Replace look for.
type Query struct {
	Text      string
	MatchCase bool
	WholeCell bool // the whole cell must equal Text, not just contain it
}

// matcher returns a test for cells; nil when the query is empty.
func (q Query) matcher() func(string) bool {
	switch {
	case q.Text == "":
		return nil
	case q.WholeCell:
		return func(v string) bool { return equalFold(v, q.Text, q.MatchCase) }
	case q.MatchCase:
		return func(v string) bool { return strings.Contains(v, q.Text) }
	}
	low := strings.ToLower(q.Text)
	return func(v string) bool { return strings.Contains(strings.ToLower(v), low) }
}

// replace returns v with the query's matches replaced by with.
func (q Query) replace(v, with string) string {
	if q.WholeCell {
		return with
	}
	if q.MatchCase {
		return strings.ReplaceAll(v, q.Text, with)
	}
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(q.Text))
	return re.ReplaceAllLiteralString(v, with)
}

// Find moves the cursor to the next matching cell after it (before it, backwards),
// row by row over the rows shown, wrapping around. It reports whether one was found.
func (d *Document) Find(q Query, backwards bool) (Cell, bool) {
	match := q.matcher()
	rows, cols := d.Rows(), d.Cols()
	if match == nil || rows == 0 || cols == 0 {
		return d.cursor, false
	}
	total := rows * cols
	at := min(d.cursor.Row, rows-1)*cols + d.cursor.Col
	step := 1
	if backwards {
		step = -1
	}
	for i := 1; i <= total; i++ {
		p := ((at+step*i)%total + total) % total
		c := Cell{p / cols, p % cols}
		if match(d.Value(c)) {
			d.Select(c, false)
			return c, true
		}
	}
	return d.cursor, false
}

// Replace replaces the match in the cursor's cell, when it has one, then moves on to the
// next match. It reports whether a cell was changed.
func (d *Document) Replace(q Query, with string) bool {
	match := q.matcher()
	changed := false
	if match != nil && d.cursor.Row < d.Rows() && match(d.Value(d.cursor)) {
		changed = d.fill(Range{d.cursor.Row, d.cursor.Col, d.cursor.Row, d.cursor.Col},
			func(int, int) string { return q.replace(d.Value(d.cursor), with) })
	}
	d.Find(q, false)
	return changed
}

// ReplaceAll replaces every match in the rows shown as one undoable change and returns
// the number of cells changed.
func (d *Document) ReplaceAll(q Query, with string) int {
	match := q.matcher()
	if match == nil {
		return 0
	}
	var edits []cellEdit
	for v := 0; v < d.Rows(); v++ {
		m := d.ModelRow(v)
		for col := 0; col < d.Cols(); col++ {
			old := d.sheet.Cell(m, col)
			if match(old) {
				if nv := q.replace(old, with); nv != old {
					edits = append(edits, cellEdit{row: m, col: col, old: old, new: nv})
				}
			}
		}
	}
	if len(edits) > 0 {
		d.do(&setCells{edits: edits})
	}
	return len(edits)
}
