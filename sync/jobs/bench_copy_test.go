package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// TestCopyAtTheRequestFloor (make bench-export): the demo organization copied into the
// empty one by one workbook job, its requests against the fewest the API allows. The
// floor: each list the job needs (a type it writes, a type a written column names)
// read once, a page per thousand objects; each type's creates and updates in batches
// of the engine's size where the route takes a batch, else one request per record;
// and the GETs live lists force (an update of a type whose list leaves out what the
// update must send back). The rows the plan lists as not copyable cost nothing. The
// job reads each list again when its step's turn comes (the names the steps before it
// created), which the floor does not: the ratio says what that costs.
func TestCopyAtTheRequestFloor(t *testing.T) {
	demo := newEnv(t, envOptions{})
	target := newEnv(t, envOptions{sandbox: sandbox.Options{Seed: sandbox.SeedEmpty}})
	ss := exportWorkbook(t, demo, "demo.xlsx")
	wd, err := BuildWorkbook(WorkbookSource{Sheets: ss, Name: "demo.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	_, at := target.log.since(0)
	if err := wd.Check(context.Background(), NewOrgCache(target.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	planReads, atJob := target.log.since(at)
	j, err := target.eng.SubmitWorkbook(context.Background(), wd, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = target.eng.Run(context.Background(), j.ID, nil); err != nil {
		t.Fatal(err)
	}
	sent, _ := target.log.since(atJob)
	lists, writes, gets := copyFloor(t, target, wd)
	floor := lists + writes + gets
	p := wd.Preview()
	t.Logf("copy of the demo into the empty organization: %d types, %d rows (%d created, %d updated, %d not copyable); "+
		"plan: %d requests (%d lists); job: %d requests, floor %d (%d lists, %d writes, %d GETs): %.2f; at 300 a minute %.1f s (floor %.1f s)",
		wd.Types(), wd.Rows(), p.Creates, p.Updates, len(wd.NotCopyable), len(planReads), lists,
		len(sent), floor, lists, writes, gets, float64(len(sent))/float64(floor), float64(len(sent))/5, float64(floor)/5)
	if len(sent) < floor {
		t.Errorf("the job made %d requests, under the floor %d: the floor is wrong\n%s", len(sent), floor, strings.Join(sent, "\n"))
	}
	if len(sent) > 2*floor {
		t.Errorf("the job made %d requests, more than twice the floor %d:\n%s", len(sent), floor, strings.Join(sent, "\n"))
	}
}

// copyFloor is the fewest requests wd's job can make in e's organization, in three
// parts: the list pages, the writes, the GETs live lists force.
func copyFloor(t *testing.T, e *env, wd *WorkbookDraft) (lists, writes, gets int) {
	batch := e.eng.batchSize()
	perRoute := func(r catalog.Route, n int) int {
		if r.Bulk() {
			return (n + batch - 1) / batch
		}
		return n
	}
	read := map[string]string{} // list path and filter → a type it lists
	for _, st := range wd.Steps {
		o := st.Object()
		read[o.API.List+"?"+o.API.Filter] = o.Key
		for _, sh := range st.Draft.Sheets {
			for _, c := range sh.Columns {
				if c.Spec != nil && c.Spec.Type == catalog.Ref {
					if to, ok := catalog.Lookup(c.Spec.Ref); ok {
						read[to.API.List+"?"+to.API.Filter] = to.Key
					}
				}
			}
		}
		creates, updates := st.Draft.Preview.Creates, st.Draft.Preview.Updates
		if st.Kind == StepLate {
			creates, updates = 0, len(keysOf(st))
		}
		writes += perRoute(o.API.Routes.Create, creates) + perRoute(o.API.Routes.Update, updates)
		if len(listGaps[o.Key]) > 0 && o.API.Routes.Update.One() {
			gets += updates // the PUT sends the whole object, and the list leaves part out
		}
	}
	for _, key := range read {
		lists += max(1, (len(e.objects(key))+999)/1000)
	}
	return lists, writes, gets
}
