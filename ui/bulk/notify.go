package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// watchForeground follows whether the window is in front, so that a job that ends while
// the user looks elsewhere is announced by a desktop notification.
func (b *Bulk) watchForeground() {
	lc := b.app.Lifecycle()
	lc.SetOnEnteredForeground(func() { b.front = true })
	lc.SetOnExitedForeground(func() { b.front = false })
}

// notify sends a desktop notification about a job that ended, unless the window is in
// front (the dashboard shows it).
func (b *Bulk) notify(j jobs.Job) {
	if b.front {
		return
	}
	b.app.SendNotification(endNotification(j))
}

// endNotification says how a job ended, in one line.
func endNotification(j jobs.Job) *fyne.Notification {
	title := lang.L("Bulk job {{.ID}}: {{.Status}}", map[string]any{"ID": j.ID, "Status": statusText(j.Status)})
	var body string
	switch j.Status {
	case jobs.Failed:
		body = j.ReasonIn(words.Language())
	case jobs.CompletedWithErrors:
		body = lang.L("Rows failed: {{.Failed}} of {{.Total}}. Open the job to fix them.",
			map[string]any{"Failed": j.Failed, "Total": j.Total})
	default:
		body = lang.L("Rows succeeded: {{.Succeeded}} of {{.Total}}.",
			map[string]any{"Succeeded": j.Succeeded, "Total": j.Total})
	}
	return fyne.NewNotification(title, body)
}
