package bulk

import (
	"fyne.io/fyne/v2"

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
	title := words.T("Bulk job %s: %s", j.ID, StatusText(j.Status))
	var body string
	switch j.Status {
	case jobs.Failed:
		body = j.ReasonIn(words.Language())
	case jobs.CompletedWithErrors:
		body = words.T("Rows failed: %d of %d. Open the job to fix them.", j.Failed, j.Total)
	default:
		body = words.T("Rows succeeded: %d of %d.", j.Succeeded, j.Total)
	}
	return fyne.NewNotification(title, body)
}
