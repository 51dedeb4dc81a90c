package sheets

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// ReadOptions steer reading a file.
type ReadOptions struct {
	// Object is the object type of the sheet; nil means: tell it from the header row.
	Object *catalog.Object
	// SheetName picks a worksheet of an XLSX workbook; "" means the one that holds
	// records (an ErrSeveralSheets error when several do).
	SheetName string
	// Encoding forces the text encoding of a CSV file instead of detecting it:
	// "utf-8", "utf-16le", "utf-16be", "windows-1250", "windows-1252", or any other
	// encoding by its WHATWG name ("shift_jis", "iso-8859-2", "windows-1251"…).
	Encoding string
	// Unprotect takes off the ' that WriteOptions.ProtectFormulas puts before a value a
	// spreadsheet would run as a formula, for files Bulkops wrote for people (exports,
	// error files) read back. Packages are read without it: they hold values as typed.
	Unprotect bool
}

// ReadError is a problem with the content of a file, located like a finding.
type ReadError struct {
	File   string
	Row    int      // spreadsheet row number (header = 1); 0 for the whole file
	Column string   // the column's header as written; "" when not about one column
	Msg    string   // in English
	Err    error    // the cause, when it is one callers test for (ErrUnknownObject)
	Sheets []string // the worksheets holding records, for ErrSeveralSheets
	text   i18n.Msg
}

// readErr is a ReadError whose message is msg: in English in Msg, and in any language
// through Text (i18n.Of).
func readErr(file string, row int, column string, msg i18n.Msg) *ReadError {
	return &ReadError{File: file, Row: row, Column: column, Msg: msg.String(), text: msg}
}

// ErrUnknownObject: the header matches no object type of the catalog, and none was given.
// A caller can ask the user which type the file holds and read it again with it.
var ErrUnknownObject = errors.New("unknown object type")

// Unwrap gives errors.Is the cause.
func (e *ReadError) Unwrap() error { return e.Err }

// Error formats the error as FILE:ROW:COLUMN: msg, leaving out the parts that are zero.
func (e *ReadError) Error() string { return e.where() + e.Msg }

// Text is the error as Error formats it, as a message to render in another language
// (i18n.Of); a ReadError made without readErr has its English Msg as raw text.
func (e *ReadError) Text() i18n.Msg {
	msg := e.text
	if msg.IsZero() {
		msg = i18n.Raw(e.Msg)
	}
	if w := e.where(); w != "" {
		return i18n.M("%s%s", i18n.Raw(w), msg)
	}
	return msg
}

// where is the "FILE:ROW:COLUMN: " the error starts with, "" when it names nothing.
func (e *ReadError) where() string {
	var b strings.Builder
	for _, part := range []string{e.File, rowText(e.Row), e.Column} {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(part)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	return b.String()
}

// joinedErrors is errors.Join whose Text renders each error in the user's language.
type joinedErrors struct{ errs []error }

// joinErrors is errors.Join(errs...) with a Text: nil for none, the error for one.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return &joinedErrors{errs}
}

func (j *joinedErrors) Error() string   { return errors.Join(j.errs...).Error() }
func (j *joinedErrors) Unwrap() []error { return j.errs }

// Text is each error's message on a line of its own.
func (j *joinedErrors) Text() i18n.Msg {
	m := i18n.Of(j.errs[0])
	for _, e := range j.errs[1:] {
		m = i18n.M("%s\n%s", m, i18n.Of(e))
	}
	return m
}

func rowText(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

// ReadFile reads a sheet from a file, chosen by its extension: .csv, .txt and .tsv are
// delimited text in any encoding Excel writes, .xlsx a workbook, .zip a zip of such files
// (several of one object type are merged into one sheet; see ReadZip to keep them apart).
func ReadFile(path string, opt ReadOptions) (*Sheet, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".txt", ".tsv":
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadCSV(f, path, opt)
	case ".xlsx", ".xlsm":
		return readXLSXFile(path, opt)
	case ".zip":
		ss, err := ReadZip(path, opt)
		if err != nil {
			return nil, err
		}
		return Merge(path, ss)
	default:
		return nil, unreadable(path, ext)
	}
}

// unreadable is the error for a file of a kind no reader takes.
func unreadable(path, ext string) error {
	switch ext {
	case ".xls":
		return readErr(path, 0, "", i18n.M("an old Excel 97-2003 workbook; save it as .xlsx or as CSV UTF-8 and open that"))
	case ".ods":
		return readErr(path, 0, "", i18n.M("an OpenDocument spreadsheet; in LibreOffice save it as Excel 2007-365 (.xlsx) or as CSV UTF-8, and open that"))
	}
	return readErr(path, 0, "", i18n.M("cannot read %q files; open a .csv, .txt, .tsv, .xlsx or .zip file", ext))
}

