package sheets

import (
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
)

// RowStream is the records of a sheet read one at a time, so a file of millions of rows
// is checked and packed without being held: Header is the sheet without its rows (object
// type, file, columns), Next reads the next record, Row returns it. A stream gives exactly
// the records ReadFile would give (blank rows at the end dropped, short rows padded), but
// a row may hold more cells than the header has columns when it has values in nameless
// columns (ReadFile widens the sheet for them; a checker reports them).
type RowStream interface {
	Header() *Sheet
	Next() bool
	Row() Row
	Err() error // the error that ended the stream; nil at its end
	Close() error
	// Decoded is how the text read so far was decoded where that was a guess or a
	// choice (see Sheet.Decoded), for the findings on the row just given; nil for plain
	// UTF-8 and workbooks.
	Decoded() *Decoding
}

// OpenRows opens a file as a RowStream, chosen by its extension as ReadFile does; a zip's
// entries (or several files: see MergeRows) are one stream of one object type.
func OpenRows(p string, opt ReadOptions) (RowStream, error) {
	switch ext := strings.ToLower(filepath.Ext(p)); ext {
	case ".csv", ".txt", ".tsv":
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		src, err := csvSource(f, p, opt)
		if src, err = closing(src, err, f); err != nil {
			return nil, err
		}
		rs, err := newRows(src, opt)
		if err != nil {
			return nil, err
		}
		rs.at = fileAt(f)
		return rs, nil
	case ".xlsx", ".xlsm":
		return openXLSXRows(p, opt)
	case ".zip":
		return openZipRows(p, opt)
	default:
		return nil, unreadable(p, ext)
	}
}

// openXLSXRows streams a workbook on disk. Whether it is whole (checkXLSX, which
// unpacks every part once) is checked on another core while its rows are read: the
// stream ends with the check's error, not its end, when the workbook is damaged, and
// every error the damage may have caused on the way gives way to that clearer one.
func openXLSXRows(p string, opt ReadOptions) (rs RowStream, err error) {
	var s *Sheet
	defer recoverXLSX(p, &s, &err)
	whole := make(chan error, 1)
	go func() {
		z, zerr := OpenZip(p)
		whole <- checkXLSX(p, z, zerr)
	}()
	verify := sync.OnceValue(func() error { return <-whole })
	damaged := func(err error) error {
		if verr := verify(); verr != nil {
			return verr
		}
		return err
	}
	f, err := openLightFile(p)
	if err != nil {
		return nil, damaged(err)
	}
	src, err := xlsxSource(f, p, opt, func() (*Zip, error) { return OpenZip(p) })
	if err != nil {
		err = damaged(err)
	}
	if src, err = closing(src, err, f); err != nil {
		return nil, err
	}
	next, closeSrc := src.next, src.close
	src.next = func() (int, []string, error) {
		n, cells, err := next()
		if err != nil {
			err = damaged(err)
		}
		return n, cells, err
	}
	src.close = func() error { verify(); return closeSrc() }
	return newRows(src, opt)
}

// openZipRows streams the sheets of a zip one after the other, as one sheet.
func openZipRows(p string, opt ReadOptions) (RowStream, error) {
	z, err := OpenZip(p)
	if err != nil {
		return nil, err
	}
	var parts []RowStream
	for _, e := range z.Entries {
		rs, err := openEntryRows(e, opt)
		if err != nil {
			closeAll(parts)
			z.Close()
			return nil, err
		}
		parts = append(parts, rs)
	}
	if len(parts) == 0 {
		z.Close()
		return nil, readErr(z.Name, 0, "", i18n.M("holds no CSV or XLSX files"))
	}
	m, err := MergeRows(p, parts)
	if err != nil {
		z.Close()
		return nil, err
	}
	m.(*mergedRows).after = z.Close
	return m, nil
}

