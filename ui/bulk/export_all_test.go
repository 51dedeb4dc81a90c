package bulk

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// File → Export the whole organization…: signed out it says to sign in; connected it
// saves one workbook with a worksheet per exportable type and says how much it holds.
func TestExportWholeOrganization(t *testing.T) {
	e := newEnv(t)
	item := e.b.View().FileItems[0]
	if item.Label != "Export the whole organization…" {
		t.Fatalf("File menu item %q", item.Label)
	}
	item.Run()
	if !shows(e.win, "Sign in to an organization first.") || e.files.saved != "" {
		t.Fatalf("signed out: %q, saved %q", texts(e.win), e.files.saved)
	}
	e.b.SetConnection(e.target)
	item.Run()
	types, _ := jobs.ExportableTypes()
	if want := filepath.Join(e.files.dir, "organization.xlsx"); e.files.saved != want {
		t.Fatalf("saved to %q, want %q", e.files.saved, want)
	}
	if !shows(e.win, "Saved ") || !strings.Contains(strings.Join(texts(e.win), "\n"), " types in organization.xlsx") {
		t.Errorf("after the export the window shows %q", texts(e.win))
	}
	users, err := sheets.ReadFile(e.files.saved, sheets.ReadOptions{Object: mustType(t, "user"), SheetName: "User"})
	if err != nil || len(users.Rows) == 0 || len(types) < 20 {
		t.Fatalf("the User sheet of the workbook: %v (%d types)", err, len(types))
	}
}

func mustType(t *testing.T, key string) *catalog.Object {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatal(key)
	}
	return o
}
