//go:build !nogui

package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// tellStoreDamage tells, over the window, that the job store was found damaged at start
// and a new one started in its place (nothing when d is nil): the job history the user
// expects is not on the dashboard, and the moved file is where it went.
func tellStoreDamage(win fyne.Window, d *jobs.Damage) {
	if d == nil {
		return
	}
	dialog.ShowInformation(words.T("The job store was damaged"),
		words.T("The job store %s could not be used (%s). It was moved to %s and a new, empty job store was started: the jobs submitted before are not listed any more; their data is in the moved file.", d.Path, i18n.Or(d.ProblemText, d.Problem, words.Language()), d.MovedTo), win)
}
