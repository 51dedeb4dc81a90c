package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Queues and outdial queues: the API requires three fields that Control Hub's sheet has
// no column for. A new queue gets them as Control Hub's import gives them; an update
// keeps what the queue has.
func init() {
	h := hooks{adjust: adjustQueue}
	special["queue"] = h
	special["outdial_queue"] = h
}

func adjustQueue(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if !create {
		return nil
	}
	defaults := map[string]any{"checkAgentAvailability": false, "maxActiveContacts": int64(100)}
	// A skills-based queue routes by skill; every other routing type distributes to
	// the teams of its distribution groups.
	if item["routingType"] == "SKILLS_BASED" {
		defaults["queueRoutingType"] = "SKILL_BASED"
	} else {
		defaults["queueRoutingType"] = "TEAM_BASED"
	}
	for k, v := range defaults {
		if _, set := item[k]; !set {
			item[k] = v
		}
	}
	return nil
}
