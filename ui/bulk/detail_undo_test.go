package bulk

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// exportText is the organization's export of object type key as CSV text.
func (e *env) exportText(key string) string {
	e.t.Helper()
	obj, _ := catalog.Lookup(key)
	s, err := jobs.Export(context.Background(), e.api, obj)
	if err != nil {
		e.t.Fatal(err)
	}
	var b strings.Builder
	if err := sheets.WriteCSV(&b, s); err != nil {
		e.t.Fatal(err)
	}
	return b.String()
}

// runSheet submits CSV text of type key through the engine and runs the job to its end.
func (e *env) runSheet(key, csv string) jobs.Job {
	e.t.Helper()
	ctx := context.Background()
	d, err := jobs.BuildDraft(jobs.DraftSource{Name: key + ".csv", Sheets: []*sheets.Sheet{sheetOf(e.t, key, csv)}})
	if err == nil {
		err = d.Check(ctx, e.api)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	j, err := e.b.engine.SubmitDraft(ctx, d, "admin@example.com")
	if err == nil {
		j, err = e.b.engine.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Status != jobs.Completed {
		e.t.Fatalf("%s job: %v %s", key, err, j.Status)
	}
	e.b.Refresh()
	return j
}

// undoFromDetail taps "Undo this job…" on job id's detail, checks the plan shows what
// want lists, confirms twice, and returns the undo job the window opened.
func (e *env) undoFromDetail(id string, want ...string) jobs.Job {
	e.t.Helper()
	e.b.showJob(id)
	d := e.b.detail
	if d.undo.Disabled() {
		e.t.Fatalf("Undo this job… is disabled on %s: %q", id, d.undoWhy.Text)
	}
	test.Tap(d.undo)
	for _, w := range want {
		if !shows(e.win, w) && !strings.Contains(strings.Join(texts(e.win), "\n"), w) {
			e.t.Fatalf("the undo's plan does not show %q: %q", w, texts(e.win))
		}
	}
	confirm(e.t, e.win, "Undo…")
	if !shows(e.win, "Undo "+id+" in Sandbox: delete ") {
		e.t.Fatalf("the confirmation names no count and organization: %q", texts(e.win))
	}
	confirm(e.t, e.win, "Undo in Sandbox") // the undo runs inline to its end
	u, ok := e.b.job(d.id)
	if !ok || u.ID == id || u.UndoOf != id || u.Status != jobs.Completed {
		e.t.Fatalf("the detail shows %s after the undo: %+v", d.id, u)
	}
	return u
}

// The round trip delete → undo → undo from the window: two teams deleted by a job come
// back when "Undo this job…" is tapped and confirmed (the export is the one before the
// delete), the jobs link each other both ways, and undoing the undo deletes them again.
func TestUndoFromTheWindow(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	e.runSheet("team", head+"\nWindow One,Prague,AGENT,,Czech Support,Global Layout\nWindow Two,Prague,AGENT,,Czech Support,Global Layout\n")
	before := e.exportText("team")
	del := e.runSheet("team", head+",Action\nWindow One,Prague,AGENT,,Czech Support,Global Layout,DELETE\nWindow Two,Prague,AGENT,,Czech Support,Global Layout,delete\n")
	deleted := e.exportText("team")
	if deleted == before || strings.Contains(deleted, "Window One") {
		t.Fatalf("the delete job deleted nothing:\n%s", deleted)
	}

	undo := e.undoFromDetail(del.ID, "+ create Window One / Prague", "+ create Window Two / Prague",
		"Undo of "+del.ID+" (team.csv) in Sandbox: delete 0, create 2, restore 0")
	if after := e.exportText("team"); after != before {
		t.Errorf("the export after the undo differs from the one before the delete:\n%s\nwant:\n%s", after, before)
	}
	if first := e.row(0); first[colID] != undo.ID || first[colFile] != "undo of "+del.ID {
		t.Errorf("the dashboard's newest job: %q", first)
	}
	d := e.b.detail
	if d.linked.Hidden || d.linked.Text != "Undo of "+del.ID {
		t.Errorf("the undo's detail links %q (hidden %v)", d.linked.Text, d.linked.Hidden)
	}
	test.Tap(d.linked)
	if d.id != del.ID || d.linked.Text != "Undone by "+undo.ID {
		t.Errorf("the link opened %s, which links %q", d.id, d.linked.Text)
	}

	redo := e.undoFromDetail(undo.ID, "− delete Window One / Prague", "− delete Window Two / Prague")
	if again := e.exportText("team"); again != deleted {
		t.Errorf("the undo of the undo did not delete again:\n%s\nwant:\n%s", again, deleted)
	}
	if redo.UndoOf != undo.ID {
		t.Errorf("the redo undoes %q, want %s", redo.UndoOf, undo.ID)
	}
}

// A job from before Bulkops kept what jobs change, and one still running, say why they
// have no undo, and the button is off.
func TestNoUndoSaysWhy(t *testing.T) {
	for _, c := range []struct {
		j    jobs.Job
		want string
	}{
		{jobs.Job{Object: "team", Status: jobs.Completed, Succeeded: 3}, "No undo: the job was submitted before Bulkops kept what a job changes."},
		{jobs.Job{Object: "team", Status: jobs.InProgress, Undoable: true}, "Undo: once the job has ended."},
		{jobs.Job{Object: "team", Status: jobs.Failed, Undoable: true}, "No undo: the job changed nothing."},
		{jobs.Job{Object: "team", Status: jobs.Completed, Undoable: true, Succeeded: 1}, ""},
		{jobs.Job{Object: jobs.WorkbookObject, Status: jobs.Completed, Undoable: true, Succeeded: 5}, ""}, // undone in one job
	} {
		if got := undoBlocked(c.j); got != c.want {
			t.Errorf("%+v: %q, want %q", c.j, got, c.want)
		}
	}
}

// tick taps the check box of a dialog whose text starts with prefix.
func tick(t *testing.T, w fyne.Window, prefix string) {
	t.Helper()
	for _, ov := range w.Canvas().Overlays().List() {
		for _, o := range test.LaidOutObjects(ov) {
			if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, prefix) {
				test.Tap(c)
				return
			}
		}
	}
	t.Fatalf("no dialog with a %q check box; the window shows %q", prefix, texts(w))
}

// A record changed by someone else since the job is listed in the undo's plan and left
// alone; ticking "Take back … too" plans it again with that record, and the undo then
// takes both teams away: the export is the one before the job.
func TestUndoLeavesRecordsChangedSinceUnlessTicked(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	before := e.exportText("team")
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	job := e.runSheet("team", head+"\nDrift One,Prague,AGENT,,Czech Support,Global Layout\nDrift Two,Prague,AGENT,,Czech Support,Global Layout\n")
	e.runSheet("team", head+"\nDrift One,Prague,AGENT,,Sales Agent,Global Layout\n") // someone else's change

	e.b.showJob(job.ID)
	test.Tap(e.b.detail.undo)
	all := strings.Join(texts(e.win), "\n")
	for _, want := range []string{"− delete Drift Two / Prague",
		"Drift One / Prague (row 2 of " + job.ID + "): changed in the organization since the job (Skill Profile: Sales Agent): left as it is"} {
		if !strings.Contains(all, want) {
			t.Fatalf("the plan lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "delete Drift One") {
		t.Fatalf("the plan deletes the team changed since:\n%s", all)
	}
	tick(t, e.win, "Take back the records changed since the job too")
	all = strings.Join(texts(e.win), "\n")
	if !strings.Contains(all, "− delete Drift One / Prague") || !strings.Contains(all, "delete 2, create 0, restore 0") {
		t.Fatalf("ticked, the plan does not take Drift One back:\n%s", all)
	}
	confirm(t, e.win, "Undo…")
	confirm(t, e.win, "Undo in Sandbox")
	if after := e.exportText("team"); after != before {
		t.Errorf("the export after the undo differs from the one before the job:\n%s\nwant:\n%s", after, before)
	}
}
