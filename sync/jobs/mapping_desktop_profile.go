package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Desktop profiles: the sheet says the parent site but not the parent type, and has no
// column for access to entry points, both of which the API requires. The parent type
// follows from the site (SITE when there is one, else ORGANIZATION); a new profile may
// use every entry point, as Control Hub's import gives it.
func init() {
	special["desktop_profile"] = hooks{adjust: adjustDesktopProfile}
}

func adjustDesktopProfile(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if str(item["siteId"]) != "" {
		item["parentType"] = "SITE"
	} else if create {
		item["parentType"] = "ORGANIZATION"
	}
	if _, set := item["accessEntryPoint"]; create && !set {
		item["accessEntryPoint"] = "ALL"
	}
	return nil
}
