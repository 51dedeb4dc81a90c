package bulk

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// planRows bounds the records a step's plan lists; the counts cover them all, and the
// command line's bulkops plan lists every one.
const planRows = 50

// showPlan shows a workbook's check: its sheets' own errors (which block it), or its
// plan step by step, the second pass, what the organization cannot take, and the sums.
func (p *workbookPage) showPlan(wd *jobs.WorkbookDraft) {
	p.wd = wd
	org := p.b.target.OrgLabel()
	if wd.Err() != nil {
		fs := wd.Findings()
		p.summary.SetText(words.T("The sheets have errors of their own: %d. Fix them before submitting:", len(fs)) + "\n" + findingLines(fs, maxListed))
		p.updateSubmit()
		p.relayout()
		return
	}
	pv := wd.Preview()
	p.summary.SetText(words.T("Workbook: %d types, %d rows, in %d steps.", wd.Types(), wd.Rows(), len(wd.Steps)) + " " +
		summaryText(&importCheck{Preview: pv}, org) + failingText(pv, org) + deletesText(pv, org))
	p.steps.Items = nil
	for i, st := range wd.Steps {
		p.steps.Append(widget.NewAccordionItem(stepTitle(i+1, st), stepDetail(st)))
	}
	p.steps.Refresh()
	extra := lateLines(wd) + notCopyableLines(wd, org)
	if copying := p.copyText(wd); copying != "" {
		extra = copying + "\n" + extra
	}
	if extra != "" {
		p.extra.SetText(strings.TrimSuffix(extra, "\n"))
		p.extra.Show()
	}
	p.updateSubmit()
	p.relayout()
}

// failingText names the rows the job will fail: " 310 rows will fail in Acme: each
// step's plan names them."; "" when none will.
func failingText(pv jobs.Preview, org string) string {
	if pv.Failing == 0 {
		return ""
	}
	return " " + words.N(pv.Failing, "%d row will fail in %s: its step's plan names it.", "%d rows will fail in %s: each step's plan names them.", org)
}

// deletesText names the deletes, which the confirmation asks about: " 3 records will be
// deleted from Acme."; "" when there are none.
func deletesText(pv jobs.Preview, org string) string {
	if pv.Deletes == 0 {
		return ""
	}
	return " " + words.N(pv.Deletes, "%d record will be deleted from %s.", "%d records will be deleted from %s.", org)
}

// stepTitle is a step's line: "3. Teams: 4 to create, 1 to update, 0 unchanged, 0 rows
// failing"; the second pass says what it is.
func stepTitle(n int, st *jobs.WorkbookStep) string {
	name := strconv.Itoa(n) + ". " + objectTitle(st.Object().Key)
	switch st.Kind {
	case jobs.StepLate:
		return name + " — " + words.T("second pass: fills the references the first pass left blank")
	case jobs.StepDelete:
		name += " — " + words.T("deletes")
	}
	pv := st.Draft.Preview
	if !pv.Counted {
		return name + ": " + words.T("%d records", pv.Records)
	}
	if st.Kind == jobs.StepDelete {
		return name + ": " + words.T("%d to delete", pv.Deletes)
	}
	return name + ": " + words.T("%d to create, %d to update, %d unchanged, %d rows failing", pv.Creates, pv.Updates, pv.Unchanged, pv.Failing)
}

// stepDetail lists what a step does with each record, as bulkops plan does: + a create
// with its values, ~ an update with each change, − a delete, ! a failure and why.
func stepDetail(st *jobs.WorkbookStep) *widget.Label {
	l := newWrapLabel(widget.MediumImportance)
	if st.Kind == jobs.StepLate {
		l.SetText(words.T("The records of step %s again, once the types they name exist.", objectTitle(st.Object().Key)))
		return l
	}
	l.SetText(planLines(st.Draft.Preview.Plan, planRows))
	return l
}

// planLines are the first n records of a plan, a line each (a create's or an update's
// values indented under it).
func planLines(plan []jobs.Planned, n int) string {
	var b strings.Builder
	shown := 0
	for _, pl := range plan {
		if pl.Action == jobs.ActUnchanged {
			continue
		}
		if shown == n {
			b.WriteString(words.T("… and %d more.", changedRecords(plan)-n))
			break
		}
		shown++
		b.WriteString(planLine(pl))
	}
	if b.Len() == 0 {
		return words.T("Nothing to change: the organization has every record as the sheet says.")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func planLine(pl jobs.Planned) string {
	at := words.T("row %d", pl.Row)
	var b strings.Builder
	switch pl.Action {
	case jobs.ActCreate:
		b.WriteString("+ " + pl.Key + " (" + at + ")\n")
		for _, c := range pl.Changes {
			b.WriteString("    " + c.Column + ": " + quoted(c.New) + "\n")
		}
	case jobs.ActUpdate:
		b.WriteString("~ " + pl.Key + " (" + at + ")\n")
		for _, c := range pl.Changes {
			b.WriteString("    " + c.Column + ": " + quoted(c.Old) + " -> " + quoted(c.New) + "\n")
		}
	case jobs.ActDelete:
		b.WriteString("− " + pl.Key + " (" + at + ")\n")
	case jobs.ActFail:
		b.WriteString("! " + pl.Key + " (" + at + "): " + pl.Reason + "\n")
	}
	return b.String()
}

// changedRecords counts the records of a plan that are not left as they are.
func changedRecords(plan []jobs.Planned) int {
	n := 0
	for _, pl := range plan {
		if pl.Action != jobs.ActUnchanged {
			n++
		}
	}
	return n
}

// lateLines name the second pass: which column of which type is filled once which
// type exists.
func lateLines(wd *jobs.WorkbookDraft) string {
	var b strings.Builder
	for _, l := range wd.Late {
		b.WriteString(words.T("Second pass: the %s column of %s is filled after %s exist.", l.Column, objectTitle(l.From), objectTitle(l.To)) + "\n")
	}
	return b.String()
}

// notCopyableLines list what the organization cannot take, with the reason, before
// anything is sent: the job fails these rows.
func notCopyableLines(wd *jobs.WorkbookDraft, org string) string {
	if len(wd.NotCopyable) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(words.N(len(wd.NotCopyable), "Not copyable into %[2]s: %[1]d row. The job fails it with the reason shown:",
		"Not copyable into %[2]s: %[1]d rows. The job fails them with the reason shown:", org) + "\n")
	for i, nc := range wd.NotCopyable {
		if i == maxListed {
			b.WriteString(words.T("… and %d more.", len(wd.NotCopyable)-maxListed) + "\n")
			break
		}
		b.WriteString(words.T("%s, row %d, %s: %s", objectTitle(nc.Object.Key), nc.Row, nc.Column, nc.Reason.In(words.Language())) + "\n")
	}
	return b.String()
}
