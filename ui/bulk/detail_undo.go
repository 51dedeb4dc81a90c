package bulk

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// showUndoLinks shows the link to the job linked to the one shown (the undo that took it
// back, or the job it takes back; a click opens it), and whether it can be undone.
func (d *detail) showUndoLinks(j jobs.Job) {
	switch {
	case j.UndoneBy != "":
		d.linked.SetText(words.T("Undone by %s", j.UndoneBy))
		d.linkedID = j.UndoneBy
	case j.UndoOf != "":
		d.linked.SetText(words.T("Undo of %s", j.UndoOf))
		d.linkedID = j.UndoOf
	default:
		d.linkedID = ""
	}
	if d.linkedID == "" {
		d.linked.Hide()
	} else {
		d.linked.Show()
	}
	why := undoBlocked(j)
	if why == "" {
		why = d.b.cannotStart()
	}
	d.undoWhy.SetText(why)
	if why != "" || d.b.engine == nil || d.planning {
		d.undo.Disable()
	} else {
		d.undo.Enable()
	}
	if why == "" {
		d.undoWhy.Hide()
	} else {
		d.undoWhy.Show()
	}
}

// undoBlocked says why job j cannot be undone, "" when it can be tried (the plan then
// says per record what it cannot take back).
func undoBlocked(j jobs.Job) string {
	obj, ok := catalog.Lookup(j.Object)
	switch {
	case !j.Status.Final():
		return words.T("Undo: once the job has ended.")
	case !j.Undoable:
		return words.T("No undo: the job was submitted before Bulkops kept what a job changes.")
	case ok && obj.Format != catalog.FormatCSV:
		return words.T("No undo: audio files cannot be taken back.")
	case j.Succeeded == 0:
		return words.T("No undo: the job changed nothing.")
	}
	return ""
}

// openLinked opens the detail of the linked job.
func (d *detail) openLinked() {
	if d.linkedID != "" {
		d.b.showJob(d.linkedID)
	}
}

// startUndo works out the undo of the job shown and shows its plan.
func (d *detail) startUndo() { d.planUndo(d.job, false) }

// planUndo builds the undo's plan off the UI goroutine (it reads each object the job
// changed) and shows it; include takes back the records changed since the job too.
func (d *detail) planUndo(j jobs.Job, include bool) {
	b := d.b
	eng, api, ctx := b.engine, b.orgAPI(), b.ctx
	if eng == nil {
		return
	}
	d.planning = true // the dashboard's refresh must not enable the button meanwhile
	d.undo.Disable()
	d.say(words.T("Working out the undo of %s…", j.ID))
	b.async(func() {
		u, err := eng.PlanUndo(ctx, j.ID, jobs.UndoOptions{IncludeChanged: include})
		if err == nil {
			err = u.Check(ctx, api)
		}
		fyne.Do(func() {
			d.planning = false
			d.say("")
			d.showUndoLinks(d.job)
			if err != nil && u != nil && !planned(u) && len(u.Left) > 0 && !include {
				d.showUndoPlan(u, include) // all left alone: the plan offers to take them back
				return
			}
			if err != nil {
				text := errorText(err)
				if u != nil && len(u.Left) > 0 {
					text += "\n\n" + undoNoteLines(u.Left, u.Of)
				}
				b.showError(errors.New(text))
				return
			}
			d.showUndoPlan(u, include)
		})
	})
}

// showUndoPlan shows the undo's plan as a check shows one — deletes first, then what is
// created and restored, then the records left alone — and asks before it is sent.
func (d *detail) showUndoPlan(u *jobs.Undo, include bool) {
	b := d.b
	org := b.target.OrgLabel()
	var p jobs.Preview
	if planned(u) {
		p = u.Preview()
	}
	head := widget.NewLabel(words.T("Undo of %s (%s) in %s: delete %d, create %d, restore %d, unchanged %d, failing rows %d.", u.Of.ID, u.Of.FileName, org, p.Deletes, p.Creates, p.Updates, p.Unchanged, p.Failing))
	head.Wrapping = fyne.TextWrapWord
	head.TextStyle.Bold = true
	plan := widget.NewLabel(undoPlanLines(u))
	plan.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(head, plan)
	var dlg *dialog.ConfirmDialog
	if len(u.Left) > 0 {
		left := widget.NewLabel(words.T("Left as they are:") + "\n" + undoNoteLines(u.Left, u.Of))
		left.Wrapping = fyne.TextWrapWord
		left.Importance = widget.WarningImportance
		again := widget.NewCheck(words.T("Take back the records changed since the job too, overwriting those changes"), nil)
		again.SetChecked(include)
		again.OnChanged = func(on bool) {
			dlg.Hide()
			d.planUndo(u.Of, on)
		}
		body.Add(left)
		body.Add(again)
	}
	if len(u.Notes) > 0 {
		notes := widget.NewLabel(words.T("Not restored:") + "\n" + undoNoteLines(u.Notes, u.Of))
		notes.Wrapping = fyne.TextWrapWord
		body.Add(notes)
	}
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	writes := p.Deletes + p.Creates + p.Updates
	dlg = dialog.NewCustomConfirm(words.T("Undo job %s", u.Of.ID), words.T("Undo…"), words.T("Cancel"), scroll,
		func(ok bool) {
			if ok {
				d.confirmUndo(u, org)
			}
		}, b.win)
	if writes == 0 || p.Blocked() {
		dlg.SetConfirmText(words.T("Nothing to take back"))
	}
	dlg.Show()
}

