package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Every object type the API covers: what Export gives passes the sheet's own checks,
// submits back without a single failed row, and exports again unchanged.
func TestExportSubmitExportIsStable(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	for _, obj := range catalog.All() {
		if !obj.API.Covered || obj.Format != catalog.FormatCSV {
			continue
		}
		t.Run(obj.Key, func(t *testing.T) {
			before, err := Export(ctx, e.api, obj)
			if err != nil {
				t.Fatal(err)
			}
			if len(before.Rows) == 0 {
				t.Skipf("the demo organization has no %s", plural(obj))
			}
			// The demo organization meets the sheet's own rules: an export validates clean.
			if fs := sheets.Validate([]*sheets.Sheet{before}, nil); sheets.HasErrors(fs) {
				t.Fatalf("the export of the demo organization has errors, first: %s", fs[0])
			}
			j := e.submitRun(obj.Key, e.packSheet(before))
			if j.Status != Completed {
				t.Fatalf("job %s: %s, %d failed:\n%s", j.ID, j.Status, j.Failed, e.errorCSV(j.ID))
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
