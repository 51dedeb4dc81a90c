package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Multimedia profiles: live tenants require blendingModeEnabled on create, which the
// sheet does not ask but which follows from its Type: BLENDED and BLENDED_REALTIME
// blend channels, EXCLUSIVE does not (catalog api.derived). An update keeps the stored
// value. manuallyAssignable, also required, is a constant: the catalog's api.fixed.
//
// An update sends the profile as the organization gave it, workItem included (a GET
// carries it at the top level and in manuallyAssignable). A tenant without the
// work-item feature refuses it (live, wxcc-skills: 400 "workItem is not allowed when
// feature flag is disabled"); webex.Client.Update then leaves it out and remembers that
// for the organization, so a tenant with the feature keeps its values.
func init() {
	special["multimedia_profile"] = hooks{adjust: adjustMultimediaProfile}
}

func adjustMultimediaProfile(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if _, set := item["blendingModeEnabled"]; create && !set {
		item["blendingModeEnabled"] = item["blendingMode"] != "EXCLUSIVE"
	}
	return nil
}
