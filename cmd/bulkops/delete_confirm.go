package main

import (
	"fmt"
	"io"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// confirmDeletes asks before a job deletes records, naming how many and from which
// organization: a delete is the one change a sheet cannot show afterwards. Without a
// terminal it asks only when --yes is missing: a script must say --yes to delete.
func confirmDeletes(stderr io.Writer, p jobs.Preview, org string, yes bool) bool {
	switch {
	case yes || p.Deletes == 0:
		return true
	case !stdinTerminal():
		fmt.Fprintln(stderr, "bulkops:", i18n.N(p.Deletes, "the job deletes %d record from %s: give --yes to delete without a terminal", "the job deletes %d records from %s: give --yes to delete without a terminal", org).In(cliLanguage()))
		return false
	}
	return askYes(stderr, i18n.N(p.Deletes, "The job deletes %d record from %s (bulkops plan lists them). Delete? [y/N] ", "The job deletes %d records from %s (bulkops plan lists them). Delete? [y/N] ", org).In(cliLanguage()))
}

// actionFile is the first of files with an Action column: Control Hub cannot delete,
// so a package for it must never carry rows marked for deletion (bulkops submit sends
// them). "" when none has one, or a file cannot be opened (pack says why).
func actionFile(files []string, opt sheets.ReadOptions) string {
	for _, f := range files {
		rs, err := sheets.OpenRows(f, opt)
		if err != nil {
			continue
		}
		h := rs.Header()
		rs.Close()
		if h != nil && h.Index(jobs.ActionHeader) >= 0 {
			return f
		}
	}
	return ""
}
