package bulk

import (
	"github.com/bulkops/bulkops/sync/jobs"
)

// orgAPI is what the previews read the organization through: the connection's cache;
// nil while not connected.
func (b *Bulk) orgAPI() jobs.API {
	if b.org == nil {
		return nil
	}
	return b.org
}

// orgChanged forgets what was read of the organization: a job ended, and changed it, or
// the views leave the connection (what it holds is read again when they come back).
func (b *Bulk) orgChanged() {
	if b.org != nil {
		b.org.Invalidate()
	}
}
