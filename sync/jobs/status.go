package jobs

// Status is a job's state, spelled as Control Hub's Bulk Operations dashboard spells it.
type Status string

const (
	// New: the job is accepted and stored, not yet started.
	New Status = "New"
	// InProgress: rows are being sent.
	InProgress Status = "In Progress"
	// Completed: every row succeeded.
	Completed Status = "Completed"
	// CompletedWithErrors: the job ran to the end and some rows failed.
	CompletedWithErrors Status = "Completed With Errors"
	// Failed: the job itself could not run (signed out, organization unreachable for too
	// long, package unreadable, cancelled); Job.Reason says why.
	Failed Status = "Failed"
)

// Active reports whether a job in this status holds its organization's one active slot.
func (s Status) Active() bool { return s == New || s == InProgress }

// Final reports whether the job has ended.
func (s Status) Final() bool { return s == Completed || s == CompletedWithErrors || s == Failed }

// Outcome is what became of one row.
type Outcome string

const (
	Pending   Outcome = "pending"
	Succeeded Outcome = "succeeded"
	Fail      Outcome = "failed"
)
