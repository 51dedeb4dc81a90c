package sheets

import (
	"errors"
	"maps"
	"slices"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
)

// prefetchBatch is how many records the reading goroutine hands on at a time: enough
// that the hand-over costs nothing next to parsing them, few enough to hold.
const prefetchBatch = 256

type prefetched struct {
	recs []prefetchedRec
	err  error     // what ended the source after recs (io.EOF at its end); nil: more follow
	dec  *Decoding // the decoding as it was when the batch was read; not changed after
}

type prefetchedRec struct {
	n     int
	cells []string
}

// prefetch reads a source's records ahead on a goroutine of its own, so that parsing
// (a workbook's XML, which is most of the time of reading one: see rowSource.ahead) runs
// on one core while the checks and the packing run on another. The decoding is handed on
// with each batch as a copy, so the reader may go on extending its own.
func prefetch(src *rowSource) *rowSource {
	ch := make(chan prefetched, 2)
	free := make(chan []prefetchedRec, 3) // batches given out, back for reuse
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ch)
		readAhead(src, ch, free, stop)
	}()
	var cur prefetched
	i := 0
	next := func() (int, []string, error) {
		for i >= len(cur.recs) {
			if cur.err != nil {
				return 0, nil, cur.err
			}
			b, ok := <-ch
			if !ok { // the goroutine ended without a last batch: closed
				return 0, nil, errClosedStream
			}
			if cap(cur.recs) > 0 {
				select { // every record of it was given and cleared
				case free <- cur.recs[:0]:
				default:
				}
			}
			cur, i = b, 0
		}
		r := cur.recs[i]
		cur.recs[i] = prefetchedRec{} // the batch does not keep a record the stream gave
		i++
		return r.n, r.cells, nil
	}
	var once sync.Once
	closeFn := func() error {
		once.Do(func() { close(stop) })
		for range ch { // let the goroutine finish its batch
		}
		wg.Wait()
		return src.close()
	}
	return &rowSource{name: src.name, header: src.header, next: next, close: closeFn,
		decoded: func() *Decoding { return cur.dec }, budgeted: src.budgeted, slabs: src.slabs}
}

var errClosedStream = errors.New("the stream is closed")

// readAhead sends the source's records in batches until its end, an error, or stop,
// reusing the batches that come back on free (a million records are 4,000 batches). A
// panic of the parser (excelize on a malformed workbook) ends the source with an error
// instead of the program.
func readAhead(src *rowSource, ch chan<- prefetched, free <-chan []prefetchedRec, stop <-chan struct{}) {
	var snap decodingSnapshot
	b := prefetched{}
	defer func() {
		if p := recover(); p != nil {
			b.err = readErr(src.name, 0, "", i18n.M("cannot be read to its end (%v)", p))
			b.dec = snap.of(src)
			select {
			case ch <- b:
			case <-stop:
			}
		}
	}()
	for {
		select {
		case recs := <-free:
			b = prefetched{recs: recs}
		default:
			b = prefetched{recs: make([]prefetchedRec, 0, prefetchBatch)}
		}
		for len(b.recs) < prefetchBatch && b.err == nil {
			n, cells, err := src.next()
			if err != nil {
				b.err = err
				break
			}
			b.recs = append(b.recs, prefetchedRec{n, cells})
		}
		b.dec = snap.of(src)
		select {
		case ch <- b:
		case <-stop:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// decodingSnapshot copies a reader's decoding when it has changed since the last copy.
type decodingSnapshot struct {
	last    *Decoding
	guessed bool
	n       int
}

func (s *decodingSnapshot) of(src *rowSource) *Decoding {
	if src.decoded == nil {
		return nil
	}
	d := src.decoded()
	if d == nil {
		return nil
	}
	if s.last != nil && s.guessed == d.Guessed && s.n == len(d.Repaired) && s.last.Encoding == d.Encoding {
		return s.last
	}
	c := *d
	c.Repaired, c.Suggest = maps.Clone(d.Repaired), slices.Clone(d.Suggest)
	s.last, s.guessed, s.n = &c, d.Guessed, len(d.Repaired)
	return s.last
}
