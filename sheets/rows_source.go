package sheets

import (
	"io"

	"github.com/bulkops/bulkops/internal/i18n"
)

// rowSource is the records of one file as the reader parsed them, one at a time: the
// header row, then each record with its spreadsheet row number. Both ways of reading a
// file consume it: the whole-sheet readers (ReadCSV, ReadXLSX, through a builder) and the
// row stream (Rows), so they cannot differ in what they read.
type rowSource struct {
	name   string
	header []string
	// next returns the next record and its spreadsheet row number; io.EOF at the end.
	next  func() (n int, cells []string, err error)
	close func() error
	// decoded is how the text read so far was decoded where that was a guess or a choice
	// (see Decoding); nil for a workbook and for plain UTF-8. It can change as reading
	// goes on (a line in another code page), and always before the row it concerns is
	// given, so a row checked as it comes gets the findings a whole sheet would.
	decoded func() *Decoding
	// budgeted: the source holds its text to MaxSheetText itself (a workbook, whose
	// shared strings can make a small file name gigabytes of cells, whether the cells are
	// held or streamed). A CSV file's cells hold no more than the file does, so only a
	// reader that holds them all (readAll) bounds them.
	budgeted bool
	// ahead: parsing the source is most of the time of reading it (a workbook's XML), so
	// a stream reads it ahead on a goroutine of its own (prefetch). A CSV file's records
	// are not: handing them from one core to another cost more than parsing them there
	// (validate of a million work types 805 -> 734 ms without, pack 783 -> 769).
	ahead bool
	// slabs is the pool of the slabs the records are cut from (a CSV file's: see
	// slabPool); nil when they are not.
	slabs *slabPool
	// sheet is the worksheet read, for a workbook; numbers, when set, starts noting the
	// cells of the given columns stored as numbers, before the first record is read, and
	// returns what gives them for row n once it was read (see Row.Numbers).
	sheet   string
	numbers func(cols map[int]bool) func(n int) []int
}

// readAll reads a whole source into a sheet.
func readAll(src *rowSource, opt ReadOptions) (*Sheet, error) {
	b, err := newBuilder(src.name, src.header, opt)
	if err != nil {
		return nil, err
	}
	b.takeNumbers(src)
	var budget *textBudget
	if !src.budgeted {
		budget = newTextBudget(src.name)
		if err := budget.take(1, src.header); err != nil {
			return nil, err
		}
	}
	for {
		n, cells, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if budget != nil {
			if err := budget.take(n, cells); err != nil {
				return nil, err
			}
		}
		b.add(n, cells)
	}
	s, err := b.finish()
	if s != nil && src.decoded != nil {
		s.Decoded = src.decoded()
	}
	return s, err
}

// csvSource parses delimited text (see ReadCSV) as a stream of records: cells that are
// not valid UTF-8 in a UTF-8 file repaired and noted (textReader.fixCells), the formula
// protection of a file Bulkops wrote for people taken off when opt.Unprotect says so.
func csvSource(r io.Reader, name string, opt ReadOptions) (*rowSource, error) {
	t, err := newTextReader(r, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	cr, err := newCSVReader(t, name)
	if err != nil {
		return nil, err
	}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, readErr(name, 0, "", i18n.M("the file is empty; the first row must be the header row (the column names)"))
	}
	if err != nil {
		return nil, csvError(name, 1, err)
	}
	if err := t.fixCells(name, 1, header, nil); err != nil {
		return nil, err
	}
	if opt.Unprotect {
		unprotect(header)
	}
	n := 1
	next := func() (int, []string, error) {
		rec, err := cr.Read()
		n++
		if err == io.EOF {
			return n, nil, io.EOF
		}
		if err != nil {
			return n, nil, csvError(name, n, err)
		}
		if !t.allASCII() && !cr.recordASCII() { // ASCII needs no repair
			if err := t.fixCells(name, n, rec, header); err != nil {
				return n, nil, err
			}
		}
		if opt.Unprotect {
			unprotect(rec)
		}
		return n, rec, nil
	}
	return &rowSource{name: name, header: header, next: next, close: func() error { return nil }, decoded: t.decoding, slabs: cr.slabs}, nil
}
