package sheets

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// builder turns a header row and the records under it into a Sheet. Every reader (CSV,
// XLSX, zip entries) goes through it, so they all treat headers, short and long rows, the
// Error Message column and trailing blanks alike.
type builder struct {
	s      *Sheet
	width  int // cells in the header row as read, Error Message included
	named  int // cells in the header row up to its last name
	msg    int // index of the Error Message column in the raw header, -1 if none
	used   int // cells in the widest row kept, Error Message taken out
	long   []error
	nLong  int
	numsAt func(n int) []int // raw columns of row n's cells stored as numbers (takeNumbers)
}

const (
	maxLongRows = 10    // how many over-long rows one error lists
	maxColumns  = 16384 // Excel's limit: a wider header is not a sheet
)

// newBuilder matches a header row to the catalog: to opt.Object, or to the object type
// the header tells (catalog.Detect). The header keeps its own spelling and order.
func newBuilder(name string, header []string, opt ReadOptions) (*builder, error) {
	if len(header) > 0 {
		header[0] = strings.TrimLeft(header[0], "\ufeff") // a BOM the decoder did not take
	}
	if blank(header) {
		return nil, readErr(name, 1, "", i18n.M("the first row is empty; it must be the header row (the column names)"))
	}
	if len(header) > maxColumns {
		return nil, readErr(name, 1, "", i18n.M("the header row has %d cells; a sheet has at most %d columns", len(header), maxColumns))
	}
	b := &builder{s: &Sheet{File: name}, width: len(header), named: len(header), msg: -1}
	for b.named > 0 && header[b.named-1] == "" {
		b.named--
	}
	o := opt.Object
	for i, h := range header {
		if isErrorMessage(o, h) {
			b.msg = i
			break
		}
	}
	cols := header
	if b.msg >= 0 {
		cols = append(append([]string(nil), header[:b.msg]...), header[b.msg+1:]...)
		if blank(cols) {
			return nil, readErr(name, 1, "", i18n.M("the header row has no column but %s", ErrorMessageHeader))
		}
	}
	if o == nil {
		if o = catalog.Detect(cols); o == nil {
			return nil, readErr(name, 0, "", i18n.M("cannot tell the object type from the header; pass --object")).because(ErrUnknownObject)
		}
	}
	b.s.Object = o
	b.s.Columns = matchColumns(o, cols)
	return b, nil
}

// matchColumns pairs each header with the catalog column it names (case, spaces, dashes
// and underscores aside), or nil for a column the catalog does not know.
func matchColumns(o *catalog.Object, header []string) []Column {
	cols := make([]Column, len(header))
	for i, h := range header {
		cols[i].Header = h
		if j := o.Column(h); j >= 0 {
			cols[i].Spec = &o.Columns[j]
		}
	}
	return cols
}

// add appends the record of spreadsheet row n. Short records are padded; cells right of
// the header are an error unless empty (Excel leaves empty ones after a deleted column).
// Rows are padded only up to the last named column here: Excel may write thousands of
// empty nameless columns, and padding every row to them would cost memory for nothing.
func (b *builder) add(n int, cells []string) {
	b.s.Rows = append(b.s.Rows, b.row(n, cells))
}

// row makes the record of spreadsheet row n as add keeps it (the row stream uses it as is).
func (b *builder) row(n int, cells []string) Row {
	if len(cells) > b.width {
		if !blank(cells[b.width:]) {
			b.tooLong(n, cells)
		}
		cells = cells[:b.width]
	}
	for len(cells) > b.named && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) < b.named {
		cells = append(cells, make([]string, b.named-len(cells))...)
	}
	r := Row{Cells: cells}
	if b.msg >= 0 {
		r.Message = cells[b.msg]
		r.Cells = append(cells[:b.msg:b.msg], cells[b.msg+1:]...)
	}
	b.used = max(b.used, len(r.Cells))
	if b.numsAt != nil {
		r.Numbers = b.numbers(n, r)
	}
	return r
}

func (b *builder) tooLong(n int, cells []string) {
	b.nLong++
	if len(b.long) == maxLongRows {
		return
	}
	last := len(cells)
	for last > 0 && cells[last-1] == "" {
		last--
	}
	cols := i18n.M("column %s has", colLetters(b.width))
	if last-1 > b.width {
		cols = i18n.M("columns %s to %s have", colLetters(b.width), colLetters(last-1))
	}
	b.long = append(b.long, readErr(b.s.File, n, "", i18n.M(
		"%d cells, but the header has %d (%s no header); "+
			"a value holding an unquoted separator? Put such values in double quotes",
		last, b.width, cols)))
}

// finish drops what Excel leaves behind (empty rows at the end, nameless empty columns
// at the right) and reports rows longer than the header.
func (b *builder) finish() (*Sheet, error) {
	if err := b.longError(); err != nil {
		return nil, err
	}
	s := b.s
	for len(s.Rows) > 0 && s.Rows[len(s.Rows)-1].Message == "" && blank(s.Rows[len(s.Rows)-1].Cells) {
		s.Rows = s.Rows[:len(s.Rows)-1]
	}
	// Columns right of the last name stay only as far as a cell in them is filled.
	named := b.named
	if b.msg >= 0 {
		named--
	}
	width := max(named, b.used)
	s.Columns = s.Columns[:width]
	for i, r := range s.Rows {
		if len(r.Cells) < width {
			s.Rows[i].Cells = append(r.Cells, make([]string, width-len(r.Cells))...)
		}
	}
	return s, nil
}

// longError reports the rows longer than the header, or nil.
func (b *builder) longError() error {
	if b.nLong == 0 {
		return nil
	}
	errs := b.long
	if more := b.nLong - len(b.long); more > 0 {
		errs = append(errs, readErr(b.s.File, 0, "", i18n.M("and %d more rows longer than the header", more)))
	}
	return joinErrors(errs)
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// colLetters returns the spreadsheet letters of column index i (0 → A, 26 → AA).
func colLetters(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
