package bulk

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sync/jobs"
)

// listLimit bounds the jobs the dashboard shows: the newest, as Control Hub does.
const listLimit = 500

// poll reads the store again every d, for the jobs the command line submits and runs
// into the same store.
func (b *Bulk) poll(d time.Duration) {
	if d < 0 {
		return
	}
	if d == 0 {
		d = 2 * time.Second
	}
	ctx := b.ctx
	go func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fyne.Do(b.Refresh)
			}
		}
	}()
}

// Refresh reads the organization's jobs from the store in the background and shows them.
func (b *Bulk) Refresh() {
	org, store, ctx := b.target.OrgID, b.store, b.ctx
	if org == "" {
		b.apply(nil, nil)
		return
	}
	b.async(func() {
		list, err := store.List(ctx, jobs.ListOptions{OrgID: org, Limit: listLimit})
		var active *jobs.Job
		if err == nil {
			if j, ok, aerr := store.Active(ctx, org); aerr != nil {
				err = aerr
			} else if ok {
				active = &j
			}
		}
		fyne.Do(func() {
			if org != b.target.OrgID {
				return // the connection changed meanwhile
			}
			if err != nil {
				if ctx.Err() == nil {
					b.dash.showError(err)
				}
				return
			}
			b.apply(list, active)
		})
	})
}

// apply shows a fresh list of jobs.
func (b *Bulk) apply(list []jobs.Job, active *jobs.Job) {
	b.list, b.active = list, active
	for _, j := range list {
		b.noteStatus(j)
	}
	b.dash.refresh()
	b.detail.refresh()
	if b.pending && len(list) > 0 {
		b.pending = false
		b.showJob(list[0].ID)
	}
	if j, ok := b.job(b.flow.jobID); ok {
		b.flow.jobUpdated(j)
	}
}

// jobChanged shows one job's new state (after a progress event, or as a run ended).
func (b *Bulk) jobChanged(j jobs.Job) {
	for i := range b.list {
		if b.list[i].ID == j.ID {
			b.list[i] = j
		}
	}
	if j.Status.Active() {
		b.active = &j
	} else if b.active != nil && b.active.ID == j.ID {
		b.active = nil
	}
	b.noteStatus(j)
	b.dash.refresh()
	b.detail.refresh()
	b.flow.jobUpdated(j)
}

// noteStatus remembers a job's status and tells the user when it has just ended.
func (b *Bulk) noteStatus(j jobs.Job) {
	prev, seen := b.status[j.ID]
	b.status[j.ID] = j.Status
	if seen && prev.Active() && j.Status.Final() {
		b.ended(j)
	}
}

// ended is called once when a job the window saw running ends.
func (b *Bulk) ended(j jobs.Job) {
	b.orgChanged()
	b.notify(j)
	if b.flow.jobID == j.ID {
		b.flow.jobEnded(j)
	}
}

// job returns a listed job by id.
func (b *Bulk) job(id string) (jobs.Job, bool) {
	for _, j := range b.list {
		if j.ID == id {
			return j, true
		}
	}
	return jobs.Job{}, false
}
