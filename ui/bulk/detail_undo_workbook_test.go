package bulk

import (
	"context"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// runWorkbook submits sheets of CSV text (type key, text) as one workbook job through
// the engine and runs it to its end.
func (e *env) runWorkbook(name string, texts ...[2]string) jobs.Job {
	e.t.Helper()
	ctx := context.Background()
	var ss []*sheets.Sheet
	for _, kt := range texts {
		ss = append(ss, sheetOf(e.t, kt[0], kt[1]))
	}
	wd, err := jobs.BuildWorkbook(jobs.WorkbookSource{Sheets: ss, Name: name})
	if err == nil {
		err = wd.Check(ctx, e.api)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	j, err := e.b.engine.SubmitWorkbook(ctx, wd, "admin@example.com")
	if err == nil {
		j, err = e.b.engine.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Status != jobs.Completed {
		e.t.Fatalf("workbook job: %v %s", err, j.Status)
	}
	e.b.Refresh()
	return j
}

// A workbook job taken back from the window in one job: "Undo this job…" on its detail
// shows the undo's plan step by step (the layout's teams restored, then the teams and
// the site deleted), and once confirmed every type exports as before the job; the
// undo's own undo makes the job's records again.
func TestUndoWorkbookFromTheWindow(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	types := []string{"site", "team", "desktop_layout"}
	export := func() map[string]string {
		out := map[string]string{}
		for _, k := range types {
			out[k] = e.exportText(k)
		}
		return out
	}
	before := export()
	j := e.runWorkbook("brno.xlsx",
		[2]string{"desktop_layout", "Name,Teams\nGlobal Layout,Brno Sales|Brno Support\n"},
		[2]string{"team", "Name,Site,Type,Desktop Layout\nBrno Sales,Brno,AGENT,Global Layout\nBrno Support,Brno,AGENT,Global Layout\n"},
		[2]string{"site", "Name,Multimedia Profile\nBrno,Voice Only\n"})
	done := export()

	undo := e.undoFromDetail(j.ID, "Undo of "+j.ID+" (brno.xlsx) in Sandbox: delete 3, create 0, restore 1, unchanged 0, failing rows 0.",
		"1. Desktop Layouts: 0 to create, 1 to update, 0 unchanged, 0 rows failing", "~ restore Global Layout",
		"2. Team — deletes: 2 to delete", "− delete Brno Sales / Brno", "3. Site — deletes: 1 to delete", "− delete Brno")
	for k, want := range before {
		if got := e.exportText(k); got != want {
			t.Errorf("%s after the undo differs from before the job:\n%s\nwant:\n%s", k, got, want)
		}
	}
	e.undoFromDetail(undo.ID, "+ create Brno", "+ create Brno Sales / Brno", "~ restore Global Layout")
	for k, want := range done {
		if got := e.exportText(k); got != want {
			t.Errorf("%s after the undo of the undo differs from after the job:\n%s\nwant:\n%s", k, got, want)
		}
	}
}
