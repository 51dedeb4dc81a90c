package bulk

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// A window closed while its job runs leaves the job In Progress; the next window's
// connection resumes it to its end, without creating anything twice.
func TestJobResumesAtNextStart(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	var csv strings.Builder
	csv.WriteString("Name,Multimedia Profile\n")
	for i := range 1200 {
		fmt.Fprintf(&csv, "Branch %04d,Voice Only\n", i)
	}
	e.editor.sheets = []*sheets.Sheet{sheetOf(t, "site", csv.String())}
	e.b.watch = func(p jobs.Progress) {
		if p.Status == jobs.InProgress && p.Done > 0 {
			e.b.cancel() // the window closes mid-job
		}
	}
	test.Tap(e.b.dash.newOp)
	test.Tap(e.b.flow.imp.check)
	test.Tap(e.b.flow.imp.submit)
	id := e.b.flow.jobID
	j, err := e.store.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != jobs.InProgress || j.Done() == 0 || j.Done() == j.Total {
		t.Fatalf("after closing mid-job: %s, %d of %d done", j.Status, j.Done(), j.Total)
	}

	next := newEnv(t) // another window on the same store and organization
	next.b.store = e.store
	next.b.SetConnection(e.target)
	if got := next.row(0); got[colID] != id || got[colStatus] != "Completed" {
		t.Errorf("the next start shows %q", got)
	}
	if j, _ := e.store.Get(context.Background(), id); j.Succeeded != 1200 || j.Failed != 0 {
		t.Errorf("resumed job: %d succeeded, %d failed", j.Succeeded, j.Failed)
	}
	objs, err := e.api.List(context.Background(), "v2/site", nil)
	if err != nil {
		t.Fatal(err)
	}
	branches := 0
	for _, o := range objs {
		if n, _ := o["name"].(string); strings.HasPrefix(n, "Branch ") {
			branches++
		}
	}
	if branches != 1200 {
		t.Errorf("the organization has %d branches, want 1200", branches)
	}
}
