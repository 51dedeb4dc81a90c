// Package sheets is the domain of configuration sheets: reading and writing them (CSV in
// the encodings Excel writes, XLSX, zips of CSVs, Control Hub error files), checking them
// against the catalog, and packing them into the files Control Hub's Bulk Operations
// accept. It needs no network and no window.
package sheets

import (
	"strconv"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// Sheet is the records of one object type, as read from a file or edited in the grid.
// Columns keep the file's own header spelling and order; a column the catalog does not
// know is kept (Spec nil) and reported, never dropped.
type Sheet struct {
	Object  *catalog.Object
	File    string   // the file it came from (or will be saved to), for messages
	Columns []Column // the header row
	Rows    []Row
	// Decoded says how a text file's bytes became text where that was a guess or a
	// choice (nil otherwise); the cells a guess touched carry findings (see Decoding).
	Decoded *Decoding
	// Origin is the organization the workbook the sheet was read from was exported
	// from; nil when it does not say (see Origin).
	Origin *Origin
}

// Column is one column of a sheet: its header as written and the catalog column it
// matched (nil when unknown).
type Column struct {
	Header string
	Spec   *catalog.Column
}

// Row is one record. Cells line up with Sheet.Columns. Message carries the Control Hub
// "Error Message" of a row read from an error file, or the job's message for a failed row.
type Row struct {
	Cells   []string
	Message string
	// Numbers are the cells stored as numbers in the workbook the row was read from, in
	// columns that hold text: a spreadsheet may have changed what was typed there.
	Numbers []Number
}

// Number is a cell read from a number in a column of text, and the text read.
type Number struct {
	Col  int
	Read string
}

// String is the cell as a test prints it ("3=420225000999"); it also lets a Row be
// printed with %q, as rows of text are.
func (n Number) String() string { return strconv.Itoa(n.Col) + "=" + n.Read }

// RowNumber is the spreadsheet row number of record index i (the header is row 1).
func RowNumber(i int) int { return i + 2 }

// New returns an empty sheet of an object type with the catalog's header row.
func New(o *catalog.Object) *Sheet {
	s := &Sheet{Object: o}
	for i := range o.Columns {
		s.Columns = append(s.Columns, Column{Header: o.Columns[i].Header, Spec: &o.Columns[i]})
	}
	return s
}

// Index returns the position of the column with the catalog header h (or an alias of it),
// or -1 when the sheet has no such column.
func (s *Sheet) Index(h string) int {
	n := catalog.Normalize(h)
	for i, c := range s.Columns {
		if catalog.Normalize(c.Header) == n {
			return i
		}
		if c.Spec != nil && catalog.Normalize(c.Spec.Header) == n {
			return i
		}
	}
	return -1
}

// Cell returns the value at row r, column c, or "" when the row is short.
func (s *Sheet) Cell(r, c int) string {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r].Cells) {
		return ""
	}
	return s.Rows[r].Cells[c]
}

// Value returns the cell of row r in the column with catalog header h ("" if absent).
func (s *Sheet) Value(r int, h string) string { return s.Cell(r, s.Index(h)) }

// Headers returns the header row as written.
func (s *Sheet) Headers() []string {
	h := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = c.Header
	}
	return h
}

// Unknown returns the headers the catalog does not know.
func (s *Sheet) Unknown() []string {
	var u []string
	for _, c := range s.Columns {
		if c.Spec == nil {
			u = append(u, c.Header)
		}
	}
	return u
}

// Clone returns a deep copy, so an editor can hand a snapshot to a background job;
// the Origin is kept (the copy guard of a workbook submitted from the editor needs it).
func (s *Sheet) Clone() *Sheet {
	c := &Sheet{Object: s.Object, File: s.File, Columns: append([]Column(nil), s.Columns...), Decoded: s.Decoded, Origin: s.Origin}
	c.Rows = make([]Row, len(s.Rows))
	for i, r := range s.Rows {
		c.Rows[i] = Row{Cells: append([]string(nil), r.Cells...), Message: r.Message}
	}
	return c
}

// Groups returns the records of the sheet as [start, end) row ranges, one per object.
// For a flat object type every row is an object. For a parent/child type (queues with
// distribution groups, skill profiles with skills) consecutive rows with the same key
// form one object: the first is the parent, the others its children.
func (s *Sheet) Groups() [][2]int {
	n := len(s.Rows)
	out := make([][2]int, 0, n)
	if s.Object == nil || s.Object.Rows != catalog.Group {
		for i := 0; i < n; i++ {
			out = append(out, [2]int{i, i + 1})
		}
		return out
	}
	keys := s.keyIndexes()
	start := 0
	for i := 1; i <= n; i++ {
		if i == n || !s.sameKey(keys, start, i) {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return out
}

// Key returns the key of row r: its key columns' values joined by a tab.
func (s *Sheet) Key(r int) string {
	keys := s.keyIndexes()
	k := ""
	for i, c := range keys {
		if i > 0 {
			k += "\t"
		}
		k += s.Cell(r, c)
	}
	return k
}

func (s *Sheet) keyIndexes() []int {
	if s.Object == nil {
		return nil
	}
	idx := make([]int, 0, len(s.Object.KeyColumns))
	for _, k := range s.Object.KeyColumns {
		idx = append(idx, s.Index(k))
	}
	return idx
}

func (s *Sheet) sameKey(keys []int, a, b int) bool {
	for _, c := range keys {
		if s.Cell(a, c) != s.Cell(b, c) {
			return false
		}
	}
	return true
}
