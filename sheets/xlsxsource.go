package sheets

import (
	"errors"
	"io"
	"path"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// xlsxSource streams the chosen worksheet of an open workbook (see ReadXLSX). excelize
// picks the sheet and knows its styles; the rows come from the worksheet part read
// straight from the zip (open), a tag at a time (sheetScanner), its cells made into
// text as excelize would make them (xlsxCells). A workbook whose parts cannot be found
// that way is read through excelize's row iterator.
func xlsxSource(f *excelize.File, name string, opt ReadOptions, open func() (*Zip, error)) (*rowSource, error) {
	book, err := openBook(f, name, open)
	if err != nil {
		return nil, err
	}
	ws, err := pickWorksheet(book, name, opt.SheetName, opt.Object)
	if err != nil {
		book.close()
		return nil, err
	}
	src, err := book.sheetSource(name, ws)
	if err != nil {
		book.close()
		return nil, err
	}
	closeSheet := src.close
	src.close = func() error { closeSheet(); return book.close() }
	return src, nil
}

// bookParts is an open workbook as excelize has it (the sheet list, styles) and as a
// zip, with its shared strings read.
type bookParts struct {
	f   *excelize.File
	z   *Zip
	sst []string
}

// openBook opens workbook f as a zip too (open) and reads its shared strings once,
// for every worksheet read of it. The caller closes it; f stays the caller's.
func openBook(f *excelize.File, name string, open func() (*Zip, error)) (*bookParts, error) {
	z, err := open()
	if err != nil {
		return nil, readErr(name, 0, "", i18n.M("cannot read the workbook: %s", i18n.Of(err)))
	}
	sst, err := sharedStrings(z)
	if err != nil {
		z.Close()
		var re *ReadError
		if errors.As(err, &re) {
			return nil, err // a damaged part or a limit passed
		}
		return nil, readErr(name, 0, "", i18n.M("cannot read the workbook's shared strings: %v", i18n.Of(err)))
	}
	return &bookParts{f: f, z: z, sst: sst}, nil
}

func (b *bookParts) close() error { return b.z.Close() }

// sheetSource streams worksheet ws of the book, its part checked whole as it is read
// (partCheck); closing the source leaves the book open.
func (b *bookParts) sheetSource(name, ws string) (*rowSource, error) {
	e := zipEntryNamed(b.z, worksheetPart(b.z, ws))
	if e == nil {
		return excelizeSource(b.f, name, ws)
	}
	rc, err := e.Open()
	if err != nil {
		return nil, readErr(name, 0, "", i18n.M("cannot read sheet %q: %v", ws, i18n.Of(err)))
	}
	pc := &partCheck{e: e}
	rd := b.rows(pc.reader(rc))
	rd.whole = sync.OnceValue(func() error { return pc.finish(rd.sc.tok.rest()) })
	return rowsSource(name, ws, rd.next, rc.Close, rd.numbers)
}

// rows scans a worksheet part's rows.
func (b *bookParts) rows(r io.Reader) *scannedRows {
	return &scannedRows{sc: newSheetScanner(r), cells: &xlsxCells{f: b.f, sst: b.sst}}
}

// rowsSource is the source of a worksheet whose rows next gives: it reads the header
// and holds the cells' text to the budget.
func rowsSource(name, ws string, next func() (int, []string, error), closeFn func() error,
	numbers func(map[int]bool) func(int) []int) (*rowSource, error) {
	budget := newTextBudget(name)
	budgeted := func() (int, []string, error) {
		n, cells, err := next()
		if err == io.EOF {
			return n, nil, err
		}
		if err != nil {
			return n, nil, sheetErr(name, n, ws, err)
		}
		if err := budget.take(n, cells); err != nil {
			return n, nil, err
		}
		return n, cells, nil
	}
	_, header, err := budgeted()
	if err == io.EOF {
		closeFn()
		return nil, readErr(name, 0, "", i18n.M("sheet %q is empty; its first row must be the header row (the column names)", ws))
	}
	if err != nil {
		closeFn()
		return nil, err
	}
	return &rowSource{name: name, header: header, next: budgeted, close: closeFn, budgeted: true, ahead: true, sheet: ws, numbers: numbers}, nil
}

// sheetErr names the sheet an error of reading row n of it is about; a damaged part or
// a limit passed is the whole workbook's error, as it stands.
func sheetErr(name string, n int, ws string, err error) error {
	var re *ReadError
	if errors.As(err, &re) {
		return err
	}
	return readErr(name, n, "", i18n.M("sheet %q: %v", ws, i18n.Of(err)))
}

// excelizeSource reads worksheet ws through excelize's row iterator.
func excelizeSource(f *excelize.File, name, ws string) (*rowSource, error) {
	rows, err := f.Rows(ws)
	if err != nil {
		return nil, readErr(name, 0, "", i18n.M("cannot read sheet %q: %v", ws, i18n.Of(err)))
	}
	n := 0
	next := func() (int, []string, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return n, nil, err
			}
			return n, nil, io.EOF
		}
		n++
		cells, err := rows.Columns()
		return n, cells, err
	}
	return rowsSource(name, ws, next, rows.Close, nil)
}

