package sheets

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// TestReadWorkbookSheets: a workbook of a sheet per type reads back whole, in its order,
// a type with no records included, each sheet cell for cell; the hidden Lists sheet is
// not read as a sheet.
func TestReadWorkbookSheets(t *testing.T) {
	site, team := mustObject(t, "site"), mustObject(t, "team")
	sites := New(site)
	sites.Rows = []Row{{Cells: recordOf(sites, map[string]string{"Name": "Prague"})}}
	teams := New(team) // a type the organization holds none of: the header only
	path := filepath.Join(t.TempDir(), "org.xlsx")
	if err := WriteWorkbookFile(path, []*Sheet{sites, teams}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadWorkbookSheets(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Object != site || got[1].Object != team {
		t.Fatalf("read %d sheets: %v", len(got), objectKeys(got))
	}
	if !reflect.DeepEqual(table(got[0]), table(sites)) || len(got[1].Rows) != 0 {
		t.Errorf("cells changed:%s\nto%s; teams rows %d", show(table(sites)), show(table(got[0])), len(got[1].Rows))
	}
}

// TestReadWorkbookSheetsNone: a workbook with no sheet of an object type says so, with
// its name.
func TestReadWorkbookSheetsNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.xlsx")
	notes := &Sheet{Object: &catalog.Object{Key: "notes", Title: "Notes"}, Columns: []Column{{Header: "Remark"}},
		Rows: []Row{{Cells: []string{"hello"}}}}
	if err := WriteWorkbookFile(path, []*Sheet{notes}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := ReadWorkbookSheets(path, ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "no sheet of the workbook") {
		t.Fatalf("error %v", err)
	}
	if _, err := ReadWorkbookSheets(filepath.Join(t.TempDir(), "missing.xlsx"), ReadOptions{}); err == nil {
		t.Error("a missing file read")
	}
}

func mustObject(t *testing.T, key string) *catalog.Object {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no type %s", key)
	}
	return o
}

// recordOf is a row of s with the given values by header.
func recordOf(s *Sheet, by map[string]string) []string {
	cells := make([]string, len(s.Columns))
	for h, v := range by {
		cells[s.Index(h)] = v
	}
	return cells
}

func objectKeys(ss []*Sheet) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Object.Key)
	}
	return out
}

// TestWorkbookSheetNames: the worksheets of object types are listed, a header-only one
// included, and apart the others, a person's notes but not the hidden Lists sheet.
func TestWorkbookSheetNames(t *testing.T) {
	sites, teams := New(mustObject(t, "site")), New(mustObject(t, "team"))
	sites.Rows = []Row{{Cells: recordOf(sites, map[string]string{"Name": "Prague"})}}
	path := filepath.Join(t.TempDir(), "org.xlsx")
	if err := WriteWorkbookFile(path, []*Sheet{sites, teams}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	got, other, err := WorkbookSheetNames(path)
	if want := WorkbookNames([]*Sheet{sites, teams}); err != nil || !reflect.DeepEqual(got, want) || other != nil {
		t.Fatalf("listed %q and %q (%v), want %q and none", got, other, err, want)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.NewSheet("README")
	f.SetCellValue("README", "A1", "Copied from the lab on Monday")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, other, err = WorkbookSheetNames(path); err != nil || !reflect.DeepEqual(other, []string{"README"}) {
		t.Errorf("others %q (%v), want README", other, err)
	}
}
