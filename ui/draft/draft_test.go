package draft

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

func sheetOf(t *testing.T, key string, rows ...sheets.Row) *sheets.Sheet {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	s := sheets.New(o)
	for _, r := range rows {
		cells := make([]string, len(s.Columns))
		copy(cells, r.Cells)
		s.Rows = append(s.Rows, sheets.Row{Cells: cells, Message: r.Message})
	}
	return s
}

func TestSaveLoadRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	site := sheetOf(t, "site", sheets.Row{Cells: []string{"Prague", "+420 007"}},
		sheets.Row{Cells: []string{"Brno, south", "MM"}, Message: "Multimedia profile MM does not exist"})
	queue := sheetOf(t, "queue", sheets.Row{Cells: []string{"Q1", "", "CHAT"}})
	if err := Save(dir, queue, ""); err != nil {
		t.Fatal(err)
	}
	if err := Save(dir, site, "/home/me/sites.xlsx"); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("loaded %d drafts, want 2", len(got))
	}
	// Catalog order: sites come before queues.
	first, second := got[0], got[1]
	if first.Object != site.Object.Key || second.Object != "queue" {
		first, second = second, first
	}
	if first.File != "/home/me/sites.xlsx" || first.Sheet.File != "/home/me/sites.xlsx" || first.Saved.IsZero() {
		t.Errorf("site draft meta: %+v", first)
	}
	if !reflect.DeepEqual(first.Sheet.Rows, site.Rows) {
		t.Errorf("site rows = %q, want %q", first.Sheet.Rows, site.Rows)
	}
	if second.Sheet.File != "queue.csv" || second.Sheet.Rows[0].Cells[2] != "CHAT" {
		t.Errorf("queue draft: file %q rows %q", second.Sheet.File, second.Sheet.Rows)
	}

	if err := Remove(dir, "queue"); err != nil {
		t.Fatal(err)
	}
	if err := Remove(dir, "queue"); err != nil {
		t.Errorf("removing a missing draft: %v", err)
	}
	got, _ = Load(dir)
	if len(got) != 1 {
		t.Errorf("after remove: %d drafts", len(got))
	}
}

func TestLoadReportsBrokenDraftsAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	if err := Save(dir, sheetOf(t, "site", sheets.Row{Cells: []string{"Prague", "MM"}}), ""); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "team.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if len(got) != 1 || err == nil || !strings.Contains(err.Error(), "team.json") {
		t.Errorf("got %d drafts, err %v; want the site and an error naming team.json", len(got), err)
	}
	if got, err := Load(filepath.Join(dir, "missing")); got != nil || err != nil {
		t.Errorf("missing folder: %v %v", got, err)
	}
}