// scannedRows gives a scanned worksheet's rows in order, an empty one for each row
// number the sheet skips (as excelize does), and notes which cells were numbers.
type scannedRows struct {
	sc      *sheetScanner
	cells   *xlsxCells
	n       int // the last row number given
	pending []string
	pendN   int
	nums    []int
	log     *numberLog
	whole   func() error // when set, reads the rest of the part and checks it was whole
}

func (r *scannedRows) next() (int, []string, error) {
	if r.pendN == 0 {
		n, raw, err := r.sc.nextRow()
		if err != nil && r.whole != nil {
			// the last row waits for the check, and any error a damaged part caused
			// gives way to the check's clearer one
			if werr := r.whole(); werr != nil {
				err = werr
			}
		}
		if err != nil {
			return r.n + 1, nil, err
		}
		cells, err := r.cells.values(raw, &r.nums)
		if err != nil {
			return n, nil, err
		}
		r.pending, r.pendN = cells, max(n, r.n+1)
		if r.log != nil {
			r.log.put(r.pendN, r.nums)
		}
	}
	r.n++
	if r.n < r.pendN {
		return r.n, nil, nil
	}
	cells := r.pending
	r.pending, r.pendN = nil, 0
	return r.n, cells, nil
}

// numbers starts noting the cells of columns cols stored as numbers (see
// rowSource.numbers); the rows given before were the header's.
func (r *scannedRows) numbers(cols map[int]bool) func(int) []int {
	r.log = &numberLog{cols: cols, rows: map[int][]int{}}
	return r.log.take
}

// numberLog hands the cells stored as numbers from the goroutine that reads rows ahead
// (prefetch) to the one that makes them into records; each row's are taken once.
type numberLog struct {
	cols map[int]bool
	mu   sync.Mutex
	rows map[int][]int
}

func (l *numberLog) put(n int, nums []int) {
	if len(nums) == 0 {
		return
	}
	var kept []int
	for _, c := range nums {
		if l.cols[c] {
			kept = append(kept, c)
		}
	}
	if kept == nil {
		return
	}
	l.mu.Lock()
	l.rows[n] = kept
	l.mu.Unlock()
}

func (l *numberLog) take(n int) []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	cols := l.rows[n]
	delete(l.rows, n)
	return cols
}

// zipEntryNamed is the entry named name, nil when there is none.
func zipEntryNamed(z *Zip, name string) *ZipEntry {
	for _, e := range z.Entries {
		if e.Name == name && name != "" {
			return e
		}
	}
	return nil
}

// sharedStrings reads the workbook's shared strings (none when it has no such part).
func sharedStrings(z *Zip) ([]string, error) {
	e := zipEntryNamed(z, sharedStringsPart(z))
	if e == nil {
		return nil, nil
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	pc := &partCheck{e: e}
	tee := pc.reader(rc)
	sst, err := readSharedStrings(tee)
	if werr := pc.finish(tee); werr != nil {
		return nil, werr
	}
	return sst, err
}

// sharedStringsPart is the part the workbook's relationships name for its shared
// strings, xl/sharedStrings.xml by default.
func sharedStringsPart(z *Zip) string {
	rels := entryText(z, "xl/_rels/workbook.xml.rels")
	for _, tag := range relTagRe.FindAllString(rels, -1) {
		typ, tgt := typeAttrRe.FindStringSubmatch(tag), tgtAttrRe.FindStringSubmatch(tag)
		if typ == nil || tgt == nil || path.Base(typ[1]) != "sharedStrings" {
			continue
		}
		if t := tgt[1]; len(t) > 0 && t[0] == '/' {
			return t[1:]
		}
		return path.Join("xl", tgt[1])
	}
	return "xl/sharedStrings.xml"
}
