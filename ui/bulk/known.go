package bulk

import (
	"context"
	"sync"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
)

// orgTTL is how long what was read of an organization serves the editor's names and the
// previews before a submit. The end of a job reads it again sooner: it changed it.
const orgTTL = time.Minute

// OrgNames returns the names the organization holds, for the editor's references
// (ui.Connection.Known): for every object type some reference column can name (users,
// which no column names, are not read), the value of its key field. They are read
// through the connection's cache, which the previews of the bulk views share; a type
// that cannot be read is left out, so references to it are not checked, and the first
// such error is returned with the names that could be read.
func OrgNames(api jobs.API) func(context.Context) (sheets.Known, error) {
	types := jobs.ReferencedTypes(catalog.All()...)
	return func(ctx context.Context) (sheets.Known, error) {
		oc := orgCache(api)
		if oc == nil {
			return nil, nil
		}
		return jobs.Names(ctx, oc, types)
	}
}

// caches holds one cache of what was read per connection, so that the editor's names
// (OrgNames) and the bulk views' previews share it, and a job's end makes both read
// again. A connection is its client: the same *webex.Client is given to both. The bulk
// views drop a connection's cache when they leave it.
var caches = struct {
	sync.Mutex
	m map[*webex.Client]*jobs.OrgCache
}{m: map[*webex.Client]*jobs.OrgCache{}}

// orgCache returns the cache of the connection api reaches; nil for nil. Any other API
// than a *webex.Client (a test's) gets a cache of its own.
func orgCache(api jobs.API) *jobs.OrgCache {
	c, ok := api.(*webex.Client)
	switch {
	case api == nil || ok && c == nil:
		return nil
	case !ok:
		return jobs.NewOrgCache(api, orgTTL)
	}
	caches.Lock()
	defer caches.Unlock()
	oc := caches.m[c]
	if oc == nil {
		oc = jobs.NewOrgCache(c, orgTTL)
		caches.m[c] = oc
	}
	return oc
}

// dropOrgCache forgets the cache of the connection api reaches.
func dropOrgCache(api jobs.API) {
	if c, ok := api.(*webex.Client); ok {
		caches.Lock()
		delete(caches.m, c)
		caches.Unlock()
	}
}

// orgAPI is what the previews read the organization through: the connection's cache;
// nil while not connected.
func (b *Bulk) orgAPI() jobs.API {
	if b.org == nil {
		return nil
	}
	return b.org
}

// orgChanged forgets what was read of the organization: a job ended, and changed it.
func (b *Bulk) orgChanged() {
	if b.org != nil {
		b.org.Invalidate()
	}
}
