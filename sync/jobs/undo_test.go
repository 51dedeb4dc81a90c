package jobs

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// exportFile writes the organization's export of key to a file and returns its text.
func (e *env) exportFile(t *testing.T, key, name string) string {
	t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(t, key))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(e.dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := sheets.WriteCSV(f, s); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// undoRun plans the undo of job id, checks it against the organization and runs it.
func (e *env) undoRun(t *testing.T, id string, opt UndoOptions) (*Undo, Job) {
	t.Helper()
	ctx := context.Background()
	u, err := e.eng.PlanUndo(ctx, id, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Draft.Check(ctx, e.api); err != nil {
		t.Fatal(err)
	}
	j := e.runUndo(t, u)
	return u, j
}

// A team job that created 5 teams and updated 3 is undone, and the export afterwards
// is the export taken before the job, byte for byte; undoing the undo redoes the job.
func TestUndoTeamJobRestoresTheExport(t *testing.T) {
	e := newEnv(t, envOptions{})
	before := e.exportFile(t, "team", "before.csv")
	s := e.agentTeams(t)
	if len(s.Rows) < 3 {
		t.Fatalf("the sandbox has %d teams, the test needs 3", len(s.Rows))
	}
	edited := s.Clone()
	edited.Rows = edited.Rows[:3]
	for i := range edited.Rows {
		e.changeTeam(t, edited, i, "")
	}
	name := edited.Index("Name")
	for i := range 5 {
		row := s.Rows[0]
		row.Cells = append([]string(nil), row.Cells...)
		row.Cells[name] = "Undo Team " + string(rune('A'+i))
		edited.Rows = append(edited.Rows, row)
	}
	j := e.submitRun("team", e.packSheet(edited))
	if j.Status != Completed {
		t.Fatalf("job %s: %s:\n%s", j.ID, j.Status, e.errorCSV(j.ID))
	}
	if ops, _ := e.store.Operations(context.Background(), j.ID); ops.Created != 5 || ops.Updated != 3 {
		t.Fatalf("the job did %+v, want 5 created and 3 updated", ops)
	}
	changed := e.exportFile(t, "team", "changed.csv")
	if changed == before {
		t.Fatal("the job changed nothing the export shows")
	}

	u, undo := e.undoRun(t, j.ID, UndoOptions{})
	if p := u.Draft.Preview; p.Deletes != 5 || p.Updates != 3 {
		t.Errorf("the undo plan: %d deletes, %d updates; want 5 and 3", p.Deletes, p.Updates)
	}
	if undo.UndoOf != j.ID {
		t.Errorf("the undo job is linked to %q, want %s", undo.UndoOf, j.ID)
	}
	if got, _ := e.store.Get(context.Background(), undo.ID); got.UndoOf != j.ID || got.FileName != "undo of "+j.ID {
		t.Errorf("the stored undo job: undo of %q, file %q", got.UndoOf, got.FileName)
	}
	if after := e.exportFile(t, "team", "after.csv"); after != before {
		t.Errorf("the export after the undo differs from the one before the job:\nbefore:\n%s\nafter:\n%s", before, after)
	}

	redo, _ := e.undoRun(t, undo.ID, UndoOptions{})
	if p := redo.Draft.Preview; p.Creates != 5 || p.Updates != 3 {
		t.Errorf("the undo of the undo: %d creates, %d updates; want 5 and 3", p.Creates, p.Updates)
	}
	if redo := e.exportFile(t, "team", "redo.csv"); redo != changed {
		t.Errorf("undoing the undo did not redo the job:\nwant:\n%s\ngot:\n%s", changed, redo)
	}
}

// A record changed by someone else since the job is listed and left alone, unless the
// undo includes it.
func TestUndoLeavesARecordChangedSince(t *testing.T) {
	e := newEnv(t, envOptions{})
	s := e.agentTeams(t)
	job := s.Clone()
	job.Rows = job.Rows[:2]
	for i := range job.Rows {
		e.changeTeam(t, job, i, "")
	}
	j := e.submitRun("team", e.packSheet(job))
	other := job.Clone()
	other.Rows = other.Rows[:1]
	now := e.changeTeam(t, other, 0, s.Rows[0].Cells[s.Index("Multimedia Profile")])
	if j2 := e.submitRun("team", e.packSheet(other)); j2.Status != Completed {
		t.Fatalf("the other change: %s\n%s", j2.Status, e.errorCSV(j2.ID))
	}
	u, err := e.eng.PlanUndo(context.Background(), j.ID, UndoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Left) != 1 || !strings.HasPrefix(u.Left[0].Key, job.Rows[0].Cells[s.Index("Name")]+" / ") ||
		!strings.Contains(u.Left[0].Text.String(), "Multimedia Profile: "+now) {
		t.Fatalf("left alone: %+v, want the first team, changed since", u.Left)
	}
	if u, err = e.eng.PlanUndo(context.Background(), j.ID, UndoOptions{IncludeChanged: true}); err != nil || len(u.Left) != 0 {
		t.Fatalf("with the change included: left %+v, %v", u.Left, err)
	}
}

// changeTeam gives row i of s another Multimedia Profile, one that is neither its own
// nor not; it returns the new one.
func (e *env) changeTeam(t *testing.T, s *sheets.Sheet, i int, not string) string {
	t.Helper()
	col := s.Index("Multimedia Profile")
	var names []string
	for n := range e.names("multimedia_profile") {
		if n != s.Rows[i].Cells[col] && n != not {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		t.Fatal("the sandbox has no other multimedia profile")
	}
	slices.Sort(names)
	s.Rows[i].Cells[col] = names[0]
	return names[0]
}

// agentTeams is the export of the sandbox's teams of type AGENT (a capacity team has no
// multimedia profile to change).
func (e *env) agentTeams(t *testing.T) *sheets.Sheet {
	t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(t, "team"))
	if err != nil {
		t.Fatal(err)
	}
	typ := s.Index("Type")
	out := s.Clone()
	out.Rows = nil
	for _, r := range s.Rows {
		if r.Cells[typ] != "CAPACITY" {
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// A user job that updated 300 users is undone: the export afterwards is the export
// taken before the job, byte for byte. Users cannot be deleted: nothing in the undo
// asks it.
func TestUndoUserJobRestoresTheExport(t *testing.T) {
	e := newEnv(t, envOptions{})
	before := e.exportFile(t, "user", "before.csv")
	s, err := Export(context.Background(), e.api, mustObject(t, "user"))
	if err != nil {
		t.Fatal(err)
	}
	col := s.Index("External Id")
	edited := s.Clone()
	n := 0
	edited.Rows = edited.Rows[:min(300, len(edited.Rows))] // a user is one row
	for i := range edited.Rows {
		edited.Rows[i].Cells[col] = "undo-" + edited.Rows[i].Cells[col] + "x"
		n++
	}
	if n < 300 {
		t.Fatalf("the sandbox has %d users, the test needs 300", n)
	}
	j := e.submitRun("user", e.packSheet(edited))
	if ops, _ := e.store.Operations(context.Background(), j.ID); j.Status != Completed || ops.Updated != 300 {
		t.Fatalf("job %s: %s, %+v\n%s", j.ID, j.Status, ops, e.errorCSV(j.ID))
	}
	if e.exportFile(t, "user", "changed.csv") == before {
		t.Fatal("the job changed nothing the export shows")
	}
	u, _ := e.undoRun(t, j.ID, UndoOptions{})
	if p := u.Draft.Preview; p.Updates != 300 || p.Deletes != 0 || p.Creates != 0 {
		t.Errorf("the undo plan: %d updates, %d deletes, %d creates", p.Updates, p.Deletes, p.Creates)
	}
	if after := e.exportFile(t, "user", "after.csv"); after != before {
		t.Errorf("the user export after the undo differs from the one before the job")
	}
}

// Under answers lost after the server wrote, a record is sent again; the store keeps
// what it was first sent to do and the object from before the job's first write, so
// the undo still gives back the export from before the job.
func TestUndoAfterLostAnswers(t *testing.T) {
	e := newEnv(t, envOptions{sandbox: sandbox.Options{Faults: sandbox.Faults{Lost: 0.3}, FaultSeed: 2}})
	before := e.exportFile(t, "team", "before.csv")
	s := e.agentTeams(t)
	for i := range s.Rows {
		e.changeTeam(t, s, i, "")
	}
	for i := range 6 { // creates too: one found made on its resend is deleted all the same
		row := s.Rows[0]
		row.Cells = append([]string(nil), row.Cells...)
		row.Cells[s.Index("Name")] = "Lost " + string(rune('A'+i))
		s.Rows = append(s.Rows, row)
	}
	j := e.submitRun("team", e.packSheet(s))
	if j.Status != Completed {
		t.Fatalf("job %s: %s\n%s", j.ID, j.Status, e.errorCSV(j.ID))
	}
	e.undoRun(t, j.ID, UndoOptions{})
	if after := e.exportFile(t, "team", "after.csv"); after != before {
		t.Errorf("the export after the undo differs from the one before the job:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if st := e.api.Stats(); st.Retries == 0 {
		t.Errorf("no answer was lost: %+v", st)
	}
}
