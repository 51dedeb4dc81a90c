package sheets

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookRoundTrip: each sheet of a workbook reads back, by its worksheet's name,
// cell for cell; the drop-down lists of all of them live in the one hidden Lists sheet.
func TestWorkbookRoundTrip(t *testing.T) {
	other := ioSheet()
	other.Rows = other.Rows[:1]
	long := &catalog.Object{Key: "long", Title: strings.Repeat("Entry Point Mapping ", 3), Columns: ioObject.Columns}
	third := New(long)
	third.Rows = []Row{{Cells: make([]string, len(long.Columns))}}
	third.Rows[0].Cells[0] = "Only"
	ss := []*Sheet{ioSheet(), other, third}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, ss, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := WorkbookNames(ss)
	want := append(append([]string(nil), names...), listsSheet)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("worksheets %q, want %q", got, want)
	}
	if names[0] == names[1] || len([]rune(names[2])) > 31 {
		t.Errorf("names %q: not unique or too long", names)
	}
	for i, s := range ss {
		back := mustRead(t)(ReadXLSX(bytes.NewReader(b.Bytes()), "book.xlsx", ReadOptions{Object: s.Object, SheetName: names[i]}))
		if !reflect.DeepEqual(table(back), table(s)) {
			t.Errorf("%s: cells changed:%s\nto%s", names[i], show(table(s)), show(table(back)))
		}
	}
	// The drop-downs of every worksheet point at lists that exist.
	for _, ws := range names {
		dvs, err := f.GetDataValidations(ws)
		if err != nil || len(dvs) == 0 {
			t.Fatalf("%s: drop-downs %v, %v", ws, dvs, err)
		}
	}
}

// TestWorkbookNames: Excel's limits, the reserved Lists and case-blind uniqueness.
func TestWorkbookNames(t *testing.T) {
	mk := func(title string) *Sheet { return New(&catalog.Object{Key: "k", Title: title}) }
	got := WorkbookNames([]*Sheet{mk("Site"), mk("site"), mk("Lists"), mk(strings.Repeat("x", 40)), mk(strings.Repeat("x", 40))})
	want := []string{"Site", "site (2)", "Lists 1", strings.Repeat("x", 31), strings.Repeat("x", 27) + " (2)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

// TestWorkbookFindings: WriteWorkbookFileNoted puts each sheet's findings as notes on
// its own worksheet's cells; a sheet given none has none.
func TestWorkbookFindings(t *testing.T) {
	other := ioSheet()
	other.Rows = other.Rows[:1]
	path := t.TempDir() + "/book.xlsx"
	ss := []*Sheet{other, ioSheet()}
	if err := WriteWorkbookFileNoted(path, ss, [][]Finding{nil, ioFindings}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := WorkbookNames(ss)
	cells := func(ws string) map[string]bool {
		comments, err := f.GetComments(ws)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, c := range comments {
			out[c.Cell] = true
		}
		return out
	}
	if first, second := cells(names[0]), cells(names[1]); first["E3"] || !second["E3"] || !second["A4"] {
		t.Errorf("notes of the first sheet %v, of the second %v; the findings are the second's", first, second)
	}
}
