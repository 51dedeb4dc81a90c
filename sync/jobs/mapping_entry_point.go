package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sync/webex"
)

// Entry points and outdial entry points: the API requires maximumActiveContacts, which
// Control Hub's sheet has no column for. A new entry point gets a default; an update
// keeps what the entry point has.
func init() {
	h := hooks{adjust: adjustEntryPoint}
	special["entry_point"] = h
	special["outdial_entry_point"] = h
}

func adjustEntryPoint(_ context.Context, _ *mapper, _ *record, item webex.Object, create bool) error {
	if _, set := item["maximumActiveContacts"]; create && !set {
		item["maximumActiveContacts"] = int64(100)
	}
	return nil
}
