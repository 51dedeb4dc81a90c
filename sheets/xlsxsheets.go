package sheets

import (
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// ErrSeveralSheets: more than one worksheet of a workbook holds records and none was
// chosen (ReadOptions.SheetName). Reading only the first would leave the others unread
// without a word, so the reader refuses and names them (RecordSheets).
var ErrSeveralSheets = errors.New("several sheets hold records")

// RecordSheets returns the names of the worksheets holding records when err is
// ErrSeveralSheets (for a caller that asks the user which one to read), else nil.
func RecordSheets(err error) []string {
	var re *ReadError
	if errors.As(err, &re) && errors.Is(re, ErrSeveralSheets) {
		return re.Sheets
	}
	return nil
}

// pickWorksheet returns the sheet asked for (its name matched without regard to case),
// or else the one sheet that holds records; with none, the first visible sheet (whose
// reading then says what is wrong with it); with several, an ErrSeveralSheets error.
func pickWorksheet(book *bookParts, name, want string, o *catalog.Object) (string, error) {
	f := book.f
	list := f.GetSheetList()
	if want != "" {
		for _, ws := range list {
			if strings.EqualFold(ws, want) {
				return ws, nil
			}
		}
		return "", readErr(name, 0, "", i18n.M("has no sheet %q; its sheets are %s", want, strings.Join(list, ", ")))
	}
	if len(list) == 0 {
		return "", readErr(name, 0, "", i18n.M("the workbook has no worksheet"))
	}
	if len(list) == 1 {
		return list[0], nil
	}
	var held []string
	for _, ws := range list {
		if book.holdsRecords(ws, o) {
			held = append(held, ws)
		}
	}
	switch len(held) {
	case 0:
		return firstVisible(f, list), nil
	case 1:
		return held[0], nil
	}
	e := readErr(name, 0, "", i18n.M("holds records on %d sheets (%s); Bulkops reads one sheet at a time, so choose the one to read (--sheet NAME) or move the records onto one sheet",
		len(held), i18n.Raw(quoteAll(held)))).because(ErrSeveralSheets)
	e.Sheets = held
	return "", e
}

// firstVisible is the first sheet not hidden, or the first sheet.
func firstVisible(f *excelize.File, list []string) string {
	for _, ws := range list {
		if visible, err := f.GetSheetVisible(ws); err == nil && visible {
			return ws
		}
	}
	return list[0]
}

// holdsRecords reports whether a worksheet's first row is the header of object type o
// (of any type of the catalog when o is nil) and some row under it has a value: a sheet
// of notes, or Bulkops' own hidden drop-down lists, holds none.
func (b *bookParts) holdsRecords(ws string, o *catalog.Object) bool {
	e := zipEntryNamed(b.z, worksheetPart(b.z, ws))
	if e == nil {
		return holdsRecordsExcelize(b.f, ws, o)
	}
	rows, rc := b.headedScan(e, o)
	if rows == nil {
		return false
	}
	defer rc.Close()
	for {
		_, cells, err := rows.next()
		if err != nil {
			return false
		}
		if !blank(cells) {
			return true
		}
	}
}

// headedScan reads the first row of worksheet part e and, when it is the header of
// object type o (of any catalog type for nil), returns the rows after it and the part
// to close; else nil.
func (b *bookParts) headedScan(e *ZipEntry, o *catalog.Object) (*scannedRows, io.Closer) {
	rc, err := e.Open()
	if err != nil {
		return nil, nil
	}
	rows := b.rows(rc)
	if _, header, err := rows.next(); err != nil || !isHeaderOf(header, o) {
		rc.Close()
		return nil, nil
	}
	return rows, rc
}

// headedSheets are the worksheets whose first row is the header of a catalog type, in
// the workbook's order; only their first rows are read.
func (b *bookParts) headedSheets() []string {
	var out []string
	for _, ws := range b.f.GetSheetList() {
		e := zipEntryNamed(b.z, worksheetPart(b.z, ws))
		if e == nil {
			if rows := headedRows(b.f, ws, nil); rows != nil {
				rows.Close()
				out = append(out, ws)
			}
			continue
		}
		if rows, rc := b.headedScan(e, nil); rows != nil {
			rc.Close()
			out = append(out, ws)
		}
	}
	return out
}

// holdsRecordsExcelize is holdsRecords through excelize's row iterator, for a sheet whose
// part the workbook's relationships do not name plainly.
func holdsRecordsExcelize(f *excelize.File, ws string, o *catalog.Object) bool {
	rows := headedRows(f, ws, o)
	if rows == nil {
		return false
	}
	defer rows.Close()
	for rows.Next() {
		cells, err := rows.Columns()
		if err != nil {
			return false
		}
		if !blank(cells) {
			return true
		}
	}
	return false
}

// headedRows returns a worksheet's rows after its first, when that is the header of
// object type o (of any catalog type for nil); else nil. The caller closes them.
func headedRows(f *excelize.File, ws string, o *catalog.Object) *excelize.Rows {
	rows, err := f.Rows(ws)
	if err != nil {
		return nil
	}
	if rows.Next() {
		if header, err := rows.Columns(); err == nil && isHeaderOf(header, o) {
			return rows
		}
	}
	rows.Close()
	return nil
}

// isHeaderOf reports whether a row names columns of o, or of some catalog type for nil.
func isHeaderOf(header []string, o *catalog.Object) bool {
	if o == nil {
		return catalog.Detect(header) != nil
	}
	for _, h := range header {
		if o.Column(h) >= 0 {
			return true
		}
	}
	return false
}

// quoteAll is the names quoted and joined by commas: "Teams", "More teams".
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}
