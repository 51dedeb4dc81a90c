package bulk

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
		d.linked.SetText(lang.L("Undone by {{.ID}}", map[string]any{"ID": j.UndoneBy}))
		d.linkedID = j.UndoneBy
	case j.UndoOf != "":
		d.linked.SetText(lang.L("Undo of {{.ID}}", map[string]any{"ID": j.UndoOf}))
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
		return lang.L("Undo: once the job has ended.")
	case !j.Undoable:
		return lang.L("No undo: the job was submitted before Bulkops kept what a job changes.")
	case ok && obj.Format != catalog.FormatCSV:
		return lang.L("No undo: audio files cannot be taken back.")
	case j.Succeeded == 0:
		return lang.L("No undo: the job changed nothing.")
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
	d.say(lang.L("Working out the undo of {{.ID}}…", map[string]any{"ID": j.ID}))
	b.async(func() {
		u, err := eng.PlanUndo(ctx, j.ID, jobs.UndoOptions{IncludeChanged: include})
		if err == nil {
			err = u.Draft.Check(ctx, api)
		}
		fyne.Do(func() {
			d.planning = false
			d.say("")
			d.showUndoLinks(d.job)
			if err != nil && u != nil && u.Draft == nil && len(u.Left) > 0 && !include {
				d.showUndoPlan(u, include) // all left alone: the plan offers to take them back
				return
			}
			if err != nil {
				text := errorText(err)
				if u != nil && len(u.Left) > 0 {
					text += "\n\n" + undoNoteLines(u.Left, u.Of.ID)
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
	if u.Draft != nil {
		p = u.Draft.Preview
	}
	head := widget.NewLabel(lang.L("Undo of {{.ID}} ({{.File}}) in {{.Org}}: delete {{.Deletes}}, create {{.Creates}}, restore {{.Updates}}, unchanged {{.Unchanged}}, failing rows {{.Failing}}.",
		map[string]any{"ID": u.Of.ID, "File": u.Of.FileName, "Org": org, "Deletes": p.Deletes, "Creates": p.Creates,
			"Updates": p.Updates, "Unchanged": p.Unchanged, "Failing": p.Failing}))
	head.Wrapping = fyne.TextWrapWord
	head.TextStyle.Bold = true
	plan := widget.NewLabel(undoPlanLines(u))
	plan.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(head, plan)
	var dlg *dialog.ConfirmDialog
	if len(u.Left) > 0 {
		left := widget.NewLabel(lang.L("Left as they are:") + "\n" + undoNoteLines(u.Left, u.Of.ID))
		left.Wrapping = fyne.TextWrapWord
		left.Importance = widget.WarningImportance
		again := widget.NewCheck(lang.L("Take back the records changed since the job too, overwriting those changes"), nil)
		again.SetChecked(include)
		again.OnChanged = func(on bool) {
			dlg.Hide()
			d.planUndo(u.Of, on)
		}
		body.Add(left)
		body.Add(again)
	}
	if len(u.Notes) > 0 {
		notes := widget.NewLabel(lang.L("Not restored:") + "\n" + undoNoteLines(u.Notes, u.Of.ID))
		notes.Wrapping = fyne.TextWrapWord
		body.Add(notes)
	}
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	writes := p.Deletes + p.Creates + p.Updates
	dlg = dialog.NewCustomConfirm(lang.L("Undo job {{.ID}}", map[string]any{"ID": u.Of.ID}), lang.L("Undo…"), lang.L("Cancel"), scroll,
		func(ok bool) {
			if ok {
				d.confirmUndo(u, org)
			}
		}, b.win)
	if writes == 0 || p.Blocked() {
		dlg.SetConfirmText(lang.L("Nothing to take back"))
	}
	dlg.Show()
}

// confirmUndo asks, naming the counts and the organization, before the undo is sent.
func (d *detail) confirmUndo(u *jobs.Undo, org string) {
	if u.Draft == nil {
		return
	}
	p := u.Draft.Preview
	if p.Deletes+p.Creates+p.Updates == 0 || p.Blocked() {
		return
	}
	msg := widget.NewLabel(lang.L("Undo {{.ID}} in {{.Org}}: delete {{.Deletes}}, create {{.Creates}} and restore {{.Updates}} records. It runs as a new job; its own undo redoes this one.",
		map[string]any{"ID": u.Of.ID, "Org": org, "Deletes": p.Deletes, "Creates": p.Creates, "Updates": p.Updates}))
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(lang.L("Undo {{.ID}}?", map[string]any{"ID": u.Of.ID}),
		lang.L("Undo in {{.Org}}", map[string]any{"Org": org}), lang.L("Cancel"), msg,
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

// undoPlanLines lists the undo's plan a record a line, as bulkops plan does: "− " a
// delete, "+ " a create, "~ " a restore with its cells, "! " a record that would fail.
// The rows of the undo's own sheet mean nothing to the user: the records go by key.
func undoPlanLines(u *jobs.Undo) string {
	var lines []string
	if u.Draft == nil {
		return lang.L("Nothing to take back.")
	}
	for _, pl := range u.Draft.Preview.Plan {
		at := map[string]any{"Key": pl.Key}
		switch pl.Action {
		case jobs.ActDelete:
			lines = append(lines, "− "+lang.L("delete {{.Key}}", at))
		case jobs.ActCreate:
			lines = append(lines, "+ "+lang.L("create {{.Key}}", at))
		case jobs.ActUpdate:
			lines = append(lines, "~ "+lang.L("restore {{.Key}}", at))
			for _, c := range pl.Changes {
				lines = append(lines, "    "+lang.L("{{.Column}}: {{.Old}} → {{.New}}",
					map[string]any{"Column": c.Column, "Old": quoted(c.Old), "New": quoted(c.New)}))
			}
		case jobs.ActFail:
			at["Reason"] = pl.Reason
			lines = append(lines, "! "+lang.L("{{.Key}}: {{.Reason}}", at))
		}
	}
	if len(lines) == 0 {
		return lang.L("Nothing to take back.")
	}
	return strings.Join(lines, "\n")
}

// undoNoteLines lists what an undo says of records it leaves alone or cannot restore.
func undoNoteLines(ns []jobs.UndoNote, of string) string {
	lines := make([]string, 0, len(ns))
	for _, n := range ns {
		lines = append(lines, lang.L("{{.Key}} (row {{.Row}} of {{.Job}}): {{.Text}}",
			map[string]any{"Key": n.Key, "Row": n.Row, "Job": of, "Text": n.Text.In(words.Language())}))
	}
	return strings.Join(lines, "\n")
}
