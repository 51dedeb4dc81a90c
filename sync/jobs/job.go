package jobs

import (
	"github.com/bulkops/bulkops/internal/i18n"
	"time"
)

// Job is one bulk job as the dashboard shows it.
type Job struct {
	ID          string // BO-YYYYMMDD-XXXX
	FileName    string // the file the user submitted
	Object      string // catalog key of the object type
	Status      Status
	Reason      string   // why a job Failed, in English; empty otherwise
	ReasonText  i18n.Msg // the same reason, to show it in the user's language; zero when not ours
	SubmittedBy string   // the signed-in user
	SubmittedAt time.Time
	StartedAt   time.Time // zero until it starts
	EndedAt     time.Time // zero until it ends
	OrgID       string
	OrgName     string
	// Total, Succeeded and Failed count rows of the package (a parent/child object counts
	// as many rows as it has).
	Total, Succeeded, Failed int

	PackageName string // the stored package's file name (.csv or .zip)
	// Undoable: the store kept what the job changed (before-state, created ids); a job
	// submitted before Bulkops kept it has no undo.
	Undoable bool
	UndoOf   string // the job this one undoes; "" for a job from files
	UndoneBy string // the latest job that undoes this one; "" when none

	// Parent is the workbook job this one is a step of ("" for a job of its own), Step
	// its place there; Types is, for a workbook job, the number of object types its
	// steps cover (0 for any other job).
	Parent string
	Step   int
	Types  int
}

// Done is the number of rows with an outcome.
func (j Job) Done() int { return j.Succeeded + j.Failed }

// Fraction is the share of rows done, 0..1.
func (j Job) Fraction() float64 {
	if j.Total == 0 {
		if j.Status.Final() {
			return 1
		}
		return 0
	}
	return float64(j.Done()) / float64(j.Total)
}

// Progress is an event sent while a job runs: after each batch is committed and at each
// change of status.
type Progress struct {
	JobID     string
	Status    Status
	Total     int
	Done      int
	Succeeded int
	Failed    int
	Message   string // what is happening now ("reading the organization", "sending")
}

func (j Job) progress(msg string) Progress {
	return Progress{JobID: j.ID, Status: j.Status, Total: j.Total, Done: j.Done(),
		Succeeded: j.Succeeded, Failed: j.Failed, Message: msg}
}

// ReasonIn is why the job failed, in language code ("en", "cs"): its message rendered
// there, or Reason as stored when the job has none (a store written before, a runner's
// note).
func (j Job) ReasonIn(code string) string { return i18n.Or(j.ReasonText, j.Reason, code) }
