package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Every object type the API covers: what Export gives passes the sheet's own checks,
// submits back as a job of unchanged rows that sends no write at all, and exports again
// unchanged.
func TestExportSubmitExportIsStable(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	e.eachExport(t, func(t *testing.T, obj *catalog.Object, before *sheets.Sheet) {
		// The demo organization meets the sheet's own rules: an export validates clean.
		if fs := sheets.Validate([]*sheets.Sheet{before}, nil); sheets.HasErrors(fs) {
			t.Fatalf("the export of the demo organization has errors, first: %s", fs[0])
		}
		_, n := e.log.since(0)
		j := e.submitRun(obj.Key, e.packSheet(before))
		if j.Status != Completed {
			t.Fatalf("job %s: %s, %d failed:\n%s", j.ID, j.Status, j.Failed, e.errorCSV(j.ID))
		}
		if sent, _ := e.log.since(n); len(writes(sent)) > 0 {
			t.Errorf("re-importing the export sent %d write(s), first %s", len(writes(sent)), writes(sent)[0])
		}
		e.checkAccounted(j)
		rows, _ := e.store.Rows(ctx, j.ID)
		for _, r := range rows {
			if r.Operation != OpUnchanged {
				t.Errorf("row %d: %s, want %s", r.Number, r.Operation, OpUnchanged)
				break
			}
		}
		after, err := Export(ctx, e.api, obj)
		if err != nil {
			t.Fatal(err)
		}
		after = sameKeys(after, before)
		if a, b := sheetText(t, before), sheetText(t, after); a != b {
			t.Errorf("the export changed:\nbefore:\n%s\nafter:\n%s", a, b)
		}
	})
}

// eachExport runs f in a subtest for each object type the API covers, with what Export
// gives of the demo organization; a type it has none of is skipped.
func (e *env) eachExport(t *testing.T, f func(t *testing.T, obj *catalog.Object, before *sheets.Sheet)) {
	for _, obj := range catalog.All() {
		if !obj.API.Covered || obj.Format != catalog.FormatCSV {
			continue
		}
		t.Run(obj.Key, func(t *testing.T) {
			before, err := Export(context.Background(), e.api, obj)
			if err != nil {
				t.Fatal(err)
			}
			if len(before.Rows) == 0 {
				t.Skipf("the demo organization has no %s", plural(obj))
			}
			f(t, obj, before)
		})
	}
}

func sheetText(t *testing.T, s *sheets.Sheet) string {
	var b strings.Builder
	if err := sheets.WriteCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// sameKeys keeps the objects of s whose key is in ref.
func sameKeys(s, ref *sheets.Sheet) *sheets.Sheet {
	keys := map[string]bool{}
	for r := range ref.Rows {
		keys[ref.Key(r)] = true
	}
	out := s.Clone()
	out.Rows = nil
	for r, row := range s.Rows {
		if keys[s.Key(r)] {
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}
