package bulk

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// StatusText is a status as the dashboard spells it: Control Hub's words, translated.
func StatusText(s jobs.Status) string {
	switch s {
	case jobs.New:
		return words.T("New")
	case jobs.InProgress:
		return words.T("In Progress")
	case jobs.Completed:
		return words.T("Completed")
	case jobs.CompletedWithErrors:
		return words.T("Completed with errors")
	case jobs.Failed:
		return words.T("Failed")
	}
	return string(s) // "", or a status of a later version as it is stored
}

// statusImportance colours a status with the theme: success, warning, error, primary.
func statusImportance(s jobs.Status) widget.Importance {
	switch s {
	case jobs.Completed:
		return widget.SuccessImportance
	case jobs.CompletedWithErrors:
		return widget.WarningImportance
	case jobs.Failed:
		return widget.DangerImportance
	case jobs.InProgress:
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// statusLine is the status with the share done while a job runs: "In Progress 40%".
func statusLine(j jobs.Job) string {
	if j.Status == jobs.InProgress && j.Total > 0 {
		return fmt.Sprintf("%s %d%%", StatusText(j.Status), int(j.Fraction()*100))
	}
	return StatusText(j.Status)
}

// objectTitle is an object type's name by its catalog key.
func objectTitle(key string) string {
	if o, ok := catalog.Lookup(key); ok {
		return words.Text(o.Title)
	}
	return key
}

// when is a date and time as the dashboard shows it, in local time.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// submittedBy is the user and the date and time of a submit.
func submittedBy(j jobs.Job) string {
	if j.SubmittedBy == "" {
		return when(j.SubmittedAt)
	}
	return j.SubmittedBy + " · " + when(j.SubmittedAt)
}

// duration is how long a job ran (or has been running), to the second.
func duration(j jobs.Job, now time.Time) string {
	if j.StartedAt.IsZero() {
		return ""
	}
	end := j.EndedAt
	if end.IsZero() {
		end = now
	}
	return durationText(end.Sub(j.StartedAt))
}

// errorText is an error in the window's language: Bulkops' own errors are translated,
// anything else (a server's reason, the system's) is shown as it came.
func errorText(err error) string { return i18n.Of(err).In(words.Language()) }

// withCSVNote adds to what was done the note on values a spreadsheet would change in the
// CSV file written (sheets.CSVLossNote), when there is one.
func withCSVNote(done string, note i18n.Msg) string {
	if note.IsZero() {
		return done
	}
	return done + "\n" + words.T("Note: %s", note.In(words.Language()))
}