// confirmUndo asks, naming the counts and the organization, before the undo is sent.
func (d *detail) confirmUndo(u *jobs.Undo, org string) {
	if !planned(u) {
		return
	}
	p := u.Preview()
	if p.Deletes+p.Creates+p.Updates == 0 || p.Blocked() {
		return
	}
	msg := widget.NewLabel(words.T("Undo %s in %s: delete %d, create %d and restore %d records. It runs as a new job; its own undo redoes this one.", u.Of.ID, org, p.Deletes, p.Creates, p.Updates))
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(words.T("Undo %s?", u.Of.ID),
		words.T("Undo in %s", org), words.T("Cancel"), msg,
		func(ok bool) {
			if ok {
				d.submitUndo(u)
			}
		}, d.b.win)
	dlg.Resize(fyne.NewSize(520, 220))
	dlg.Show()
}

// submitUndo sends the undo as a new job, runs it, and shows its detail.
func (d *detail) submitUndo(u *jobs.Undo) {
	b := d.b
	eng, ctx, user := b.engine, b.ctx, b.target.User
	if eng == nil {
		return
	}
	b.async(func() {
		j, err := eng.SubmitUndo(ctx, u, user)
		fyne.Do(func() {
			if err != nil {
				b.showError(errors.New(submitError(err)))
				b.Refresh()
				return
			}
			b.Refresh()
			b.showJob(j.ID)
			b.run(j.ID, nil)
		})
	})
}

// planned reports whether u has a plan (a draft, or a workbook of steps): an undo that
// leaves every record alone has none.
func planned(u *jobs.Undo) bool { return u.Draft != nil || u.Book != nil }

// undoPlanLines lists the undo's plan a record a line, as bulkops plan does: "− " a
// delete, "+ " a create, "~ " a restore with its cells, "! " a record that would fail.
// The rows of the undo's own sheet mean nothing to the user: the records go by key. The
// undo of a workbook job goes step by step, each titled as the workbook page titles it.
func undoPlanLines(u *jobs.Undo) string {
	var lines []string
	switch {
	case u.Book != nil:
		for i, st := range u.Book.Steps {
			lines = append(lines, stepTitle(i+1, st))
			lines = append(lines, undoActionLines(st.Draft.Preview.Plan)...)
		}
	case u.Draft != nil:
		lines = undoActionLines(u.Draft.Preview.Plan)
	}
	if len(lines) == 0 {
		return words.T("Nothing to take back.")
	}
	return strings.Join(lines, "\n")
}

// undoActionLines are the lines of undoPlanLines for one plan.
func undoActionLines(plan []jobs.Planned) []string {
	var lines []string
	for _, pl := range plan {
		switch pl.Action {
		case jobs.ActDelete:
			lines = append(lines, "− "+words.T("delete %s", pl.Key))
		case jobs.ActCreate:
			lines = append(lines, "+ "+words.T("create %s", pl.Key))
		case jobs.ActUpdate:
			lines = append(lines, "~ "+words.T("restore %s", pl.Key))
			for _, c := range pl.Changes {
				lines = append(lines, "    "+words.T("%s: %s -> %s", c.Column, quoted(c.Old), quoted(c.New)))
			}
		case jobs.ActFail:
			lines = append(lines, "! "+words.T("%s: %v", pl.Key, pl.Reason))
		}
	}
	return lines
}

// undoNoteLines lists what an undo says of records it leaves alone or cannot restore.
func undoNoteLines(ns []jobs.UndoNote, of jobs.Job) string {
	isWorkbook := of.Object == jobs.WorkbookObject
	lines := make([]string, 0, len(ns))
	for _, n := range ns {
		text := n.Text.In(words.Language())
		if n.Object != nil && isWorkbook { // several types: the row is of its type's step
			lines = append(lines, words.T("%s %s (row %d of its step of %s): %s", objectTitle(n.Object.Key), n.Key, n.Row, of.ID, text))
			continue
		}
		lines = append(lines, words.T("%s (row %d of %s): %s", n.Key, n.Row, of.ID, text))
	}
	return strings.Join(lines, "\n")
}
