package sheets

import (
	"bufio"
	"encoding/binary"
	"hash/maphash"
	"io"
	"os"
	"strings"

	"github.com/bulkops/bulkops/internal/namekey"
)

// dupIndex finds repeated keys over a stream with a 64-bit hash of each key, not the key:
// 8 bytes a record. A hash seen twice is a candidate that confirmDups checks on the keys
// themselves. Up to dupSpillAt hashes are kept in memory; past that each full buffer is
// handed to a spiller, which sorts it and writes it to a temporary file as a run while
// the check goes on, and seal merges the runs, so memory stays flat however long the
// file (3,000,000 records held 24 MB of hashes, and twice that while a list grew: the
// only part of a pack that grew with the rows).
type dupIndex struct {
	off  bool // a key column is missing: keys say nothing
	seed maphash.Seed
	buf  []uint64
	sp   *spiller            // nil until the first buffer is full
	dups map[uint64]struct{} // the hashes seen more than once, once sealed
	// scratch holds addName's lower-case key, reused record after record.
	scratch []byte
}

// dupSpillAt is how many hashes a buffer of the index holds (256 KiB) before it is
// spilled; a second buffer fills while the first is sorted (with a third as scratch) and
// written. Half what it was: a pack's memory is a few megabytes, and a million records
// make 31 runs to merge instead of 16, which costs nothing to speak of.
var dupSpillAt = 1 << 15

// dupRun is a sorted run of hashes in the spiller's file.
type dupRun struct{ off, n int64 }

func newDupIndex(off bool) *dupIndex {
	return &dupIndex{off: off, seed: maphash.MakeSeed()}
}

func (d *dupIndex) add(key string) {
	if d.off || blankKey(key) {
		return
	}
	d.addHash(maphash.String(d.seed, key))
}

