package bulk

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// firstDeletes bounds the deletes a check lists by name; the count says how many.
const firstDeletes = 12

// deleteLines lists the records a plan deletes, one a line: "− Prague (row 3)".
func deleteLines(plan []jobs.Planned, n int) string {
	var lines []string
	total := 0
	for _, pl := range plan {
		if pl.Action != jobs.ActDelete {
			continue
		}
		if total++; total <= n {
			lines = append(lines, "− "+words.T("delete %s (row %d)", pl.Key, pl.Row))
		}
	}
	if total > n {
		lines = append(lines, words.T("… and %d more.", total-n))
	}
	return strings.Join(lines, "\n")
}

// showDeletes heads the check's changes with the records the job deletes: what a reader
// must not miss.
func (p *importPanel) showDeletes(c *importCheck, org string) {
	if c.Deletes == 0 {
		return
	}
	head := widget.NewLabel(words.T("To delete from %s: %d", org, c.Deletes))
	head.TextStyle.Bold = true
	head.Importance = widget.DangerImportance
	list := widget.NewLabel(deleteLines(c.Plan, firstDeletes))
	list.Wrapping = fyne.TextWrapWord
	p.changes.Add(head)
	p.changes.Add(list)
}

// confirmDeletes asks before a job that deletes is submitted, naming the count and the
// organization; then runs submit. A job without deletes goes at once.
func (p *importPanel) confirmDeletes(c *importCheck, submit func()) {
	if c.Deletes == 0 {
		submit()
		return
	}
	org := p.f.b.target.OrgLabel()
	p.askFirst(words.N(c.Deletes, "Delete %d record from %s?", "Delete %d records from %s?", org),
		words.N(c.Deletes, "The job deletes %d record from %s; the check lists it. An undo of the job can create it again.",
			"The job deletes %d records from %s; the check lists them. An undo of the job can create them again.", org),
		words.T("Delete and submit"), widget.MediumImportance, fyne.NewSize(520, 200), submit)
}

// askFirst shows a question with text under title, and runs submit once ok is pressed
// (Cancel sends nothing).
func (p *importPanel) askFirst(title, text, ok string, imp widget.Importance, size fyne.Size, submit func()) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = imp
	d := dialog.NewCustomConfirm(title, ok, words.T("Cancel"), msg, func(yes bool) {
		if yes {
			submit()
		}
	}, p.f.b.win)
	d.Resize(size)
	d.Show()
}
