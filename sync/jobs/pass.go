package jobs

import (
	"context"
	"sync"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// batch is records sent in one request (or one after the other, on a route that
// carries one object), all on one route.
type batch struct {
	rt catalog.Route
	ps []prepared
}

// pass sends recs once, through a pipeline: workers prepare records (GETs for updates
// run in parallel, within the client's rate limit), a batcher groups them, senders keep
// up to Engine.Parallel batches in flight, and this goroutine commits each outcome as it
// arrives. It returns the records to send again (after a conflict), or the error that
// stops the job. Outcomes that arrived are committed even when the pass stops early.
func (r *runner) pass(ctx context.Context, recs []*record, last bool) ([]*record, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := func(err error) { cancel(err) }

	ready := r.prepareAll(ctx, recs, stop)
	batches := make(chan batch)
	go r.batcher(ctx, ready, batches, stop)

	var retryMu sync.Mutex
	var retry []*record
	var senders sync.WaitGroup
	for range r.e.parallel() {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for b := range batches {
				if ctx.Err() != nil {
					continue // drain: the batcher stops soon
				}
				res, again, err := r.sendBatch(ctx, b, last)
				if cerr := r.commit(ctx, res); err == nil {
					err = cerr
				}
				retryMu.Lock()
				retry = append(retry, again...)
				retryMu.Unlock()
				if err != nil {
					stop(err)
				}
			}
		}()
	}
	senders.Wait()
	if err := context.Cause(ctx); err != nil && err != context.Canceled {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return retry, nil
}

// commit stores outcomes and reports progress. A sender commits its batch before it
// takes the next; the lock keeps the progress events in the order of the commits. The
// outcomes of answers that arrived are committed even when the run is stopping.
func (r *runner) commit(ctx context.Context, res []result) error {
	if len(res) == 0 {
		return nil
	}
	r.cmu.Lock()
	defer r.cmu.Unlock()
	j, err := r.store.record(context.WithoutCancel(ctx), r.job.ID, res)
	if err != nil {
		return err
	}
	r.emit(j, "sending")
	return nil
}

// prepareAll prepares recs on a few workers and delivers them on the returned channel,
// which is closed when all are done or the pass stops.
func (r *runner) prepareAll(ctx context.Context, recs []*record, stop func(error)) <-chan prepared {
	in := make(chan *record)
	out := make(chan prepared, r.e.batchSize())
	go func() {
		defer close(in)
		for _, rec := range recs {
			select {
			case in <- rec:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range r.e.parallel() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rec := range in {
				p, err := r.prepare(ctx, rec)
				if err != nil {
					stop(err)
					continue
				}
				select {
				case out <- p:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// batcher groups prepared records into batches by route (creates and updates may go
// different ways) for the senders, and commits the records that need no request: those
// that failed before sending and those the organization already has as they are.
func (r *runner) batcher(ctx context.Context, ready <-chan prepared, batches chan<- batch, stop func(error)) {
	defer close(batches)
	open := map[catalog.Route]*batch{}
	var order []catalog.Route // the routes in the order their first record came
	var done []result
	flushDone := func() {
		if err := r.commit(ctx, done); err != nil {
			stop(err)
		}
		done = nil
	}
	send := func(b *batch) {
		select {
		case batches <- *b:
		case <-ctx.Done():
		}
	}
	for p := range ready {
		if p.done != nil {
			if done = append(done, p.done...); len(done) >= r.e.batchSize() {
				flushDone()
			}
			continue
		}
		rt := r.route(p)
		b := open[rt]
		if b == nil {
			b = &batch{rt: rt}
			open[rt] = b
			order = append(order, rt)
		}
		if b.ps = append(b.ps, p); len(b.ps) >= r.sizeOf(rt) {
			send(b)
			b.ps = nil
		}
	}
	flushDone()
	for _, rt := range order {
		if b := open[rt]; len(b.ps) > 0 && ctx.Err() == nil {
			send(b)
		}
	}
}
