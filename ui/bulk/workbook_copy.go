package bulk

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// copyText is the window's wrong-organization guard, as bulkops submit's: a workbook
// exported from another organization (jobs.WorkbookDraft.CopyFrom) is a copy, and the
// plan and the confirmation say so, naming both organizations with their ids (two
// organizations may share a name: the demo's export submitted to a second sandbox).
// "" when the workbook is the organization's own or does not say where it came from.
func (p *workbookPage) copyText(wd *jobs.WorkbookDraft) string {
	return p.b.copyText(wd.Name, wd.CopyFrom(p.b.target.OrgID))
}

// copyText says that the file name, exported from from, is being copied into the
// organization the page is connected to; "" when from is nil.
func (b *Bulk) copyText(name string, from *sheets.Origin) string {
	if from == nil {
		return ""
	}
	t, code := b.target, words.Language()
	return words.T("%s was exported from %s: submitting it to %s copies it into another organization.",
		name, jobs.OrgLabel(jobs.OrgShown(code, from.OrgName), from.OrgID), jobs.OrgLabel(jobs.OrgShown(code, t.OrgName), t.OrgID))
}

// copyText is the guard for a check of one type: a single-type export to .xlsx records
// its organization as a workbook does (jobs.Draft.CopyFrom).
func (p *importPanel) copyText(c *importCheck) string {
	if c == nil || c.draft == nil {
		return ""
	}
	return p.f.b.copyText(checkName(c), c.draft.CopyFrom(p.f.b.target.OrgID))
}

// checkName is the file a check read, as the guard names it.
func checkName(c *importCheck) string {
	for _, s := range c.draft.Sheets {
		if s.File != "" {
			return filepath.Base(s.File)
		}
	}
	return c.draft.Object.Title
}

// confirmCopy asks before a check of one type is copied into another organization,
// then goes on to submit; without a copy it submits at once.
func (p *importPanel) confirmCopy(c *importCheck, submit func()) {
	text := p.copyText(c)
	if text == "" {
		submit()
		return
	}
	p.askFirst(words.T("Copy into %s?", p.f.b.target.OrgLabel()), text, words.T("Copy and submit"),
		widget.WarningImportance, fyne.NewSize(520, 220), submit)
}
