package conn

import (
	"context"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
)

// OrgNames returns the names the organization holds, for the editor's references
// (Connection.Known): for every object type some reference column can name (users,
// which no column names, are not read), the value of its key field. Give it the
// connection's cache (Connection.Org), which the previews of the bulk views share; a type
// that cannot be read is left out, so references to it are not checked, and the first
// such error is returned with the names that could be read.
func OrgNames(api jobs.API) func(context.Context) (sheets.Known, error) {
	types := jobs.ReferencedTypes(catalog.All()...)
	return func(ctx context.Context) (sheets.Known, error) {
		if noAPI(api) {
			return nil, nil
		}
		return jobs.Names(ctx, api, types)
	}
}

// noAPI reports whether api reaches nothing: nil, or a nil client or cache.
func noAPI(api jobs.API) bool {
	switch a := api.(type) {
	case nil:
		return true
	case *jobs.OrgCache:
		return a == nil
	case *webex.Client:
		return a == nil
	}
	return false
}
