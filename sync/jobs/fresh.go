package jobs

import (
	"context"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// A job reads the organization once before it sends anything, and a record changed
// there since the check is refused on that reading (sinceCheck). A long job (2,000
// updates take 6 min 40 s at 300 a minute) would otherwise rely on the server refusing
// a write over a stale version, which no public source says live Webex does. So the job
// sends its records in runs of freshEvery, and before each run after the first reads
// the objects that run updates or deletes again: by name (25 a request) or the whole
// list (1,000 a page), whichever costs fewer requests. The plan counts those reads.

// freshEvery is how many records the job sends on one reading of the organization: a
// list page's worth. A variable so tests can use small runs.
var freshEvery = 1000

// namesPerRequest is how many names a filtered list request carries (orgIndex.load).
const namesPerRequest = 25

// runs splits records into the runs the job sends on one reading each.
func runs(recs []*record) [][]*record {
	var out [][]*record
	for len(recs) > 0 {
		n := min(len(recs), freshEvery)
		out = append(out, recs[:n])
		recs = recs[n:]
	}
	return out
}

// existingNames are the key-field values of the records the organization has (as last
// read): those a run updates, leaves unchanged or deletes, whose objects may have
// changed since.
func (r *runner) existingNames(ctx context.Context, recs []*record) []string {
	seen := map[string]bool{}
	var out []string
	for _, rec := range recs {
		key, name, err := r.org.recordKey(ctx, r.m, rec)
		if err == nil && name != "" && r.org.byKey[key] != nil && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// freshCost is the requests reading names again costs, and whether by name: the whole
// list of an organization of orgSize objects is one request per 1,000.
func freshCost(orgSize, names int) (int, bool) {
	if names == 0 {
		return 0, true
	}
	pages := max(1, (orgSize+999)/1000)
	byName := (names + namesPerRequest - 1) / namesPerRequest
	if byName <= pages {
		return byName, true
	}
	return pages, false
}

// freshReads is what reading the records of every run after the first again costs, as
// the job will do it (the plan's count).
func (r *runner) freshReads(ctx context.Context, recs []*record) int {
	n := 0
	for i, run := range runs(recs) {
		if i > 0 {
			c, _ := freshCost(len(r.org.byKey), len(r.existingNames(ctx, run)))
			n += c
		}
	}
	return n
}

// reread reads the objects of a run again before it is sent, forgetting what the last
// reading said of them: one deleted or renamed since is then absent, not stale.
func (r *runner) reread(ctx context.Context, run []*record, orgSize int) error {
	names := r.existingNames(ctx, run)
	_, byName := freshCost(orgSize, len(names))
	if len(names) == 0 {
		return nil
	}
	if !byName {
		r.org.byKey = map[string]webex.Object{}
		return r.org.load(ctx, r.api, nil)
	}
	for _, rec := range run {
		if key, _, err := r.org.recordKey(ctx, r.m, rec); err == nil {
			delete(r.org.byKey, key)
		}
	}
	return r.org.load(ctx, r.api, names)
}

// goneSinceCheck refuses to create a record the check found in the organization: the
// object was deleted or renamed since, and creating it again is not what was planned.
func (r *runner) goneSinceCheck(ctx context.Context, rec *record) error {
	if r.plan == nil || r.wasSent(rec) {
		return nil
	}
	key, _, err := r.org.recordKey(ctx, r.m, rec)
	if err != nil {
		return nil
	}
	if exp, ok := r.plan[key]; ok && exp.existed {
		return &rowError{column: rec.lay.headerOf(r.org.keys[0]), text: i18n.M(
			"%s was deleted or renamed in the organization since the check; check again to see what this row does now", rec.keyText(r.obj))}
	}
	return nil
}
