package jobs

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Unknown live: whether a queue create needs defaultMusicInQueueMediaFileId (one source
// says 400, another lists it optional). The engine does not guess: on an organization
// that wants it, the row fails with the organization's words, which name the field.
func TestQueueDefaultMusicRequiredSaidOnTheRow(t *testing.T) {
	e := newEnv(t, envOptions{sandbox: sandbox.Options{Unverified: sandbox.Unverified{QueueNeedsDefaultMusic: true}}})
	q := "Name,Description,Channel Type,Max Time In Queue,Service Level Threshold,Timezone,Permit Monitoring," +
		"Permit Recording,Record All Calls,Pause or Resume Enabled,Recording Pause Duration,Default Music in Queue," +
		"Routing Type,Skill-Based Agent Selection,Distribution Group,Distribution Group Seq,Group Fallback Time,Group Teams\n" +
		"Silent Queue,,CHAT,600,20,,,,,,,,LONGEST_AVAILABLE_AGENT,,,,,\n" +
		"Silent Queue,,,,,,,,,,,,,,Group 1,1,0,Support: Prague\n"
	j := e.submitRun("queue", e.pack("queue", q))
	errs := e.errorCSV(j.ID)
	if j.Status == Completed || !strings.Contains(errs, "defaultMusicInQueueMediaFileId is required") {
		t.Errorf("job %s, errors:\n%s", j.Status, errs)
	}
}
