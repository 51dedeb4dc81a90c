package main

import (
	"fmt"
	"io"

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
		fmt.Fprintln(stderr, "bulkops:", say("the job deletes %d record(s) from %s: give --yes to delete without a terminal", p.Deletes, org))
		return false
	}
	return askYes(stderr, say("The job deletes %d record(s) from %s (bulkops plan lists them). Delete? [y/N] ", p.Deletes, org))
}
