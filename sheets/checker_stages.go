package sheets

// The streaming check of one sheet runs as two stages on two goroutines, so that on two
// cores the checks do not wait for the reading and the reading not for the checks (a
// million work types: one goroutine did both, some 0.7 s of CPU, while parsing and
// compressing the same records took as much again on the other core, which sat idle
// much of the time). The first stage (the caller's goroutine) takes each record from the
// stream, works out whether it starts a parent/child group, adds its key's hash to the
// duplicate index and measures its CSV size; the second checks the records, in order, as
// rowChecker.check: its findings, the groups and what is handed to the packer come in the
// same order as on one goroutine, so the report and the package are the same.

// stagedRow is a record as the first stage hands it on.
type stagedRow struct {
	row   Row
	dec   *Decoding // the stream's decoding when the record was read
	size  int64     // its CSV size (packRecordLen)
	start bool      // it starts a group (or is a record of a type without groups)
	mark  slabMark  // where it was carved (see slabPool)
}

const (
	stageBatch    = 256 // records handed over at a time: the hand-over costs nothing next to them
	stageInFlight = 4   // batches queued: enough to ride out a pause of either side
)

// stages connects the two: batches go to the second stage and come back empty. It is
// the first stage's own: it holds what the first stage reads as well as what it writes,
// so that the first stage never reads the rowChecker, whose counts the second stage
// writes for every record. Reading a field beside those on the other core cost a miss
// of its cache line a record (0.18 s of CPU in a million work types).
type stages struct {
	_    cacheLinePad
	cur  []stagedRow
	out  chan []stagedRow
	free chan []stagedRow
	done chan struct{}
	read int // records the first stage has taken
	// prev is the key of the record before, to tell a group's start: a copy, as the
	// record's slab may be written over once the packer has written it.
	prev  []byte
	l     *checkLayout
	dups  *dupIndex
	ncols int
	_     cacheLinePad
}

// cacheLinePad keeps what one goroutine writes off the cache lines another reads.
type cacheLinePad [64]byte

// startStages starts the second stage on a goroutine of its own.
func (k *rowChecker) startStages() {
	s := &stages{out: make(chan []stagedRow, stageInFlight), free: make(chan []stagedRow, stageInFlight+2),
		done: make(chan struct{}), l: k.st.l, dups: k.dups, ncols: k.st.ncols}
	k.stages = s
	in := s.out // send clears s.out, maybe before the goroutine has begun
	go func() {
		defer close(s.done)
		for b := range in {
			for i := range b {
				k.check(&b[i])
			}
			clear(b) // the records go with the batch, not with its reuse
			select {
			case s.free <- b[:0]:
			default:
			}
		}
	}()
}

// add is the first stage: it takes one record from the stream.
func (s *stages) add(row Row, dec *Decoding, mark slabMark) {
	l := s.l
	key := keyOf(l, row.Cells)
	start := !l.group || s.read == 0 || key != string(s.prev)
	if start {
		s.dups.addName(key)
	}
	if l.group {
		s.prev = append(s.prev[:0], key...)
	}
	s.read++
	if s.cur == nil {
		select {
		case s.cur = <-s.free:
		default:
			s.cur = make([]stagedRow, 0, stageBatch)
		}
	}
	s.cur = append(s.cur, stagedRow{row: row, dec: dec, size: int64(packRecordLen(row.Cells, s.ncols)), start: start, mark: mark})
	if len(s.cur) == stageBatch {
		s.out <- s.cur
		s.cur = nil
	}
}

// send hands on what is left and tells the second stage no more comes, without waiting
// for it. It may be called more than once.
func (s *stages) send() {
	if s.out == nil {
		return
	}
	if len(s.cur) > 0 {
		s.out <- s.cur
	}
	s.cur = nil
	close(s.out)
	s.out = nil
}

// close sends what is left and waits for the second stage to have checked everything.
// It may be called more than once.
func (s *stages) close() {
	s.send()
	<-s.done
}
