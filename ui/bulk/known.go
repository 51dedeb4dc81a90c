package bulk

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// OrgNames returns a Target.Known that reads the organization's names through api: for
// every object type the API can list, the value of its key field (names; e-mails for
// users). A type that cannot be read is left out, so references to it are not checked,
// and the first such error is returned with the names that could be read.
// Use it when the connection offers nothing better.
func OrgNames(api jobs.API) func(context.Context) (sheets.Known, error) {
	return func(ctx context.Context) (sheets.Known, error) {
		known := sheets.Known{}
		var first error
		for _, o := range catalog.All() {
			if !o.API.Covered || o.API.List == "" || o.API.KeyField == "" {
				continue
			}
			q := url.Values{"pageSize": {"1000"}}
			if o.API.Filter != "" {
				q.Set("filter", o.API.Filter)
			}
			objs, err := api.List(ctx, o.API.List, q)
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				if first == nil {
					first = fmt.Errorf("reading the %s of the organization: %w", strings.ToLower(o.Title), err)
				}
				continue
			}
			names := make([]string, 0, len(objs))
			for _, ob := range objs {
				if v, ok := ob[o.API.KeyField].(string); ok && v != "" {
					names = append(names, v)
				}
			}
			known[o.Key] = names
		}
		return known, first
	}
}
