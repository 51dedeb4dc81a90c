package sheets

// groupPipe hands the groups the streaming check has passed to a partWriter running on a
// goroutine of its own, a batch at a time, so that encoding the CSV files overlaps the
// checks of the next records: on one goroutine the two added up, and the check alone
// is most of a pack (a million records: about 0.8 s of checks, 0.3 s of encoding).
// Batches of 256 rows keep the hand-over cheap (4,000 hand-overs for a million rows);
// a few in flight keep memory flat and small (batches of 1,024 here and 512 between the
// check's stages held some 1 MB more of a pack's live heap, measured with gctrace).
type groupPipe struct {
	lim  Limits
	emit func(packPart)
	// deflate: the partWriter deflates its files as it writes them (a zip's)
	deflate bool
	pw      *partWriter // made on the first group, which brings the header
	cur     *groupBatch
	batch   chan *groupBatch
	free    chan *groupBatch
	done    chan struct{}
	shut    bool
}

// groupBatch is consecutive groups: rows, and where each group ends with its CSV size.
type groupBatch struct {
	rows  []Row
	ends  []int
	sizes []int64
	last  slabMark // of its last row: released once the batch is written
}

const (
	pipeBatchRows = 256
	pipeInFlight  = 4
)

func newGroupPipe(lim Limits, emit func(packPart), deflate bool) *groupPipe {
	return &groupPipe{lim: lim, emit: emit, deflate: deflate}
}

// add queues one group (rows is the check's own slice, reused after the call); last is
// its last row's mark.
func (p *groupPipe) add(h *Sheet, rows []Row, size int64, last slabMark) {
	if p.pw == nil {
		p.pw = newPartWriter(h, p.lim, p.emit)
		p.pw.deflate = p.deflate
		p.batch = make(chan *groupBatch, pipeInFlight)
		p.free = make(chan *groupBatch, pipeInFlight+2)
		p.done = make(chan struct{})
		go p.write()
	}
	if p.cur == nil {
		select {
		case p.cur = <-p.free:
		default:
			p.cur = &groupBatch{rows: make([]Row, 0, pipeBatchRows+16)}
		}
	}
	b := p.cur
	b.rows = append(b.rows, rows...)
	b.ends = append(b.ends, len(b.rows))
	b.sizes = append(b.sizes, size)
	b.last = last
	if len(b.rows) >= pipeBatchRows {
		p.batch <- b
		p.cur = nil
	}
}

// write runs the partWriter over the batches as they come.
func (p *groupPipe) write() {
	defer close(p.done)
	for b := range p.batch {
		start := 0
		for i, end := range b.ends {
			p.pw.group(b.rows[start:end], b.sizes[i])
			start = end
		}
		clear(b.rows) // the records go with the batch, not with its reuse
		if p.pw.err == nil && !p.pw.keep {
			b.last.release() // written, and not kept: their slabs may be written over
		}
		b.rows, b.ends, b.sizes, b.last = b.rows[:0], b.ends[:0], b.sizes[:0], slabMark{}
		select {
		case p.free <- b:
		default:
		}
	}
}

// close writes what is queued and waits for it; it returns the partWriter, nil when no
// group came. The last file is not flushed: the caller decides. A second call only
// returns the partWriter.
func (p *groupPipe) close() *partWriter {
	if p.pw == nil || p.shut {
		return p.pw
	}
	p.shut = true
	if p.cur != nil && len(p.cur.rows) > 0 {
		p.batch <- p.cur
	}
	p.cur = nil
	close(p.batch)
	<-p.done
	return p.pw
}
