package sheets

import (
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ReadWorkbookSheets reads every worksheet of an XLSX workbook whose header row names
// an object type's columns, in the workbook's order: a workbook as bulkops export --all
// writes it, a sheet per type, opened as a whole. A worksheet with the header only is
// read as an empty sheet (an export of a type the organization holds none of), so the
// workbook saved again still has it; a worksheet of notes or Bulkops' hidden drop-down
// lists is left out. The file is opened once, however many sheets it holds.
func ReadWorkbookSheets(path string, opt ReadOptions) (ss []*Sheet, err error) {
	defer func() {
		if p := recover(); p != nil { // a malformed workbook must not end the program
			ss, err = nil, readErr(path, 0, "", i18n.M("not a readable XLSX workbook (%v)", p))
		}
	}()
	f, book, err := openBookFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	defer book.close()
	origin := originOf(f) // the copy guard of a workbook opened as a whole needs it
	for _, ws := range book.headedSheets() {
		o := opt
		o.SheetName = ws
		s, err := readBookSheet(book, path, ws, o)
		if err != nil {
			return nil, err
		}
		s.Origin = origin
		ss = append(ss, s)
	}
	if len(ss) == 0 {
		return nil, readErr(path, 0, "", i18n.M("no sheet of the workbook has a header row of an object type"))
	}
	return ss, nil
}

// WorkbookSheetNames lists the worksheets of an XLSX workbook whose header row names an
// object type's columns (typed: those ReadWorkbookSheets reads), with or without
// records, and the others (notes, a person's own sheets; not the hidden drop-down lists
// Bulkops writes itself). A caller can tell a workbook of several sheets, which saving
// one sheet over would cut down to that one, from a workbook of one, and knows what a
// workbook written again from its typed sheets would not have.
func WorkbookSheetNames(path string) (typed, other []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			typed, other, err = nil, nil, readErr(path, 0, "", i18n.M("not a readable XLSX workbook (%v)", p))
		}
	}()
	f, book, err := openBookFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	defer book.close()
	typed = book.headedSheets()
	for _, ws := range f.GetSheetList() {
		if !slices.Contains(typed, ws) && !bulkopsLists(f, ws) {
			other = append(other, ws)
		}
	}
	return typed, other, nil
}

// openBookFile opens a workbook on disk once for reading any of its sheets: checked
// (its large parts as they are read), opened in excelize without its large parts
// (openLight), and as a zip with its shared strings read (openBook). The caller
// closes both.
func openBookFile(path string) (*excelize.File, *bookParts, error) {
	f, err := openWorkbookFile(path)
	if err != nil {
		return nil, nil, err
	}
	book, err := openBook(f, path, func() (*Zip, error) { return OpenZip(path) })
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, book, nil
}

// bulkopsLists reports whether a worksheet is the hidden drop-down lists sheet that
// Bulkops writes with every workbook (and writes again).
func bulkopsLists(f *excelize.File, ws string) bool {
	visible, err := f.GetSheetVisible(ws)
	return err == nil && !visible && strings.EqualFold(ws, listsSheet)
}
