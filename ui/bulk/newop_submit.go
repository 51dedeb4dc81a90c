package bulk

import (
	"errors"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// startSubmit submits the checked draft as a job and runs it in the background; the
// page shows its progress until the user closes it.
func (p *importPanel) startSubmit() {
	b := p.f.b
	c := p.checked
	if c == nil || c.Blocked() || b.engine == nil {
		return
	}
	p.confirmCopy(c, func() { p.confirmDeletes(c, func() { p.submitChecked(c) }) })
}

// submitChecked submits the check c as a job.
func (p *importPanel) submitChecked(c *importCheck) {
	f, b := p.f, p.f.b
	if p.checked != c || b.engine == nil {
		return // checked again, or disconnected, while the question was asked
	}
	eng, ctx, user := b.engine, b.ctx, b.target.User
	f.fromEditor = ""
	if p.from.Selected == importEditor() {
		f.fromEditor = f.obj().Key
	}
	f.busy(true)
	f.progress.Show()
	f.progress.SetValue(0)
	f.say(words.T("Packing and submitting…"))
	b.async(func() {
		j, err := eng.SubmitDraft(ctx, c.draft, user)
		fyne.Do(func() {
			f.busy(false)
			if err != nil {
				f.progress.Hide()
				f.say(submitError(err))
				b.Refresh()
				return
			}
			f.say("")
			f.jobID = j.ID
			p.submit.Disable()
			f.showJob(j)
			b.focus(f.openJob)
			b.Refresh()
			b.run(j.ID, nil)
		})
	})
}

// submitError says why a submit was refused.
func submitError(err error) string {
	var active *jobs.ActiveError
	var fe *sheets.FindingsError
	switch {
	case errors.As(err, &active):
		return words.T("Job %s is %s: wait for it to end before submitting another.", active.Job.ID, StatusText(active.Job.Status))
	case errors.As(err, &fe):
		return words.T("The sheet has errors of its own: %s", findingLines(fe.Findings, 5))
	}
	return words.T("The submit failed: %s", errorText(err))
}

// showJob shows the submitted job's progress on the page.
func (f *newOperation) showJob(j jobs.Job) {
	f.progress.Show()
	f.progress.SetValue(j.Fraction())
	text := words.T("Job %s: %s — %d of %d rows done, %d failed.", j.ID, StatusText(j.Status), j.Done(), j.Total, j.Failed)
	if j.Status.Active() { // once it has ended, there is nothing to go on
		text += " " + words.T("You can close this page: the job goes on.")
	}
	f.jobText.SetText(text)
	f.jobText.Show()
	f.openJob.Show()
	f.relayout()
}

// jobUpdated follows the page's job as the dashboard learns of it.
func (f *newOperation) jobUpdated(j jobs.Job) {
	if f.jobID == j.ID {
		f.showJob(j)
	}
}

// jobEnded is called when the page's job has ended.
// The editor's sheet it came from no longer carries the last job's messages: this job's
// answer (on the job's page, "Fix in editor") replaces them.
func (f *newOperation) jobEnded(j jobs.Job) {
	f.showJob(j)
	f.progress.SetValue(1)
	if f.fromEditor != "" && f.jobID == j.ID && f.b.editor != nil {
		f.b.editor.ForgetMessages(f.fromEditor)
	}
}
