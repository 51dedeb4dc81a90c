package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// workbookConfirm is the confirmation before a workbook is submitted: it names the
// organization and the counts, a copy from another organization names both first, and
// deletes need a box of their own ticked, naming their count.
type workbookConfirm struct {
	dlg     dialog.Dialog
	text    *widget.Label
	copying *widget.Label // a copy from another organization, naming both; nil when none
	deletes *widget.Check // nil when the workbook deletes nothing
	ok      *widget.Button
}

// confirm asks before submitting the checked workbook.
func (p *workbookPage) confirm() {
	wd, b := p.wd, p.b
	if wd == nil || p.submit.Disabled() {
		return
	}
	org := b.target.OrgLabel()
	pv := wd.Preview()
	c := &workbookConfirm{}
	c.text = newWrapLabel(widget.MediumImportance)
	copying := p.copyText(wd)
	if copying != "" {
		c.copying = newWrapLabel(widget.WarningImportance)
		c.copying.TextStyle.Bold = true
		c.copying.SetText(copying)
	}
	c.text.SetText(words.T("Submit %d types, %d rows to %s as one job? %d will be created, %d updated, %d left as they are; %d rows will fail.", wd.Types(), wd.Rows(), org, pv.Creates, pv.Updates, pv.Unchanged, pv.Failing))
	cancel := widget.NewButtonWithIcon(words.T("Cancel"), theme.CancelIcon(), func() { c.dlg.Hide() })
	c.ok = widget.NewButtonWithIcon(words.T("Submit"), theme.UploadIcon(), func() {
		c.dlg.Hide()
		p.startSubmit(wd)
	})
	c.ok.Importance = widget.HighImportance
	body := container.NewVBox(c.text)
	if c.copying != nil {
		body = container.NewVBox(c.copying, c.text)
	}
	if pv.Deletes > 0 {
		c.deletes = widget.NewCheck(words.N(pv.Deletes, "Delete %d record from %s", "Delete %d records from %s", org),
			func(on bool) {
				if on {
					c.ok.Enable()
				} else {
					c.ok.Disable()
				}
			})
		c.ok.Disable()
		body.Add(c.deletes)
	}
	c.dlg = dialog.NewCustomWithoutButtons(workbookTitle(), container.NewBorder(nil, container.NewHBox(cancel, c.ok), nil, nil, body), b.win)
	c.dlg.Resize(fyne.NewSize(560, 0))
	c.dlg.Show()
	// Nothing in it takes the keyboard, so the window's keys reach its buttons: Esc
	// presses Cancel, Enter Submit. (Focused, a button would take Enter and do nothing.)
	// With deletes, Tab reaches their box first; until it is ticked Enter cancels.
	p.confirming = c
}

// startSubmit stores the workbook as one job and runs it in the background; the job's
// page shows its steps.
func (p *workbookPage) startSubmit(wd *jobs.WorkbookDraft) {
	b := p.b
	eng, ctx, user := b.engine, b.ctx, b.target.User
	if eng == nil {
		return
	}
	p.busy(true)
	p.submit.Disable()
	p.say(words.T("Submitting…"))
	b.async(func() {
		j, err := eng.SubmitWorkbook(ctx, wd, user)
		fyne.Do(func() {
			p.busy(false)
			if err != nil {
				p.say(submitError(err))
				b.Refresh()
				return
			}
			p.say("")
			p.wd = nil // submitted: a second Submit would be refused anyway
			p.updateSubmit()
			b.showJob(j.ID)
			b.Refresh()
			b.run(j.ID, nil)
		})
	})
}
