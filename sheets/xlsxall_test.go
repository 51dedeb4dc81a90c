package sheets

import (
	"bytes"
	"fmt"
	"os"
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
	addNotesSheet(t, path)
	if _, other, err = WorkbookSheetNames(path); err != nil || !reflect.DeepEqual(other, []string{"README"}) {
		t.Errorf("others %q (%v), want README", other, err)
	}
}

// TestReadWorkbookSheetsStreamed: a workbook whose sheets are large (read from the zip,
// excelize given the workbook without them) reads as a whole as each of its sheets
// reads alone: the same sheets in the same order, cell for cell, each with the
// workbook's origin; its names are listed, a person's notes apart; a large sheet cut
// short is refused, naming its part.
func TestReadWorkbookSheetsStreamed(t *testing.T) {
	site, team, user := mustObject(t, "site"), mustObject(t, "team"), mustObject(t, "user")
	sites, teams, users := New(site), New(team), New(user)
	for i := range 3000 {
		sites.Rows = append(sites.Rows, Row{Cells: recordOf(sites, map[string]string{"Name": fmt.Sprintf("Site %04d of the streamed workbook", i)})})
		cells := make([]string, len(users.Columns))
		copy(cells, userRow(i))
		users.Rows = append(users.Rows, Row{Cells: cells})
	}
	origin := &Origin{OrgID: "org-a", OrgName: "Lab"}
	sites.Origin = origin
	path := filepath.Join(t.TempDir(), "org.xlsx")
	if err := WriteWorkbookFile(path, []*Sheet{sites, teams, users}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	addNotesSheet(t, path)
	data, _ := os.ReadFile(path)
	z, err := NewZipReader(bytes.NewReader(data), int64(len(data)), path)
	if err != nil {
		t.Fatal(err)
	}
	names := WorkbookNames([]*Sheet{sites, teams, users})
	skip, ok := largeParts(z)
	if !ok || !skip[worksheetPart(z, names[0])] || !skip[worksheetPart(z, names[2])] {
		t.Fatalf("large parts %v (ok %v): the sites and users sheets are not streamed", skip, ok)
	}

	got, err := ReadWorkbookSheets(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if keys := objectKeys(got); !reflect.DeepEqual(keys, []string{"site", "team", "user"}) {
		t.Fatalf("read sheets %q", keys)
	}
	for i, s := range got {
		alone := mustRead(t)(ReadFile(path, ReadOptions{SheetName: names[i]}))
		if !reflect.DeepEqual(table(s), table(alone)) || s.Object != alone.Object {
			t.Errorf("%s: the workbook's sheet differs from the sheet read alone", names[i])
		}
		if s.Origin == nil || *s.Origin != *origin {
			t.Errorf("%s: origin %v, want %v", names[i], s.Origin, origin)
		}
	}
	if len(got[0].Rows) != 3000 || len(got[1].Rows) != 0 || len(got[2].Rows) != 3000 || got[2].Cell(2999, 0) != userRow(2999)[0] {
		t.Errorf("rows %d, %d, %d; last user %q", len(got[0].Rows), len(got[1].Rows), len(got[2].Rows), got[2].Cell(2999, 0))
	}
	typed, other, err := WorkbookSheetNames(path)
	if err != nil || !reflect.DeepEqual(typed, names) || !reflect.DeepEqual(other, []string{"README"}) {
		t.Errorf("sheet names %q and %q (%v), want %q and README", typed, other, err, names)
	}

	part := worksheetPart(z, names[2])
	body := zipEntry(t, data, part)
	os.WriteFile(path, replaceEntry(t, data, part, body[:len(body)/2]), 0o644)
	_, err = ReadWorkbookSheets(path, ReadOptions{})
	wantErr(t, err, path+": the workbook is damaged: its part "+part+" stops before its end")
}

// addNotesSheet adds to the workbook at path a sheet of a person's notes, README, as
// one saved by Excel may have.
func addNotesSheet(t *testing.T, path string) {
	t.Helper()
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
}