// Merge makes one sheet, named name, of several sheets of one object type (the entries of
// a zip, the files given to bulkops pack). They must be of one object type; columns are
// matched by catalog column or header, and a column only some entries have is added, so
// no cell is lost.
func Merge(name string, ss []*Sheet) (*Sheet, error) {
	m, pos, err := mergeColumns(name, ss)
	if err != nil {
		return nil, err
	}
	for k, s := range ss {
		for _, r := range s.Rows {
			m.Rows = append(m.Rows, Row{Cells: placeCells(r.Cells, pos[k], len(m.Columns)), Message: r.Message})
		}
	}
	return m, nil
}

// mergeColumns makes the header of the merged sheet, and for each sheet where its
// columns go in it.
func mergeColumns(name string, ss []*Sheet) (*Sheet, [][]int, error) {
	first := ss[0]
	for _, s := range ss[1:] {
		if s.Object != first.Object {
			return nil, nil, readErr(name, 0, "", i18n.M(
				"holds sheets of different object types (%s: %s, %s: %s); open them one at a time",
				first.File, objectTitle(first.Object), s.File, objectTitle(s.Object)))
		}
	}
	m := &Sheet{Object: first.Object, File: name, Decoded: mergeDecodings(ss)}
	all := make([][]int, len(ss))
	for k, s := range ss {
		pos := make([]int, len(s.Columns))
		used := make([]bool, len(m.Columns))
		for i, c := range s.Columns {
			pos[i] = m.columnLike(c, used)
			if len(used) < len(m.Columns) { // c was added
				used = append(used, false)
			}
			used[pos[i]] = true
		}
		all[k] = pos
	}
	return m, all, nil
}

// placeCells puts a row's cells where pos says, in a row of n cells.
func placeCells(cells []string, pos []int, n int) []string {
	out := make([]string, n)
	for i, v := range cells[:min(len(cells), len(pos))] {
		out[pos[i]] = v
	}
	return out
}

// MergeRows is Merge for streams: one stream, named name, of the records of the parts one
// after the other. It takes the parts over: closing it closes them.
func MergeRows(name string, parts []RowStream) (RowStream, error) {
	if len(parts) == 1 {
		return &mergedRows{parts: parts, header: parts[0].Header()}, nil
	}
	hs := make([]*Sheet, len(parts))
	for i, p := range parts {
		hs[i] = p.Header()
	}
	m, pos, err := mergeColumns(name, hs)
	if err != nil {
		closeAll(parts)
		return nil, err
	}
	return &mergedRows{parts: parts, header: m, pos: pos}, nil
}

// mergedRows streams its parts one after the other, each row placed in the merged columns.
type mergedRows struct {
	parts  []RowStream
	header *Sheet
	pos    [][]int // nil: one part, rows as they are
	i      int
	row    Row
	err    error
	after  func() error // closes what the parts were read from (a zip)
}

func (m *mergedRows) Header() *Sheet { return m.header }
func (m *mergedRows) Row() Row       { return m.row }
func (m *mergedRows) Err() error     { return m.err }

// Decoded is the decoding of the part being read: each file of a zip or of a pack's set
// has its own.
func (m *mergedRows) Decoded() *Decoding {
	if m.i >= len(m.parts) {
		return nil
	}
	return m.parts[m.i].Decoded()
}

func (m *mergedRows) Next() bool {
	for m.i < len(m.parts) && m.err == nil {
		p := m.parts[m.i]
		if p.Next() {
			m.row = p.Row()
			if m.pos != nil {
				m.row.Cells = placeCells(m.row.Cells, m.pos[m.i], len(m.header.Columns))
			}
			return true
		}
		m.err = p.Err()
		m.i++
	}
	return false
}

func (m *mergedRows) recycle() {
	for _, p := range m.parts {
		recycle(p)
	}
}

func (m *mergedRows) mark() slabMark {
	if m.i >= len(m.parts) {
		return slabMark{}
	}
	return markOf(m.parts[m.i])
}

func (m *mergedRows) Close() error {
	closeAll(m.parts)
	if m.after != nil {
		return m.after()
	}
	return nil
}

// columnLike returns the index of a column not yet used that matches c (same catalog
// column or same header), adding c when there is none.
func (s *Sheet) columnLike(c Column, used []bool) int {
	n := catalog.Normalize(c.Header)
	for i, have := range s.Columns {
		if used[i] {
			continue
		}
		if (c.Spec != nil && have.Spec == c.Spec) || catalog.Normalize(have.Header) == n {
			return i
		}
	}
	s.Columns = append(s.Columns, c)
	return len(s.Columns) - 1
}

// objectTitle is a sheet's object type for a message: its title, a catalog word.
func objectTitle(o *catalog.Object) any {
	if o == nil {
		return i18n.M("unknown")
	}
	return i18n.Word(o.Title)
}

// because sets the cause callers test for (errors.Is) and returns e.
func (e *ReadError) because(err error) *ReadError {
	e.Err = err
	return e
}
