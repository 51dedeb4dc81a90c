package bulk

import (
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// copyText is the window's wrong-organization guard, as bulkops submit's: a workbook
// exported from another organization (jobs.WorkbookDraft.CopyFrom) is a copy, and the
// plan and the confirmation say so, naming both organizations with their ids (two
// organizations may share a name: the demo's export submitted to a second sandbox).
// "" when the workbook is the organization's own or does not say where it came from.
func (p *workbookPage) copyText(wd *jobs.WorkbookDraft) string {
	t := p.b.target
	from := wd.CopyFrom(t.OrgID)
	if from == nil {
		return ""
	}
	code := words.Language()
	return words.T("%s was exported from %s: submitting it to %s copies it into another organization.", wd.Name, jobs.OrgLabel(jobs.OrgShown(code, from.OrgName), from.OrgID), jobs.OrgLabel(jobs.OrgShown(code, t.OrgName), t.OrgID))
}
