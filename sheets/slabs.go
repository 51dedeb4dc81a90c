package sheets

import (
	"sync/atomic"
)

// Slabs written over. The CSV scanner cuts each record's cells out of slabs of text and of
// strings (csvscan.go), and a cell keeps its slab alive; so a pack of a million work types
// turned 125 MB of text slabs and 48 MB of cell slabs into garbage, some 65 collections,
// whose marking and write barriers were a fifth of the pack's CPU (GOGC=400 took 0.84 s
// to 0.69 s, for 62 MB peak instead of 38). A stream whose one reader is done with each
// record once it has gone past lets the scanner write the next records over those slabs.
//
// That is safe only if nothing keeps a cell past that point, so a pool does nothing until
// the reader arms it (only pack does: once a record is written into its file, nothing
// refers to it; the findings it keeps are detached copies, see findingSink.add). The
// protocol:
//
//   - the scanner numbers the records it carves as its source numbers its rows (the
//     header is 1), and each slab remembers the last record carved from it;
//   - the reader releases n: no record up to row n is referred to any more;
//   - a slab filled while the pool was armed goes to a queue, and is taken from there to
//     be written over once its last record is released. A slab the reader has not
//     released when the queue is full is left to the collector, never written over, so
//     a reader that stops releasing (a pack that found an error writes nothing) costs
//     what the pool saves, nothing more.
type slabPool struct {
	armed    atomic.Bool
	released atomic.Int64
	text     slabQueue[byte]
	cells    slabQueue[string]
}

// slabQueueLen bounds a queue: slabs in flight between the scanner and the reader (some
// 3,500 records on a pack's hand-overs: 30 text slabs of work types, 120 of wide users).
const slabQueueLen = 256

// poisonSlabs, set by tests, fills a slab with junk before it is written over, so that a
// cell kept past its release reads as junk rather than as a plausible later value.
var poisonSlabs bool

// slabsReused counts the slabs written over, for tests that must see it happen.
var slabsReused atomic.Int64

func newSlabPool() *slabPool { return &slabPool{} }

// arm starts the recycling; the reader then owes the pool its releases.
func (p *slabPool) arm() {
	if p != nil {
		p.armed.Store(true)
	}
}

// release tells the pool that no record up to row n is referred to any more.
func (p *slabPool) release(n int64) {
	if p == nil {
		return
	}
	for {
		cur := p.released.Load()
		if n <= cur || p.released.CompareAndSwap(cur, n) {
			return
		}
	}
}

// usedSlab is a slab in the queue and the last record carved from it.
type usedSlab[T any] struct {
	buf  []T
	last int64
}

// slabQueue is a ring of filled slabs, oldest first; only the scanner's goroutine uses it.
type slabQueue[T any] struct {
	ring       []usedSlab[T]
	head, size int
}

// put queues a filled slab; when the queue is full its oldest slab is let go.
func (q *slabQueue[T]) put(buf []T, last int64) {
	if q.ring == nil {
		q.ring = make([]usedSlab[T], slabQueueLen)
	}
	if q.size == len(q.ring) {
		q.ring[q.head] = usedSlab[T]{}
		q.head = (q.head + 1) % len(q.ring)
		q.size--
	}
	q.ring[(q.head+q.size)%len(q.ring)] = usedSlab[T]{buf: buf, last: last}
	q.size++
}

// take returns the oldest slab when its records are released, else nil.
func (q *slabQueue[T]) take(released int64) []T {
	if q.size == 0 || q.ring[q.head].last > released {
		return nil
	}
	buf := q.ring[q.head].buf
	q.ring[q.head] = usedSlab[T]{}
	q.head = (q.head + 1) % len(q.ring)
	q.size--
	return buf
}

// slab is the scanner's side of one kind of slab: the one being filled.
type slab[T any] struct {
	buf     []T
	last    int64 // the last record carved from buf
	tracked bool  // buf was made or taken while the pool was armed: it may go to the queue
}

// next puts the filled slab away (to the queue when it may be written over) and returns
// the next: one taken from the queue, or a new one of size.
func (s *slab[T]) next(p *slabPool, q *slabQueue[T], size int, junk T) {
	armed := p != nil && p.armed.Load()
	if s.tracked && armed {
		q.put(s.buf, s.last)
	}
	s.buf, s.tracked = nil, armed
	if armed {
		if b := q.take(p.released.Load()); b != nil {
			slabsReused.Add(1)
			if poisonSlabs {
				b = b[:cap(b)]
				for i := range b {
					b[i] = junk
				}
			}
			s.buf = b[:0]
			return
		}
	}
	s.buf = make([]T, 0, size)
}

// slabMark is where a stream's row was carved: released, it frees its slabs and those
// of the rows before it.
type slabMark struct {
	pool *slabPool
	n    int64
}

func (m slabMark) release() { m.pool.release(m.n) }

// recycling is a stream whose slabs can be written over (see slabPool): recycle arms
// it, and mark is the row just given's.
type recycling interface {
	recycle()
	mark() slabMark
}

// recycle arms rs's slab pools, when it has any; it reports whether it did.
func recycle(rs RowStream) bool {
	r, ok := rs.(recycling)
	if ok {
		r.recycle()
	}
	return ok
}

// markOf is the mark of the row rs just gave; the zero mark (which releases nothing)
// for a stream that does not recycle.
func markOf(rs RowStream) slabMark {
	if r, ok := rs.(recycling); ok {
		return r.mark()
	}
	return slabMark{}
}
