package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Entry point mappings (dial numbers): the API requires the entry point's name beside
// its id (entryPointName), which the sheet's Entry Point column names already: it is
// sent on every save, so that a mapping moved to another entry point carries the new
// name (catalog api.derived).
func init() {
	special["entry_point_mapping"] = hooks{adjust: adjustDialNumber}
}

func adjustDialNumber(ctx context.Context, m *mapper, _ *record, item webex.Object, _ bool) error {
	ep, err := m.res.byID(ctx, "entry_point", str(item["entryPointId"]))
	if ep != nil {
		item["entryPointName"] = ep.name
	}
	return err
}
