package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// withAction is s with an Action column holding mark on every row.
func withAction(s *sheets.Sheet, mark string) string {
	var b strings.Builder
	for i, c := range s.Columns {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(c.Header)
	}
	b.WriteString("," + ActionHeader + "\n")
	for _, r := range s.Rows {
		for i, v := range r.Cells {
			if i > 0 {
				b.WriteString(",")
			}
			if strings.ContainsAny(v, ",\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			b.WriteString(v)
		}
		b.WriteString("," + mark + "\n")
	}
	return b.String()
}

// newCopies creates n copies of the first object of type key under new names, and
// returns the export of just those.
func (e *env) newCopies(t *testing.T, key string, n int) *sheets.Sheet {
	t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(t, key))
	if err != nil {
		t.Fatal(err)
	}
	name := s.Index("Name")
	c := s.Clone()
	c.Rows = nil
	for i := range n { // the first object's rows: a parent and its children
		for r := 0; r < len(s.Rows) && s.Key(r) == s.Key(0); r++ {
			row := s.Rows[r]
			row.Cells = append([]string(nil), row.Cells...)
			row.Cells[name] = "Gone " + key + " " + string(rune('A'+i))
			c.Rows = append(c.Rows, row)
		}
	}
	if j := e.submitRun(key, e.packSheet(c)); j.Status != Completed {
		t.Fatalf("creating %s copies: %s\n%s", key, j.Status, e.errorCSV(j.ID))
	}
	after, err := Export(context.Background(), e.api, mustObject(t, key))
	if err != nil {
		t.Fatal(err)
	}
	return sameKeys(after, c)
}

// A delete of a referenced site is refused before submit, naming what uses it, and the
// job sends no delete for it; unreferenced queues and teams marked DELETE are deleted,
// and undoing that job recreates them with their columns as they were.
func TestDeleteChecksReferencesAndUndoRecreates(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()

	sites, err := Export(ctx, e.api, mustObject(t, "site"))
	if err != nil {
		t.Fatal(err)
	}
	prague := sites.Clone()
	prague.Rows = nil
	for _, r := range sites.Rows {
		if r.Cells[sites.Index("Name")] == "Prague" {
			prague.Rows = append(prague.Rows, r)
		}
	}
	del := withAction(prague, DeleteMark)
	d := e.draftOf(t, "site", del)
	if err := d.Check(ctx, e.api); err != nil {
		t.Fatal(err)
	}
	pl := d.Preview.Plan
	if len(pl) != 1 || pl[0].Action != ActFail || !strings.HasPrefix(pl[0].Reason, "Site Prague is used by ") ||
		!strings.Contains(pl[0].Reason, " teams") || !strings.Contains(pl[0].Reason, " users") {
		t.Fatalf("the plan of a referenced site's delete: %+v", pl)
	}
	_, n := e.log.since(0)
	j := e.submitRun("site", e.pack("site", del))
	sent, _ := e.log.since(n)
	if j.Failed != 1 || len(writes(sent)) != 0 || e.names("site")["Prague"] != 1 {
		t.Fatalf("the job of a referenced delete: %d failed, writes %v", j.Failed, writes(sent))
	}

	for _, key := range []string{"queue", "team"} {
		gone := e.newCopies(t, key, 2)
		d := e.draftOf(t, key, withAction(gone, DeleteMark))
		if err := d.Check(ctx, e.api); err != nil {
			t.Fatal(err)
		}
		if d.Preview.Deletes != 2 || d.Preview.Failing != 0 {
			t.Fatalf("%s: the plan deletes %d, fails %d: %+v", key, d.Preview.Deletes, d.Preview.Failing, d.Preview.Plan)
		}
		j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if j, err = e.eng.Run(ctx, j.ID, nil); err != nil || j.Status != Completed {
			t.Fatalf("%s delete job: %v %s\n%s", key, err, j.Status, e.errorCSV(j.ID))
		}
		names := e.names(key)
		for _, r := range gone.Rows {
			if names[r.Cells[gone.Index("Name")]] != 0 {
				t.Errorf("%s %s is still there after its delete", key, r.Cells[gone.Index("Name")])
			}
		}
		e.undoRun(t, j.ID, UndoOptions{})
		after, err := Export(ctx, e.api, mustObject(t, key))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := sheetText(t, sameKeys(after, gone)), sheetText(t, gone); a != b {
			t.Errorf("%s recreated by the undo:\n%s\nwant:\n%s", key, a, b)
		}
	}
}

// draftOf is a draft of CSV text as the command line makes one.
func (e *env) draftOf(t *testing.T, key, text string) *Draft {
	t.Helper()
	s, err := sheets.ReadCSV(strings.NewReader(text), key+".csv", sheets.ReadOptions{Object: mustObject(t, key)})
	if err != nil {
		t.Fatal(err)
	}
	d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{s}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// A delete checked, then changed in the organization by someone else before the job
// runs, is not deleted: the job fails it as changed since the check.
func TestDeleteOfARecordChangedSinceTheCheck(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	gone := e.newCopies(t, "team", 1)
	d := e.draftOf(t, "team", withAction(gone, DeleteMark))
	if err := d.Check(ctx, e.api); err != nil || d.Preview.Deletes != 1 {
		t.Fatalf("plan: %d deletes, %v", d.Preview.Deletes, err)
	}
	other := gone.Clone()
	e.changeTeam(t, other, 0, "")
	if j := e.submitRun("team", e.packSheet(other)); j.Status != Completed {
		t.Fatalf("the other change: %s", j.Status)
	}
	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil || j.Failed != 1 {
		t.Fatalf("the delete job: %v, %d failed", err, j.Failed)
	}
	if csv := e.errorCSV(j.ID); !strings.Contains(csv, "changed in the organization since the check") {
		t.Errorf("the delete's error file:\n%s", csv)
	}
	if e.names("team")[gone.Rows[0].Cells[gone.Index("Name")]] != 1 {
		t.Error("a team changed since the check was deleted")
	}
}
