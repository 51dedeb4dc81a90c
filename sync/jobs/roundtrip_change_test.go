package jobs

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// changeColumn is the column the change round trip edits for types without a
// Description column.
var changeColumn = map[string]string{
	"site": "Multimedia Profile", "team": "Multimedia Profile", "user": "External Id",
	"entry_point_mapping": "Region",
}

// For every object type the API covers: export, change one value, submit, and the next
// export shows the change, the job having updated the object by the route live tenants
// take (the catalog's routes: PUT …/{id}, PATCH …/bulk or an id-bearing SAVE) and
// left every other object alone.
func TestExportChangeSubmitExportShowsIt(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	e.eachExport(t, func(t *testing.T, obj *catalog.Object, before *sheets.Sheet) {
		col, value := e.change(t, before)
		edited := before.Clone()
		edited.Rows[0].Cells[col] = value
		_, n := e.log.since(0)
		j := e.submitRun(obj.Key, e.packSheet(edited))
		if j.Status != Completed {
			t.Fatalf("job %s: %s:\n%s", j.ID, j.Status, e.errorCSV(j.ID))
		}
		sent, _ := e.log.since(n)
		checkRoutes(t, obj, writes(sent))
		after, err := Export(ctx, e.api, obj)
		if err != nil {
			t.Fatal(err)
		}
		after = sameKeys(after, before)
		if got := after.Rows[0].Cells[col]; got != value {
			t.Errorf("%s of %s after the job: %q, want %q", before.Columns[col].Header, before.Key(0), got, value)
		}
		after.Rows[0].Cells[col] = before.Rows[0].Cells[col]
		if a, b := sheetText(t, before), sheetText(t, after); a != b {
			t.Errorf("more changed than the one value:\nbefore:\n%s\nafter:\n%s", a, b)
		}
	})
}

// change picks the column to edit in the first row of s and a new value for it.
func (e *env) change(t *testing.T, s *sheets.Sheet) (int, string) {
	h := changeColumn[s.Object.Key]
	if h == "" {
		h = "Description"
	}
	col := s.Index(h)
	if col < 0 {
		t.Fatalf("%s has no column %s to change", s.Object.Key, h)
	}
	cur := s.Rows[0].Cells[col]
	spec := s.Columns[col].Spec
	if spec.Type != catalog.Ref {
		return col, "RT" + strings.ReplaceAll(cur, " ", "") + "x"
	}
	var names []string
	for n := range e.names(spec.Ref) {
		if n != cur {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatalf("no other %s to change %s to", spec.Ref, h)
	}
	return col, names[0]
}

// checkRoutes asserts that every write went by the type's update route (an address
// book's entries go to their own bulk route).
func checkRoutes(t *testing.T, obj *catalog.Object, sent []string) {
	rt := obj.API.Routes.Update
	pat := regexp.QuoteMeta(rt.Method + " " + rt.Path)
	pat = strings.ReplaceAll(pat, regexp.QuoteMeta("{id}"), "[^/]+")
	re := regexp.MustCompile("^(" + pat + `|POST address-book/[^/]+/entry/bulk|GET .*)$`)
	if len(sent) == 0 {
		t.Error("the change sent no write")
	}
	for _, s := range sent {
		if !re.MatchString(s) {
			t.Errorf("the update went by %s, not by %s", s, rt)
		}
	}
}
