package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Auxiliary codes: the sheet names the work type; the API wants its id and also its kind
// (IDLE_CODE or WRAP_UP_CODE) on the code, which is the work type's.
func init() {
	special["auxiliary_code"] = hooks{adjust: adjustAuxCode}
}

func adjustAuxCode(ctx context.Context, m *mapper, _ *record, item webex.Object, _ bool) error {
	wt, err := m.res.byID(ctx, "work_type", str(item["workTypeId"]))
	if wt != nil && wt.obj["workTypeCode"] != nil {
		item["workTypeCode"] = wt.obj["workTypeCode"]
	}
	return err
}
