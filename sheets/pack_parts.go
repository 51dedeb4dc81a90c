package sheets

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
)

// partWriter splits the records of a sheet, a group at a time, into the CSV files of a
// package (at most lim.MaxRecords records and lim.MaxBytes bytes each, a parent/child
// group never split) and encodes each file as it fills, handing it on when it is full.
// Every file is byte for byte what WriteCSV writes for its records.
type partWriter struct {
	h      *Sheet // header
	lim    Limits
	ncols  int
	header []string
	hlen   int64
	emit   func(part packPart) // a full file, in order; the receiver may give its text back (freePart)
	buf    *bytes.Buffer       // the file being written, when it is not deflated as it is written
	bw     *bufio.Writer
	open   bool // a file is being written
	// deflate has each file deflated as it is written (a zip's files: see partDeflater).
	deflate bool
	zw      *partDeflater
	recs    int
	size    int64
	rec     []string
	n       int // records written
	parts   int
	err     error
	// spelled are the columns whose values are packed in the catalog's spelling (ON/OFF,
	// true/false), however the user typed them.
	spelled []spelledColumn
	// keep has the writer keep each file's records, as written, in kept (a sheet per
	// file, named by the caller): what reading the file back would give.
	keep bool
	kept []*Sheet
	cur  []Row
}

func newPartWriter(h *Sheet, lim Limits, emit func(packPart)) *partWriter {
	p := &partWriter{h: h, lim: lim, ncols: len(h.Columns), header: h.Headers(), emit: emit}
	p.hlen = int64(packRecordLen(p.header, p.ncols))
	p.rec = make([]string, p.ncols)
	p.spelled = spelledColumns(h)
	return p
}

// group adds the records of one group; size is their CSV size (packRecordLen).
func (p *partWriter) group(rows []Row, size int64) {
	if p.err != nil {
		return
	}
	if len(rows) > p.lim.MaxRecords || p.hlen+size > p.lim.MaxBytes {
		p.err = i18n.Errorf("%s %q on rows %d–%d (%d records, %s) does not fit in one file of %d records and %s",
			lowerTitle(p.h.Object.Title), p.key(rows[0]), RowNumber(p.n), RowNumber(p.n+len(rows)-1), len(rows),
			formatBytes(p.hlen+size), p.lim.MaxRecords, formatBytes(p.lim.MaxBytes))
		return
	}
	if p.recs > 0 && (p.recs+len(rows) > p.lim.MaxRecords || p.size+size > p.lim.MaxBytes) {
		p.flush()
	}
	if !p.open {
		p.start()
	}
	plain := size == plainSize(rows, p.ncols) // no field to quote or to picture: write as is
	for _, r := range rows {
		if lastFilled(r.Cells) >= p.ncols { // blank cells past the header are no data (Excel leaves them)
			p.err = i18n.Errorf("%s:%d: the row has %d cells but the sheet has %d columns; nothing written",
				p.h.File, RowNumber(p.n), len(r.Cells), p.ncols)
			return
		}
		clear(p.rec)
		copy(p.rec, r.Cells)
		respell(p.rec, p.spelled)
		if plain {
			writePlain(p.bw, p.rec)
		} else {
			writeRecord(p.bw, p.rec, WriteOptions{})
		}
		if p.keep {
			p.keepRecord(plain)
		}
		p.n++
	}
	p.recs += len(rows)
	p.size += size
}

// start opens the next file and writes its header.
func (p *partWriter) start() {
	var w io.Writer
	if p.deflate {
		if p.zw == nil {
			p.zw = newPartDeflater()
		}
		p.zw.reset()
		w = p.zw
	} else {
		p.buf = bytes.NewBuffer(newPart(int(min(p.lim.MaxBytes, 1<<20))))
		w = p.buf
	}
	if p.bw == nil {
		p.bw = bufio.NewWriterSize(w, 64<<10)
	}
	p.bw.Reset(w)
	writeRecord(p.bw, p.header, WriteOptions{})
	p.size, p.open = p.hlen, true
}

// flush hands the file being filled on, after checking it came out at its planned size
// (the plan is what keeps files under MaxBytes).
func (p *partWriter) flush() {
	if !p.open || p.err != nil {
		return
	}
	p.bw.Flush()
	written := int64(0)
	if p.deflate {
		written = int64(p.zw.n)
	} else {
		written = int64(p.buf.Len())
	}
	if written != p.size {
		p.err = i18n.Errorf("internal error: rows %d–%d came out %d bytes, planned %d", RowNumber(p.n-p.recs), RowNumber(p.n-1), written, p.size)
		return
	}
	p.parts++
	if p.keep {
		p.kept = append(p.kept, &Sheet{Object: p.h.Object, Columns: p.h.Columns, Rows: p.cur})
		p.cur = nil
	}
	if p.deflate {
		p.emit(packPart{z: p.zw.finish()})
	} else {
		p.emit(packPart{raw: p.buf.Bytes()})
	}
	p.buf, p.recs, p.open = nil, 0, false
}

// keepRecord keeps the record just written as the file holds it: respelled, and with
// a control character as the picture writeRecord wrote (plain: nothing to picture).
func (p *partWriter) keepRecord(plain bool) {
	cells := append(make([]string, 0, p.ncols), p.rec...)
	if !plain {
		for i, c := range cells {
			cells[i] = outField(c, WriteOptions{})
		}
	}
	p.cur = append(p.cur, Row{Cells: cells})
}

func (p *partWriter) key(r Row) string {
	var ks []string
	for _, k := range p.h.Object.KeyColumns {
		ks = append(ks, rowCell(r.Cells, p.h.Index(k)))
	}
	return strings.Join(ks, ", ")
}

// partBufs holds the buffers of files already compressed and written, for the next
// files: a package of a million records is 200 files, and each would be a fresh megabyte.
var partBufs sync.Pool // *[]byte

func newPart(size int) []byte {
	if b, ok := partBufs.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, size)
}

// freePart gives a file handed on by emit back once it is no longer needed.
func freePart(b []byte) {
	b = b[:0]
	partBufs.Put(&b)
}

// lowerTitle is an object type's title in lower case, as a message argument.
type lowerTitle string

func (t lowerTitle) In(code string) string {
	if code == i18n.English {
		return strings.ToLower(string(t))
	}
	return lowerWords(strings.Fields(i18n.Text(code, string(t))))
}
