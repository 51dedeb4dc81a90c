package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// lastRecord is the export of key's last object alone (its parent row and child rows).
func (e *env) lastRecord(t *testing.T, key string) *sheets.Sheet {
	t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(t, key))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) == 0 {
		t.Fatalf("the demo organization has no %s", key)
	}
	out := s.Clone()
	out.Rows = nil
	last := s.Key(len(s.Rows) - 1)
	for r, row := range s.Rows {
		if s.Key(r) == last {
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}

// Entry point mappings and address books have no bulk delete: a sheet's DELETE goes out
// as DELETE dial-number/{id} and DELETE v3/address-book/{id}, one object a request, and
// the undo of that job creates them again, so that the export afterwards is the export
// taken before, byte for byte (an address book's entries with it); the undo of the undo
// deletes it again. A book in use is
// refused before submit, naming what uses it.
func TestDeleteOneByOneAndUndo(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	for _, c := range []struct{ key, route string }{
		{"entry_point_mapping", "DELETE dial-number/"},
		{"address_book", "DELETE v3/address-book/"},
	} {
		gone := e.lastRecord(t, c.key)
		if c.key == "address_book" { // the demo's books are in use: refused, and a copy goes instead
			d := e.draftOf(t, c.key, withAction(gone, DeleteMark))
			if err := d.Check(ctx, e.api); err != nil {
				t.Fatal(err)
			}
			if pl := d.Preview.Plan; len(pl) != 1 || pl[0].Action != ActFail || !strings.Contains(pl[0].Reason, " is used by ") {
				t.Fatalf("the plan of a referenced address book's delete: %+v", pl)
			}
			gone = e.newCopies(t, c.key, 1)
			if len(gone.Rows) < 2 {
				t.Fatalf("the address book deleted has no entries to bring back: %v", gone.Rows)
			}
		}
		before := e.exportFile(t, c.key, c.key+"-before.csv")
		d := e.draftOf(t, c.key, withAction(gone, DeleteMark))
		if err := d.Check(ctx, e.api); err != nil {
			t.Fatal(err)
		}
		if d.Preview.Deletes != 1 || d.Preview.Failing != 0 {
			t.Fatalf("%s: the plan deletes %d, fails %d: %+v", c.key, d.Preview.Deletes, d.Preview.Failing, d.Preview.Plan)
		}
		_, n := e.log.since(0)
		j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
		if err == nil {
			j, err = e.eng.Run(ctx, j.ID, nil)
		}
		if err != nil || j.Status != Completed || j.Succeeded != len(gone.Rows) {
			t.Fatalf("%s delete job: %v %s, %d succeeded\n%s", c.key, err, j.Status, j.Succeeded, e.errorCSV(j.ID))
		}
		sent, _ := e.log.since(n)
		if w := writes(sent); len(w) != 1 || !strings.HasPrefix(w[0], c.route) {
			t.Errorf("%s: the delete sent %v, want one %s…", c.key, w, c.route)
		}
		deleted := e.exportFile(t, c.key, c.key+"-deleted.csv")
		if deleted == before {
			t.Fatalf("%s %s is still there after its delete", c.key, gone.Key(0))
		}
		_, undo := e.undoRun(t, j.ID, UndoOptions{})
		if after := e.exportFile(t, c.key, c.key+"-after.csv"); after != before {
			t.Errorf("%s after the undo:\n%s\nbefore the delete:\n%s", c.key, after, before)
		}
		e.undoRun(t, undo.ID, UndoOptions{}) // the undo of the undo deletes it again, one by one
		if again := e.exportFile(t, c.key, c.key+"-again.csv"); again != deleted {
			t.Errorf("%s after the undo of the undo:\n%s\nwant:\n%s", c.key, again, deleted)
		}
	}
}
