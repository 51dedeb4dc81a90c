// Package doctor checks, without writing anything, that an organization answers the way
// the job engine relies on: its API host, its tenant record, and for every object type
// one page listed as the engine lists it (the catalog's filter, paging) and one object
// read, with the fields export and update use. It is what `bulkops doctor` runs; a user
// attaches its report when something fails on a real organization.
package doctor

import (
	"context"
	"net/url"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Reader is what the checks need of the API: reads only, so a check cannot write.
type Reader interface {
	OrgID() string
	BaseURL() string
	Organization(ctx context.Context) (webex.Object, error)
	ListPage(ctx context.Context, path string, query url.Values) (webex.Page, error)
	Get(ctx context.Context, path, id string) (webex.Object, error)
	IncomingReferences(ctx context.Context, path, id, typ string, page int) (webex.References, error)
}

var _ Reader = (*webex.Client)(nil)

// Status is how a check came out.
type Status int

const (
	OK Status = iota
	Warn
	Fail
)

// Tag is the status as the first word of a line: ok, warn, FAIL.
func (s Status) Tag() string { return [...]string{"ok", "warn", "FAIL"}[s] }

// Check is one line of the report.
type Check struct {
	Status Status
	Text   i18n.Msg
}

// Report is every check, in the order they ran.
type Report struct {
	Checks []Check
}

func (r *Report) add(s Status, text i18n.Msg) {
	r.Checks = append(r.Checks, Check{Status: s, Text: text})
}

// Count returns how many checks came out each way.
func (r Report) Count() (ok, warn, fail int) {
	for _, c := range r.Checks {
		switch c.Status {
		case OK:
			ok++
		case Warn:
			warn++
		default:
			fail++
		}
	}
	return ok, warn, fail
}

// Failed reports whether any check failed.
func (r Report) Failed() bool { _, _, f := r.Count(); return f > 0 }

// Run checks the organization api talks to, for the object types objs (catalog.All()
// for every one). It stops early only when ctx is done.
func Run(ctx context.Context, api Reader, objs []*catalog.Object) Report {
	var r Report
	checkHost(&r, api.BaseURL())
	checkTenant(ctx, &r, api)
	for _, o := range objs {
		if ctx.Err() != nil {
			r.add(Fail, i18n.M("stopped: %s", i18n.Of(ctx.Err())))
			break
		}
		if o.API.Covered && o.API.List != "" {
			checkType(ctx, &r, api, o)
		}
	}
	return r
}
