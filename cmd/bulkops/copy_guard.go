package main

import (
	"fmt"
	"io"

	"github.com/bulkops/bulkops/sync/jobs"
)

// The wrong-organization guard of a workbook: one exported from another organization
// (bulkops export --all records where it came from) is a copy, and the plan and the
// submit say so, naming both, before anything is sent: an admin signed in to
// production with the lab's workbook meant to change the lab.

// copyLine says that wd is a copy from another organization into eng's; "" when it is
// not (its own organization's export, or a workbook that does not say).
func copyLine(wd *jobs.WorkbookDraft, eng *jobs.Engine) string {
	from := wd.CopyFrom(eng.OrgID)
	if from == nil {
		return ""
	}
	return say("%s was exported from %s: submitting it to %s copies it into another organization",
		wd.Name, jobs.OrgLabel(jobs.OrgShown(cliLanguage(), from.OrgName), from.OrgID), engineOrg(eng))
}

// confirmCopy asks before a copy into another organization: --yes copies, no terminal
// refuses.
func confirmCopy(stderr io.Writer, wd *jobs.WorkbookDraft, eng *jobs.Engine, yes bool) bool {
	line := copyLine(wd, eng)
	switch {
	case line == "":
		return true
	case yes:
		fmt.Fprintln(stderr, line)
		return true
	case !stdinTerminal():
		fmt.Fprintln(stderr, "bulkops:", line+": "+say("give --yes to copy without a terminal"))
		return false
	}
	fmt.Fprintln(stderr, line)
	return askYes(stderr, say("Copy it into %s? [y/N] ", engineOrg(eng)))
}
