package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// undoBook plans the undo of workbook job id against a fresh reading of the
// organization and checks that its plan fails nothing.
func (e *env) undoBook(t *testing.T, id string) *Undo {
	t.Helper()
	ctx := context.Background()
	u, err := e.eng.PlanUndo(ctx, id, UndoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if u.Book == nil {
		t.Fatalf("the undo of workbook job %s is not a workbook", id)
	}
	if err := u.Check(ctx, NewOrgCache(e.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	if p := u.Preview(); p.Failing > 0 {
		t.Fatalf("the undo's plan fails %d rows: %v", p.Failing, p.Org)
	}
	return u
}

// runUndo submits the checked undo u and runs it; it must complete.
func (e *env) runUndo(t *testing.T, u *Undo) Job {
	t.Helper()
	ctx := context.Background()
	j, err := e.eng.SubmitUndo(ctx, u, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil {
		t.Fatal(err)
	}
	if j.Status != Completed {
		t.Fatalf("undo job %s ended %s: %s\n%s", j.ID, j.Status, j.Reason, e.stepErrors(j.ID))
	}
	if j.UndoOf != u.Of.ID {
		t.Errorf("undo job %s is linked to %q, want %s", j.ID, j.UndoOf, u.Of.ID)
	}
	return j
}

// A workbook job (a site, its two teams, and a desktop layout's Teams filled by the
// cycle's second pass) is taken back in one job: its plan says what the job does (the
// layout's teams restored, then the teams and the site deleted: none refused as still
// in use), every type exports as before the job, and the undo of the undo makes it
// again, the deleted site named by the teams it makes again.
func TestUndoWorkbookJobInOneJob(t *testing.T) {
	e := newEnv(t, envOptions{})
	types := []string{"site", "team", "desktop_layout"}
	before := map[string]string{}
	for _, k := range types {
		before[k] = e.exported(t, k)
	}
	j := e.runWorkbook(t, e.workbookOf(t, "brno.xlsx",
		[2]string{"desktop_layout", "Name,Teams\nGlobal Layout,Brno Sales|Brno Support\n"},
		[2]string{"team", "Name,Site,Type,Desktop Layout\nBrno Sales,Brno,AGENT,Global Layout\nBrno Support,Brno,AGENT,Global Layout\n"},
		[2]string{"site", "Name,Multimedia Profile\nBrno,Voice Only\n"}))
	after := map[string]string{}
	for _, k := range types {
		after[k] = e.exported(t, k)
	}

	u := e.undoBook(t, j.ID)
	if kinds := stepKinds(u.Book); kinds != "desktop_layout team (deletes) site (deletes)" {
		t.Errorf("the undo's steps: %q", kinds)
	}
	if p := u.Preview(); p.Deletes != 3 || p.Updates != 1 || p.Creates != 0 {
		t.Errorf("the undo's plan: %d deletes, %d updates, %d creates; want 3, 1, 0", p.Deletes, p.Updates, p.Creates)
	}
	undo := e.runUndo(t, u)
	for _, k := range types {
		if got := e.exported(t, k); got != before[k] {
			t.Errorf("%s after the undo differs from before the job:\nbefore:\n%s\nafter:\n%s", k, before[k], got)
		}
	}

	redo := e.undoBook(t, undo.ID)
	if kinds := stepKinds(redo.Book); kinds != "site team desktop_layout" {
		t.Errorf("the undo of the undo's steps: %q", kinds)
	}
	if p := redo.Preview(); p.Creates != 3 || p.Updates != 1 {
		t.Errorf("the undo of the undo's plan: %d creates, %d updates; want 3 and 1", p.Creates, p.Updates)
	}
	e.runUndo(t, redo)
	for _, k := range types {
		if got := e.exported(t, k); got != after[k] {
			t.Errorf("%s after the undo of the undo differs from after the job:\nwant:\n%s\ngot:\n%s", k, after[k], got)
		}
	}
}

// A record two steps of the undo write: the layout whose description the workbook's
// first pass changed and whose teams its second pass filled gets its teams back in the
// undo's first step and its description in a later one, which must not take that
// first step's write for a change made by someone else since the check.
func TestUndoWorkbookWritesARecordTwice(t *testing.T) {
	e := newEnv(t, envOptions{})
	before := e.exported(t, "desktop_layout")
	j := e.runWorkbook(t, e.workbookOf(t, "ostrava.xlsx",
		[2]string{"desktop_layout", "Name,Description,Teams\nGlobal Layout,Ostrava desk,Ostrava Sales\n"},
		[2]string{"team", "Name,Site,Type,Desktop Layout\nOstrava Sales,Ostrava,AGENT,Global Layout\n"},
		[2]string{"site", "Name,Multimedia Profile\nOstrava,Voice Only\n"}))
	u := e.undoBook(t, j.ID)
	if kinds := stepKinds(u.Book); kinds != "desktop_layout team (deletes) desktop_layout site (deletes)" {
		t.Errorf("the undo's steps: %q", kinds)
	}
	e.runUndo(t, u)
	if got := e.exported(t, "desktop_layout"); got != before {
		t.Errorf("the layouts after the undo differ from before the job:\nbefore:\n%s\nafter:\n%s", before, got)
	}
}

// The names a reference cell stops naming: a list's items by name, whatever their
// case or qualifier ("Brno Sales: Brno" is Brno Sales).
func TestLostNames(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"Brno Sales|Brno Support", "", "brno sales|brno support"},
		{"Brno Sales|Brno Support", "brno support", "brno sales"},
		{"Brno Sales: Brno| Ostrava", "Brno Sales|Ostrava|Praha", ""},
		{"", "Brno", ""},
	} {
		if got := strings.Join(lostNames(c.old, c.new), "|"); got != c.want {
			t.Errorf("%q -> %q: lost %q, want %q", c.old, c.new, got, c.want)
		}
	}
}

// A copy of the demo organization into the empty one, taken back in one job: the undo's
// plan fails nothing, it runs to its end, and every type of the empty organization
// exports as before the copy.
func TestUndoCopyIntoEmpty(t *testing.T) {
	ctx := context.Background()
	demo := newEnv(t, envOptions{})
	target := newEnv(t, envOptions{sandbox: sandbox.Options{Seed: sandbox.SeedEmpty}})
	before := map[string]string{}
	for _, s := range exportWorkbook(t, target, "before.xlsx") {
		before[s.Object.Key] = sheetText(t, s)
	}
	wd, err := BuildWorkbook(WorkbookSource{Sheets: exportWorkbook(t, demo, "demo.xlsx"), Name: "demo.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wd.Check(ctx, NewOrgCache(target.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	j, err := target.eng.SubmitWorkbook(ctx, wd, "admin@example.com")
	if err == nil {
		j, err = target.eng.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Succeeded == 0 {
		t.Fatalf("the copy: %v, %d succeeded", err, j.Succeeded)
	}
	u := target.undoBook(t, j.ID)
	p := u.Preview()
	if p.Deletes == 0 {
		t.Errorf("the undo of the copy deletes nothing")
	}
	t.Logf("the undo of the copy: %d steps, %d deletes, %d restores, %d creates, %d requests planned", len(u.Book.Steps), p.Deletes, p.Updates, p.Creates, p.Requests)
	for _, n := range u.Left {
		t.Errorf("the undo leaves %s %s (row %d): %s", n.Object.Key, n.Key, n.Row, n.Text)
	}
	target.runUndo(t, u)
	for _, s := range exportWorkbook(t, target, "after.xlsx") {
		if got := sheetText(t, s); got != before[s.Object.Key] {
			t.Errorf("%s after the undo of the copy:\n%s\nbefore the copy:\n%s", s.Object.Key, got, before[s.Object.Key])
		}
	}
}
