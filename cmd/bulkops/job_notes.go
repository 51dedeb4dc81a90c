package main

import (
	"context"
	"fmt"
	"io"

	"github.com/bulkops/bulkops/sync/jobs"
)

// jobDone is what bulkops job says of a job's succeeded rows, as the window's job detail
// does: how many were created, updated, left unchanged and deleted, and the notes some
// carry (a delete the organization answered 404 is done, "already gone").
type jobDone struct {
	ops   jobs.Operations
	known bool       // ops were read: a workbook job has no rows of its own
	notes []jobs.Row // the first maxPreviewed rows with a note
	total int        // how many rows have a note
}

// readDone reads what j's succeeded rows say.
func readDone(ctx context.Context, store *jobs.Store, j jobs.Job) (jobDone, error) {
	var d jobDone
	if j.Succeeded == 0 || j.Object == jobs.WorkbookObject {
		return d, nil
	}
	var err error
	if d.ops, err = store.Operations(ctx, j.ID); err != nil {
		return d, err
	}
	d.known = true
	d.notes, d.total, err = store.Notes(ctx, j.ID, maxPreviewed)
	return d, err
}

// succeededText is the Succeeded line: "1: 0 created, 0 updated, 0 unchanged, 1 deleted"
// (the deletes only when there are some).
func (d jobDone) succeededText(n int) string {
	text := say("%d: %d created, %d updated, %d unchanged", n, d.ops.Created, d.ops.Updated, d.ops.Unchanged)
	if d.ops.Deleted > 0 {
		text += say(", %d deleted", d.ops.Deleted)
	}
	return text
}

// printNotes lists the notes of succeeded rows in the command line's language.
func (d jobDone) printNotes(w io.Writer) {
	if d.total == 0 {
		return
	}
	fmt.Fprintln(w, say("Notes:"))
	for _, r := range d.notes {
		fmt.Fprintf(w, "  %s: %s\n", rowAt("", r.Number, r.Column), r.MessageIn(cliLanguage()))
	}
	if d.total > len(d.notes) {
		fmt.Fprintln(w, say("  … and %d more", d.total-len(d.notes)))
	}
}

// operationsJSON counts a job's succeeded rows by what they did (bulkops job --json).
type operationsJSON struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Deleted   int `json:"deleted"`
}

// addJSON puts the counts and notes into a job's --json.
func (d jobDone) addJSON(out *jobJSON) {
	if d.known {
		out.Operations = &operationsJSON{Created: d.ops.Created, Updated: d.ops.Updated, Unchanged: d.ops.Unchanged, Deleted: d.ops.Deleted}
	}
	if d.total > 0 {
		out.Notes = rowsJSON(d.notes)
	}
}
