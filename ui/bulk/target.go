package bulk

import (
	"context"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// Target is the organization jobs go to, as far as the bulk views need it. The
// connections page makes one for each connection; the zero value is "not connected":
// the dashboard lists nothing and nothing can be submitted.
type Target struct {
	OrgID   string // the organization's id: the jobs of the dashboard are this org's
	OrgName string // shown on the confirm button and stored with each job
	// User is who submits, stored with each job ("ada@example.com").
	User string
	// API reaches the organization; nil while signed out (the jobs are still listed).
	API jobs.API
	// Org is what was read of the organization: the connection's cache (connect.Conn.Org),
	// which the checks before a submit and the editor's names (OrgNames) share. Nil: the
	// bulk views keep one of their own.
	Org *jobs.OrgCache
	// Known returns the names the organization holds by object type (OrgNames). The
	// bulk views do not call it: their check before a submit is the job engine's preview
	// (jobs.Draft.Check), read through Org, which OrgNames shares.
	// It can go once the window gives OrgNames to the editor only.
	Known func(ctx context.Context) (sheets.Known, error)
}

// connected reports whether jobs can be submitted and run.
func (t Target) connected() bool { return t.OrgID != "" && t.API != nil }

// orgLabel names the organization for people: its name, else its id.
func (t Target) orgLabel() string {
	return jobs.OrgName(jobs.OrgShown(words.Language(), t.OrgName), t.OrgID)
}
