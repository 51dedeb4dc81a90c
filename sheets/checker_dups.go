package sheets

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"hash/maphash"
	"io"
	"os"
	"slices"
)

// dupIndex finds repeated keys over a stream with a 64-bit hash of each key, not the key:
// 8 bytes a record. A hash seen twice is a candidate that confirmDups checks on the keys
// themselves. Up to dupSpillAt hashes are kept in memory; past that each full buffer is
// sorted and written to a temporary file as a run, and seal merges the runs, so memory
// stays flat however long the file (3,000,000 records held 24 MB of hashes, and twice
// that while a list grew: the only part of a pack that grew with the rows).
type dupIndex struct {
	off  bool // a key column is missing: keys say nothing
	seed maphash.Seed
	buf  []uint64
	runs []dupRun // sorted runs written to file
	file *os.File // the runs, nil until the first spill
	w    *bufio.Writer
	dups map[uint64]struct{} // the hashes seen more than once, once sealed
	// noSpill: the temporary file could not be written; the hashes stay in memory.
	noSpill bool
}

// dupSpillAt is how many hashes the index keeps in memory (1 MiB) before it spills.
var dupSpillAt = 1 << 17

// dupRun is a sorted run of hashes in the index's file.
type dupRun struct{ off, n int64 }

func newDupIndex(off bool) *dupIndex {
	return &dupIndex{off: off, seed: maphash.MakeSeed()}
}

func (d *dupIndex) add(key string) {
	if d.off || blankKey(key) {
		return
	}
	if len(d.buf) >= dupSpillAt && !d.noSpill {
		d.spill()
	}
	if d.buf == nil {
		d.buf = make([]uint64, 0, min(dupSpillAt, 1<<12))
	}
	d.buf = append(d.buf, maphash.String(d.seed, key))
}

// spill writes the buffer, sorted, as a run; when it cannot, the hashes stay in memory.
func (d *dupIndex) spill() {
	slices.Sort(d.buf)
	if d.file == nil {
		f, err := os.CreateTemp("", "bulkops-keys-*")
		if err != nil {
			d.noSpill = true
			return
		}
		d.file, d.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	off := int64(0)
	if n := len(d.runs); n > 0 {
		off = d.runs[n-1].off + 8*d.runs[n-1].n
	}
	var b [8]byte
	for _, h := range d.buf {
		binary.LittleEndian.PutUint64(b[:], h)
		d.w.Write(b[:]) // the writer keeps its first error for Flush
	}
	if d.w.Flush() != nil {
		d.noSpill = true // a run cut short is not listed: its hashes stay in buf
		return
	}
	d.runs = append(d.runs, dupRun{off: off, n: int64(len(d.buf))})
	d.buf = d.buf[:0]
}

// seal finds the hashes added more than once, frees the buffer and the file, and reports
// whether there are any.
func (d *dupIndex) seal() (bool, error) {
	d.dups = map[uint64]struct{}{}
	slices.Sort(d.buf)
	var err error
	if d.file != nil {
		err = d.mergeRuns()
		d.file.Close()
		os.Remove(d.file.Name())
		d.file, d.w, d.runs = nil, nil, nil
	} else {
		for j := 1; j < len(d.buf); j++ {
			if d.buf[j] == d.buf[j-1] {
				d.dups[d.buf[j]] = struct{}{}
			}
		}
	}
	d.buf = nil
	return len(d.dups) > 0, err
}

// mergeRuns merges the runs on file (each flushed when written) and the buffer in
// order, noting each hash that comes twice.
func (d *dupIndex) mergeRuns() error {
	hs := make(runHeap, 0, len(d.runs)+1)
	for _, r := range d.runs {
		rd := &runReader{r: bufio.NewReaderSize(io.NewSectionReader(d.file, r.off, 8*r.n), 8<<10), left: r.n}
		if err := rd.next(); err != nil {
			return err
		}
		if rd.ok {
			hs = append(hs, rd)
		}
	}
	if len(d.buf) > 0 {
		rd := &runReader{mem: d.buf}
		rd.next()
		hs = append(hs, rd)
	}
	heap.Init(&hs)
	var prev uint64
	first := true
	for len(hs) > 0 {
		rd := hs[0]
		if !first && rd.cur == prev {
			d.dups[prev] = struct{}{}
		}
		prev, first = rd.cur, false
		if err := rd.next(); err != nil {
			return err
		}
		if rd.ok {
			heap.Fix(&hs, 0)
		} else {
			heap.Pop(&hs)
		}
	}
	return nil
}

// has reports whether key's hash was added more than once (after seal).
func (d *dupIndex) has(key string) bool {
	if d.off || blankKey(key) {
		return false
	}
	_, ok := d.dups[maphash.String(d.seed, key)]
	return ok
}

// runReader reads one sorted run, from the file or (mem) from memory.
type runReader struct {
	r    *bufio.Reader
	left int64
	mem  []uint64
	cur  uint64
	ok   bool // cur holds a hash
}

func (rd *runReader) next() error {
	if rd.r == nil {
		rd.ok = len(rd.mem) > 0
		if rd.ok {
			rd.cur, rd.mem = rd.mem[0], rd.mem[1:]
		}
		return nil
	}
	if rd.ok = rd.left > 0; !rd.ok {
		return nil
	}
	var b [8]byte
	if _, err := io.ReadFull(rd.r, b[:]); err != nil {
		return err
	}
	rd.cur, rd.left = binary.LittleEndian.Uint64(b[:]), rd.left-1
	return nil
}

// runHeap orders the runs by their current hash.
type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return h[i].cur < h[j].cur }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
