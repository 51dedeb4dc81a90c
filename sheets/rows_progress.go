package sheets

import (
	"io"
	"os"

	"github.com/bulkops/bulkops/internal/progress"
)

// progressEvery is how many rows a counted stream reads between two reports.
const progressEvery = 1000

// positioned is a stream that knows how far into what it reads it has got, in bytes:
// a CSV file on disk, and a merge of such files. A workbook or a zip's entry does not.
type positioned interface {
	Position() (read, size int64) // size 0: not known
}

// fileAt is how far the reads of f have got and f's size. The offset runs ahead of the
// rows given by what the buffers hold: at most a few hundred kilobytes.
func fileAt(f *os.File) func() (int64, int64) {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return nil
	}
	size := fi.Size()
	return func() (int64, int64) {
		off, err := f.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, 0
		}
		return min(off, size), size
	}
}

func (r *fileRows) Position() (int64, int64) {
	if r.at == nil {
		return 0, 0
	}
	return r.at()
}

// Position of a merge: the parts before the one being read were read whole.
func (m *mergedRows) Position() (read, size int64) {
	for i, p := range m.parts {
		pp, ok := p.(positioned)
		if !ok {
			return 0, 0
		}
		r, s := pp.Position()
		if s == 0 {
			return 0, 0
		}
		if i < m.i {
			r = s
		}
		read, size = read+r, size+s
	}
	return read, size
}

// countedRows is a stream that tells report the rows read every progressEvery rows,
// with the share of the bytes read when its stream knows it, and the total at its end.
type countedRows struct {
	RowStream
	report progress.Func
	n      int
	ended  bool // the total was reported
}

func countRows(rs RowStream, report progress.Func) RowStream {
	if report == nil {
		return rs
	}
	return &countedRows{RowStream: rs, report: report}
}

func (c *countedRows) recycle()       { recycle(c.RowStream) }
func (c *countedRows) mark() slabMark { return markOf(c.RowStream) }

func (c *countedRows) Next() bool {
	if !c.RowStream.Next() {
		if !c.ended && c.RowStream.Err() == nil {
			c.ended = true
			c.report(progress.Count{Done: c.n, Total: c.n, Share: 1})
		}
		return false
	}
	c.n++
	if c.n%progressEvery == 0 {
		n := progress.Count{Done: c.n}
		if p, ok := c.RowStream.(positioned); ok {
			if read, size := p.Position(); size > 0 {
				n.Share = float64(read) / float64(size)
			}
		}
		c.report(n)
	}
	return true
}
