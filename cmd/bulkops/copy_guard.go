package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The wrong-organization guard of a workbook: one exported from another organization
// (bulkops export --all records where it came from) is a copy, and the plan and the
// submit say so, naming both, before anything is sent: an admin signed in to
// production with the lab's workbook meant to change the lab.

// copied is a workbook draft or a draft of one type: what says where it was exported from.
type copied interface {
	CopyFrom(orgID string) *sheets.Origin
}

// jobName is the file name of a job of files on the dashboard: the first file's, and
// how many more.
func jobName(files []string) string {
	name := filepath.Base(files[0])
	if len(files) > 1 {
		name = fmt.Sprintf("%s and %d more", name, len(files)-1)
	}
	return name
}

// copyLine says that the file name (wd) is a copy from another organization into eng's;
// "" when it is not (its own organization's export, or a file that does not say).
func copyLine(name string, wd copied, eng *jobs.Engine) string {
	from := wd.CopyFrom(eng.OrgID)
	if from == nil {
		return ""
	}
	return say("%s was exported from %s: submitting it to %s copies it into another organization",
		name, jobs.OrgLabel(jobs.OrgShown(cliLanguage(), from.OrgName), from.OrgID), engineOrg(eng))
}

// confirmCopy asks before a copy into another organization: --yes copies, no terminal
// refuses.
func confirmCopy(stderr io.Writer, name string, wd copied, eng *jobs.Engine, yes bool) bool {
	line := copyLine(name, wd, eng)
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
