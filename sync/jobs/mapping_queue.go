package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Queues and outdial queues: the API requires the kind of routing (queueRoutingType),
// which Control Hub's sheet does not ask but which follows from the row's Routing Type:
// a skills-based queue routes by skill, every other distributes to the teams of its
// distribution groups. A new queue gets it; an update keeps what the queue has. The
// other required fields without a column are constants: the catalog's api.fixed.
func init() {
	h := hooks{adjust: adjustQueue}
	special["queue"] = h
	special["outdial_queue"] = h
}

func adjustQueue(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if _, set := item["queueRoutingType"]; !create || set {
		return nil
	}
	item["queueRoutingType"] = "TEAM_BASED"
	if item["routingType"] == "SKILLS_BASED" {
		item["queueRoutingType"] = "SKILL_BASED"
	}
	return nil
}