// addName adds a record's key as namekey.Key makes it (add(namekey.Key(key))), without
// making that key as a string when it is plain ASCII: the lower-case copy was an
// allocation a record, garbage the collector ran for on the check's critical path.
func (d *dupIndex) addName(key string) {
	if d.off {
		return
	}
	t := strings.TrimSpace(key) // as namekey.Key; what is left is blank only when empty
	lower := d.scratch[:0]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 0x80 {
			d.add(namekey.Key(key))
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	d.scratch = lower
	if len(lower) > 0 {
		d.addHash(maphash.Bytes(d.seed, lower)) // the same hash as maphash.String of it
	}
}

func (d *dupIndex) addHash(h uint64) {
	if len(d.buf) >= dupSpillAt {
		if d.sp == nil {
			d.sp = startSpiller()
		}
		d.sp.in <- d.buf // waits while the previous buffer is being written
		select {
		case d.buf = <-d.sp.free:
		default:
			d.buf = nil
		}
	}
	if d.buf == nil {
		d.buf = make([]uint64, 0, min(dupSpillAt, 1<<12))
	}
	d.buf = append(d.buf, h)
}

// spiller sorts the full buffers it is handed and writes each as a run, on a goroutine
// of its own; what it cannot write (no temporary file, a full disk) it keeps in memory.
type spiller struct {
	in   chan []uint64 // unbuffered: at most two buffers exist, one filling, one written
	free chan []uint64 // a buffer written, for the next
	done chan struct{}
	file *os.File
	w    *bufio.Writer
	runs []dupRun
	kept [][]uint64 // sorted runs that could not be written
}

func startSpiller() *spiller {
	s := &spiller{in: make(chan []uint64), free: make(chan []uint64, 1), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		var tmp []uint64
		for b := range s.in {
			if cap(tmp) < len(b) {
				tmp = make([]uint64, len(b))
			}
			sortHashes(b, tmp[:len(b)])
			if !s.write(b) {
				s.kept = append(s.kept, b)
				continue
			}
			select {
			case s.free <- b[:0]:
			default:
			}
		}
	}()
	return s
}

// write appends b to the file as a run; a run cut short is not listed.
func (s *spiller) write(b []uint64) bool {
	if s.file == nil {
		f, err := os.CreateTemp("", "bulkops-keys-*")
		if err != nil {
			return false
		}
		s.file, s.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	off := int64(0)
	if n := len(s.runs); n > 0 {
		off = s.runs[n-1].off + 8*s.runs[n-1].n
	}
	var e [8]byte
	for _, h := range b {
		binary.LittleEndian.PutUint64(e[:], h)
		s.w.Write(e[:]) // the writer keeps its first error for Flush
	}
	if s.w.Flush() != nil {
		return false
	}
	s.runs = append(s.runs, dupRun{off: off, n: int64(len(b))})
	return true
}

// stop waits for the buffers handed over to be written.
func (s *spiller) stop() {
	if s.in != nil {
		close(s.in)
		<-s.done
		s.in = nil
	}
}

// release stops the spiller and removes its file: after seal, or when a check ends
// early. It may be called more than once.
func (d *dupIndex) release() {
	if d.sp == nil {
		return
	}
	d.sp.stop()
	if d.sp.file != nil {
		d.sp.file.Close()
		os.Remove(d.sp.file.Name())
	}
	d.sp = nil
}

// seal finds the hashes added more than once, frees the buffers and the file, and
// reports whether there are any.
func (d *dupIndex) seal() (bool, error) {
	d.dups = map[uint64]struct{}{}
	sortHashes(d.buf, make([]uint64, len(d.buf)))
	var err error
	if d.sp != nil {
		d.sp.stop()
		err = d.mergeRuns()
		d.release()
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

// mergeRuns finds the hashes that come more than once in the runs on file (each flushed
// when written), those kept in memory and the buffer. It is the tail of a check, with
// nothing left to overlap it, so it takes the hashes a range of values at a time: every
// run is sorted, so each gives a range's hashes in one go, and a small table of them
// tells a repeat. The hashes are evenly spread, so a range holds about dupRange of them
// however many there are (a k-way merge through a heap took 57 ms of a million records'
// tail, and more as the runs grew in number).
func (d *dupIndex) mergeRuns() error {
	sp := d.sp
	var rds []*runReader
	total := int64(len(d.buf))
	block := min(max(runsBudget/16/int64(max(len(sp.runs), 1)), 32), runBlock)
	for _, r := range sp.runs {
		rd := &runReader{r: io.NewSectionReader(sp.file, r.off, 8*r.n), left: r.n, block: block}
		if err := rd.next(); err != nil {
			return err
		}
		if rd.ok {
			rds = append(rds, rd)
		}
		total += r.n
	}
	for _, m := range append(sp.kept, d.buf) {
		if rd := (&runReader{mem: m}); len(m) > 0 {
			rd.next()
			rds = append(rds, rd)
		}
		total += int64(len(m))
	}
	bits := 0 // 2^bits ranges, told apart by the hashes' top bits
	for total>>bits > dupRange && bits < 32 {
		bits++
	}
	var set hashSet
	for r := uint64(0); r < 1<<bits; r++ {
		last := r == 1<<bits-1
		hi := (r + 1) << (64 - bits) // the first hash of the next range (unused for the last)
		set.reset(2 * dupRange)
		for _, rd := range rds {
			for rd.ok && (last || rd.cur < hi) {
				if set.add(rd.cur) {
					d.dups[rd.cur] = struct{}{}
				}
				if err := rd.next(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// dupRange is how many hashes mergeRuns takes at a time, about.
const dupRange = 4096

// hashSet is an open-addressing set of hashes, for mergeRuns: a hash is its own spread.
type hashSet struct {
	slots []uint64 // 0: empty (the hash 0 is zero)
	zero  bool
	n     int
}

// reset empties the set, with room for size hashes.
func (s *hashSet) reset(size int) {
	if len(s.slots) < size {
		s.slots = make([]uint64, size)
	} else {
		clear(s.slots)
	}
	s.zero, s.n = false, 0
}

// add adds h and reports whether it was there already.
func (s *hashSet) add(h uint64) bool {
	if h == 0 {
		was := s.zero
		s.zero = true
		return was
	}
	if 2*(s.n+1) > len(s.slots) { // more than half full: an uneven range, or a small set
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			s.slots[i] = h
			s.n++
			return false
		}
	}
}

func (s *hashSet) grow() {
	old := s.slots
	s.slots, s.n = make([]uint64, max(2*len(old), 16)), 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}

// has reports whether key's hash was added more than once (after seal).
func (d *dupIndex) has(key string) bool {
	if d.off || blankKey(key) {
		return false
	}
	_, ok := d.dups[maphash.String(d.seed, key)]
	return ok
}

// runReader reads one sorted run, from the file (a block at a time) or from memory.
type runReader struct {
	r     io.Reader // the run's part of the file; nil for a run in memory
	left  int64     // hashes of the file not read yet
	mem   []uint64  // hashes read and not taken yet (a run in memory: the run)
	dec   []uint64  // the block decoded from the file
	raw   []byte    // the block as read
	cur   uint64
	ok    bool  // cur holds a hash
	block int64 // hashes read from the file at a time (runBlock at most)
}

// runBlock is how many hashes a run's reader reads at a time at most: 4 KB, and as much
// decoded. With many runs each reads less, so that all of them hold runsBudget bytes in
// all: 3,000,000 records make 92 runs, 10,000,000 some 300, and the merge must not grow
// with them.
const (
	runBlock   = 512
	runsBudget = 256 << 10
)

func (rd *runReader) next() error {
	if len(rd.mem) == 0 && rd.r != nil && rd.left > 0 {
		n := min(rd.left, rd.block)
		if rd.raw == nil {
			rd.raw, rd.dec = make([]byte, 8*rd.block), make([]uint64, rd.block)
		}
		if _, err := io.ReadFull(rd.r, rd.raw[:8*n]); err != nil {
			return err
		}
		for i := range n {
			rd.dec[i] = binary.LittleEndian.Uint64(rd.raw[8*i:])
		}
		rd.mem, rd.left = rd.dec[:n], rd.left-n
	}
	if rd.ok = len(rd.mem) > 0; rd.ok {
		rd.cur, rd.mem = rd.mem[0], rd.mem[1:]
	}
	return nil
}
