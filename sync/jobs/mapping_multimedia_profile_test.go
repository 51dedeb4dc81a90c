package jobs

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Live (wxcc-skills): on a tenant without the work-item feature, a multimedia profile
// PUT that sends back the workItem its GET carried gets 400 "workItem is not allowed
// when feature flag is disabled". A job updating profiles there completes: the field is
// left out after the first refusal, and the tenant's other values are as the sheet says.
func TestMultimediaProfileUpdateWithoutWorkItemFeature(t *testing.T) {
	e := newEnv(t, envOptions{sandbox: sandbox.Options{WorkItemFeature: false}})
	e.eng.Parallel = 1
	_, from := e.log.since(0)
	j := e.submitRun("multimedia_profile", e.pack("multimedia_profile", "Name,Description,Type,Voice,Chat,Email,Social\n"+
		"Voice Only,voice desk,EXCLUSIVE,1,0,0,0\nBlended Digital,digital desk,BLENDED,1,4,2,1\n"))
	if j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	reqs, _ := e.log.since(from)
	var puts []string
	for _, r := range writes(reqs) {
		if strings.HasPrefix(r, "PUT multimedia-profile/") {
			puts = append(puts, r)
		}
	}
	if len(puts) != 3 { // the first refused once, then sent without workItem; the second at once
		t.Errorf("%d PUTs, want 3:\n%s", len(puts), strings.Join(puts, "\n"))
	}
	if p := e.object("multimedia_profile", "Blended Digital"); jsonText(p["chat"]) != "4" || p["description"] != "digital desk" {
		t.Errorf("Blended Digital: chat %v, description %v", p["chat"], p["description"])
	}
}
