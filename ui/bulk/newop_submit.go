package bulk

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
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
	f.say(lang.L("Packing and submitting…"))
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
		return lang.L("Job {{.ID}} is {{.Status}}: wait for it to end before submitting another.",
			map[string]any{"ID": active.Job.ID, "Status": statusText(active.Job.Status)})
	case errors.As(err, &fe):
		return lang.L("The sheet has errors of its own: {{.Errors}}", map[string]any{"Errors": findingLines(fe.Findings, 5)})
	}
	return lang.L("The submit failed: {{.Reason}}", map[string]any{"Reason": errorText(err)})
}

// showJob shows the submitted job's progress on the page.
func (f *newOperation) showJob(j jobs.Job) {
	f.progress.Show()
	f.progress.SetValue(j.Fraction())
	text := lang.L("Job {{.ID}}: {{.Status}} — {{.Done}} of {{.Total}} rows done, {{.Failed}} failed.",
		map[string]any{"ID": j.ID, "Status": statusText(j.Status), "Done": j.Done(), "Total": j.Total, "Failed": j.Failed})
	if j.Status.Active() { // once it has ended, there is nothing to go on
		text += " " + lang.L("You can close this page: the job goes on.")
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
