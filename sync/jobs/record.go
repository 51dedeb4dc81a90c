package jobs

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// layout says where each catalog column is in the rows of one file.
type layout struct {
	header []string
	col    map[*catalog.Column]int
}

func newLayout(obj *catalog.Object, header []string) *layout {
	l := &layout{header: header, col: map[*catalog.Column]int{}}
	for i, h := range header {
		if c := obj.Column(h); c >= 0 {
			if _, dup := l.col[&obj.Columns[c]]; !dup {
				l.col[&obj.Columns[c]] = i
			}
		}
	}
	return l
}

// has reports whether the file has column c.
func (l *layout) has(c *catalog.Column) bool {
	_, ok := l.col[c]
	return ok
}

// headerOf is the file's own spelling of column c's header, for messages.
func (l *layout) headerOf(c *catalog.Column) string {
	if i, ok := l.col[c]; ok {
		return l.header[i]
	}
	return c.Header
}

// record is one object of a job: its row (or a parent row and its children) and the
// layout of the file they came from.
type record struct {
	unit int
	rows []Row
	lay  *layout
}

// value is the cell of row i in column c; "" when the file lacks the column or the cell
// holds only spaces. Text keeps its spaces (a dial plan strips " "); other types are
// trimmed.
func (r *record) value(i int, c *catalog.Column) string {
	idx, ok := r.lay.col[c]
	if !ok || idx >= len(r.rows[i].Cells) {
		return ""
	}
	v := r.rows[i].Cells[idx]
	t := strings.TrimSpace(v)
	if t == "" || c.Type != catalog.Text || c.List {
		return t
	}
	return v
}

// parentValue is the value of a parent column: the parent row's, or the first child's
// that has one.
func (r *record) parentValue(c *catalog.Column) string {
	for i := range r.rows {
		if v := r.value(i, c); v != "" {
			return v
		}
	}
	return ""
}

func (r *record) seqs() []int {
	out := make([]int, len(r.rows))
	for i, row := range r.rows {
		out[i] = row.Seq
	}
	return out
}

// results gives every row of the record the same outcome.
func (r *record) results(o Outcome, op string, text i18n.Msg, column, id string) []result {
	out := make([]result, len(r.rows))
	for i, row := range r.rows {
		out[i] = result{seq: row.Seq, outcome: o, op: op, text: text, column: column, objectID: id}
	}
	return out
}

// groupRecords gathers rows (in package order) into records by unit.
func groupRecords(obj *catalog.Object, files []File, rows []Row) []*record {
	lays := make([]*layout, len(files))
	for i, f := range files {
		lays[i] = newLayout(obj, f.Header)
	}
	var out []*record
	for _, row := range rows {
		if n := len(out); n > 0 && out[n-1].unit == row.Unit {
			out[n-1].rows = append(out[n-1].rows, row)
			continue
		}
		out = append(out, &record{unit: row.Unit, rows: []Row{row}, lay: lays[row.File]})
	}
	return out
}
