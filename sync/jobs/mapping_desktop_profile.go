package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Desktop profiles: the sheet says the parent site but not the parent type, which the
// API requires. It follows from the site: SITE when there is one, else ORGANIZATION (on
// create; an update without a site keeps the profile's). Access to entry points, which
// the sheet has no column for either, is a constant: the catalog's api.fixed.
func init() {
	special["desktop_profile"] = hooks{adjust: adjustDesktopProfile}
}

func adjustDesktopProfile(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if str(item["siteId"]) != "" {
		item["parentType"] = "SITE"
	} else if create {
		item["parentType"] = "ORGANIZATION"
	}
	return nil
}
