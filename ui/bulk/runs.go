package bulk

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// run runs job id in the background to its end, bringing its progress to the views.
// done, when not nil, is called on the UI goroutine with the job as it ended.
func (b *Bulk) run(id string, done func(jobs.Job)) {
	eng, ctx := b.engine, b.ctx
	if eng == nil {
		return
	}
	b.running[id] = true
	b.runs.Add(1)
	b.async(func() {
		j, err := eng.Run(ctx, id, b.progressFunc())
		b.runs.Done()
		fyne.Do(func() {
			delete(b.running, id)
			b.ran(j, err)
			if done != nil && err == nil {
				done(j)
			}
		})
	})
}

// Resume runs the jobs of the organization that a process which is gone left New or In
// Progress (a window closed while a job ran), as the app starts or connects.
func (b *Bulk) Resume() {
	eng, ctx := b.engine, b.ctx
	if eng == nil {
		return
	}
	b.runs.Add(1)
	b.async(func() {
		ended, err := eng.Resume(ctx, b.progressFunc())
		b.runs.Done()
		fyne.Do(func() {
			for _, j := range ended {
				b.jobChanged(j)
			}
			if err != nil && ctx.Err() == nil {
				fyne.LogError("resuming jobs", err)
			}
			b.Refresh()
		})
	})
}

// progressFunc turns the engine's progress events (from its goroutine) into updates of
// the views on the UI goroutine.
func (b *Bulk) progressFunc() func(jobs.Progress) {
	return func(p jobs.Progress) {
		fyne.Do(func() { b.progressed(p) })
	}
}

// progressed updates the job a progress event is about. Events come only from the jobs
// this window runs, Resume's included.
func (b *Bulk) progressed(p jobs.Progress) {
	if p.Status.Final() {
		delete(b.running, p.JobID)
	} else {
		b.running[p.JobID] = true
	}
	for i := range b.list {
		j := &b.list[i]
		if j.ID != p.JobID {
			continue
		}
		j.Status, j.Total, j.Succeeded, j.Failed = p.Status, p.Total, p.Succeeded, p.Failed
		b.jobChanged(*j)
		b.afterProgress(p)
		return
	}
	b.Refresh() // a job the dashboard has not read yet
	b.afterProgress(p)
}

// afterProgress lets a test look at the window while a job runs.
func (b *Bulk) afterProgress(p jobs.Progress) {
	if b.watch != nil {
		b.watch(p)
	}
}

// ran ends a run: the job as it ended, or why it could not run.
func (b *Bulk) ran(j jobs.Job, err error) {
	switch {
	case err == nil:
		b.orgChanged() // seen to end or not, the job changed the organization
		b.jobChanged(j)
	case errors.Is(err, context.Canceled), errors.Is(err, jobs.ErrRunning):
		// Closing the window (the job resumes next time), or another process has it.
	default:
		dialog.ShowError(errors.New(words.T("The job could not run: %s", errorText(err))), b.win)
	}
	b.Refresh()
}
