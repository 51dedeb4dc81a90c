package bulk

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// loadOperations tells the succeeded rows apart — created, updated, left unchanged —
// when their count changed: "Succeeded 14" said nothing of the 13 rows the job left as
// they were.
func (d *detail) loadOperations(j jobs.Job) {
	if j.Object == jobs.WorkbookObject {
		return // it has no rows of its own: its steps' are summed (stepsView)
	}
	key := j.ID + "/" + strconv.Itoa(j.Succeeded)
	if key == d.opsFor {
		if d.opsText != "" {
			d.fields[fieldSucceeded].SetText(d.opsText)
		}
		return
	}
	d.opsFor, d.opsText = key, ""
	if j.Succeeded == 0 {
		return
	}
	store, ctx := d.b.store, d.b.ctx
	d.b.async(func() {
		ops, err := store.Operations(ctx, j.ID)
		notes, total, nerr := store.Notes(ctx, j.ID, firstErrors)
		fyne.Do(func() {
			if d.id != j.ID || d.opsFor != key {
				return
			}
			if nerr == nil {
				d.showNotes(noteLines(notes, total))
			}
			if err == nil { // else the count alone stays
				d.opsText = operationsText(j.Succeeded, ops)
				d.fields[fieldSucceeded].SetText(d.opsText)
			}
		})
	})
}

// operationsText is the Succeeded field: "14: 1 created, 0 updated, 13 unchanged", and
// the deletes when there are some.
func operationsText(n int, ops jobs.Operations) string {
	text := words.T("%d: %d created, %d updated, %d unchanged", n, ops.Created, ops.Updated, ops.Unchanged)
	if ops.Deleted > 0 {
		text += words.T(", %d deleted", ops.Deleted)
	}
	return text
}

// showNotes shows what the job says of rows it did (text), hidden when it says nothing.
func (d *detail) showNotes(text string) {
	d.notes.SetText(text)
	d.notesTitle.Hidden = text == ""
	d.notes.Hidden = text == ""
	d.notesTitle.Refresh()
	d.notes.Refresh()
}

// noteLines lists the notes of succeeded rows, one a line: a delete the organization
// answered 404 is done, and says that it was gone already.
func noteLines(rows []jobs.Row, total int) string {
	var lines []string
	for _, r := range rows {
		lines = append(lines, words.T("Row %d: %s", r.Number, r.MessageIn(words.Language())))
	}
	if total > len(rows) {
		lines = append(lines, words.T("… and %d more.", total-len(rows)))
	}
	return strings.Join(lines, "\n")
}

// firstChanges bounds the planned cells the detail lists.
const firstChanges = 20

// loadChanges lists what the job was planned to change, cell by cell, as the check
// showed it before the submit: "Row 4 · Prague: Multimedia Profile: Blended Digital ->
// Voice Only". A workbook job's plans are its steps': each step's changes come under
// the step's name, as its steps are listed ("1. Site").
func (d *detail) loadChanges(id string) {
	store, ctx := d.b.store, d.b.ctx
	d.b.async(func() {
		groups, err := plannedGroups(ctx, store, id)
		fyne.Do(func() {
			if d.id != id {
				return
			}
			if err != nil {
				d.changes.SetText(errorText(err))
				return
			}
			d.changes.SetText(changeLines(groups, firstChanges))
		})
	})
}

// plannedGroup is the planned updates of one job, or of one step of a workbook job
// (title names the step).
type plannedGroup struct {
	title   string
	planned []jobs.Planned
}

// plannedGroups reads job id's planned updates: its own, or its steps' when it is a
// workbook job.
func plannedGroups(ctx context.Context, store *jobs.Store, id string) ([]plannedGroup, error) {
	j, err := store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.Object != jobs.WorkbookObject {
		planned, err := store.PlannedUpdates(ctx, id)
		return []plannedGroup{{planned: planned}}, err
	}
	steps, err := store.Steps(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []plannedGroup
	for _, st := range steps {
		p, err := store.PlannedUpdates(ctx, st.ID)
		if err != nil {
			return nil, err
		}
		if len(p) > 0 {
			out = append(out, plannedGroup{title: jobStepTitle(j, st), planned: p})
		}
	}
	return out, nil
}

// changeLines lists planned updates one changed cell a line, at most n of them, each
// group's under its title.
func changeLines(groups []plannedGroup, n int) string {
	var lines []string
	total := 0
	for _, g := range groups {
		titled := g.title == ""
		for _, pl := range g.planned {
			for _, c := range pl.Changes {
				total++
				if total > n {
					continue
				}
				if !titled {
					lines, titled = append(lines, g.title), true
				}
				lines = append(lines, words.T("Row %d · %s: %s: %s -> %s", c.Row, pl.Key, c.Column, quoted(c.Old), quoted(c.New)))
			}
		}
	}
	switch {
	case total == 0:
		return words.T("None planned (the job was submitted without a check, or updates nothing)")
	case total > n:
		lines = append(lines, words.T("… and %d more.", total-n))
	}
	return strings.Join(lines, "\n")
}