func openEntryRows(e *ZipEntry, opt ReadOptions) (RowStream, error) {
	ext := strings.ToLower(path.Ext(e.Name))
	if ext != ".csv" && ext != ".txt" && ext != ".tsv" && ext != ".xlsx" && ext != ".xlsm" {
		return nil, readErr(e.Path(), 0, "", i18n.M("not a CSV or XLSX file; a zip of sheets may hold only .csv, .txt, .tsv and .xlsx files (audio files are opened as an audio zip)"))
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	var src *rowSource
	if ext == ".xlsx" || ext == ".xlsm" {
		src, err = xlsxReaderSource(rc, e.Path(), opt)
	} else {
		src, err = csvSource(rc, e.Path(), opt)
	}
	if src, err = closing(src, err, rc); err != nil {
		return nil, err
	}
	return newRows(src, opt)
}

func xlsxReaderSource(r io.Reader, name string, opt ReadOptions) (src *rowSource, err error) {
	var s *Sheet
	defer recoverXLSX(name, &s, &err)
	f, data, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	src, err = xlsxSource(f, name, opt, func() (*Zip, error) {
		return NewZipReader(bytes.NewReader(data), int64(len(data)), name)
	})
	return closing(src, err, f)
}

// closing makes closing a source close c too, what it reads from; when opening the
// source failed, it closes c at once.
func closing(src *rowSource, err error, c io.Closer) (*rowSource, error) {
	if err != nil {
		c.Close()
		return nil, err
	}
	prev := src.close
	src.close = func() error { prev(); return c.Close() }
	return src, nil
}

func closeAll(ss []RowStream) {
	for _, s := range ss {
		s.Close()
	}
}

// fileRows is the stream of one file's records, made by a builder in row mode.
type fileRows struct {
	src    *rowSource
	b      *builder
	header *Sheet
	row    Row
	blanks int // blank records held back: dropped when only blanks follow, as ReadFile does
	held   Row // the record that ended a run of blanks, given after them (when hasHeld)
	// hasHeld: held holds a record (a value, not a pointer: a pointer cost an allocation
	// a record)
	hasHeld bool
	err     error
	done    bool
	at      func() (read, size int64) // how far into its file; nil when not known (see Position)
	// given is the row number of the last record given from the source (a blank row given
	// before a held record is a new one, not the source's), heldN the held record's.
	given, heldN int
	// snap copies the source's decoding when it changes: a check reads it on another
	// goroutine while the source's reader goes on extending its own.
	snap decodingSnapshot
}

func newRows(src *rowSource, opt ReadOptions) (*fileRows, error) {
	b, err := newBuilder(src.name, src.header, opt)
	if err != nil {
		src.close()
		return nil, err
	}
	b.takeNumbers(src)
	if src.ahead {
		src = prefetch(src)
	}
	named := b.named
	if b.msg >= 0 {
		named--
	}
	h := &Sheet{Object: b.s.Object, File: b.s.File, Columns: b.s.Columns[:min(named, len(b.s.Columns))]}
	return &fileRows{src: src, b: b, header: h}, nil
}

func (r *fileRows) Header() *Sheet { return r.header }
func (r *fileRows) Row() Row       { return r.row }
func (r *fileRows) Err() error     { return r.err }
func (r *fileRows) Close() error   { return r.src.close() }

func (r *fileRows) Decoded() *Decoding { return r.snap.of(r.src) }

func (r *fileRows) Next() bool {
	for {
		if r.blanks > 0 && r.hasHeld {
			r.blanks--
			r.row = Row{Cells: make([]string, len(r.header.Columns))}
			return true
		}
		if r.hasHeld {
			r.row, r.held, r.hasHeld, r.given = r.held, Row{}, false, r.heldN
			return true
		}
		if r.done {
			return false
		}
		n, cells, err := r.src.next()
		if err != nil {
			r.done = true
			if err != io.EOF {
				r.err = err
			} else {
				r.err = r.b.longError()
			}
			return false
		}
		row := r.b.row(n, cells)
		if row.Message == "" && blank(row.Cells) {
			r.blanks++
			continue
		}
		if r.blanks == 0 { // no blank rows to give first: given as it comes
			r.row, r.given = row, n
			return true
		}
		r.held, r.hasHeld, r.heldN = row, true, n
	}
}

func (r *fileRows) recycle()       { r.src.slabs.arm() }
func (r *fileRows) mark() slabMark { return slabMark{r.src.slabs, int64(r.given)} }
