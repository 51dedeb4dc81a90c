package jobs

import (
	"archive/zip"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// TestExportAllWorkbook: the whole demo organization exported at once into one
// workbook reads back, worksheet by worksheet, exactly as each type's own export; the
// worksheets come in dependency order; and the export costs each type's list pages once
// (however many types refer to it), the lists of the types referred to that are not
// exported (audio files), and the GETs per object live lists force, nothing more.
func TestExportAllWorkbook(t *testing.T) {
	e := newEnv(t, envOptions{})
	types, left := ExportableTypes()
	if len(left) == 0 || len(types) < 15 {
		t.Fatalf("%d exportable types, %d left out", len(types), len(left))
	}
	_, from := e.log.since(0)
	var told []string
	ss, err := ExportAll(context.Background(), e.api, types, func(o *catalog.Object, done, total int) {
		told = append(told, fmt.Sprintf("%d/%d %s", done, total, o.Key))
	})
	if err != nil {
		t.Fatal(err)
	}
	reqs, _ := e.log.since(from)
	if len(ss) != len(types) || len(told) != len(types) || told[0] != fmt.Sprintf("0/%d %s", len(types), ss[0].Object.Key) {
		t.Fatalf("%d sheets, progress %q, for %d types", len(ss), told, len(types))
	}
	floor := checkExportAllRequests(t, e, ss, reqs)
	t.Logf("whole organization: %d types, %d requests, floor %d (%.2f); at 300 a minute %.1f s", len(ss), len(reqs), floor,
		float64(len(reqs))/float64(floor), float64(len(reqs))/5)

	out := filepath.Join(e.dir, "org.xlsx")
	if names, err := WriteExportAll(ss, out); err != nil || names != nil {
		t.Fatal(names, err)
	}
	names := sheets.WorkbookNames(ss)
	pos := map[string]int{}
	for i, s := range ss {
		pos[s.Object.Key] = i
		back, err := sheets.ReadFile(out, sheets.ReadOptions{Object: s.Object, SheetName: names[i], Unprotect: true})
		if err != nil {
			t.Fatal(err)
		}
		one, err := Export(context.Background(), e.api, s.Object)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sheetText(t, back), sheetText(t, one); got != want {
			t.Errorf("worksheet %s differs from the export of %s alone:\n%s\nwant:\n%s", names[i], s.Object.Key, got, want)
		}
	}
	checkDependencyOrder(t, ss, pos)
}

// checkDependencyOrder: each sheet after the sheets of the types it refers to, but for
// the catalog's late references (a cycle).
func checkDependencyOrder(t *testing.T, ss []*sheets.Sheet, pos map[string]int) {
	t.Helper()
	var objs []*catalog.Object
	for _, s := range ss {
		objs = append(objs, s.Object)
	}
	_, late := catalog.DependencyOrder(objs)
	isLate := map[catalog.LateRef]bool{}
	for _, l := range late {
		isLate[l] = true
	}
	for _, s := range ss {
		for _, c := range s.Object.Columns {
			p, ok := pos[c.Ref]
			if c.Type == catalog.Ref && ok && c.Ref != s.Object.Key && p > pos[s.Object.Key] &&
				!isLate[catalog.LateRef{From: s.Object.Key, Column: c.Header, To: c.Ref}] {
				t.Errorf("sheet %s (column %s) comes before %s, which it refers to", s.Object.Key, c.Header, c.Ref)
			}
		}
	}
}

// checkExportAllRequests fails on a list read more often than its pages, or a request
// that is neither a list nor a GET per object a type is allowed; it returns the floor.
func checkExportAllRequests(t *testing.T, e *env, ss []*sheets.Sheet, reqs []string) int {
	t.Helper()
	perObject := map[string]int{} // request prefix → objects it may be sent for
	floor := 0
	for _, s := range ss {
		n := len(e.objects(s.Object.Key))
		if _, ok := exportNeedsGet(s.Object); ok {
			perObject["GET "+pathOf(s.Object.API.Get)+"/"] = n
			floor += n
		}
		if s.Object.Key == "address_book" {
			perObject["GET v2/address-book/"] = n
			floor += n
		}
	}
	seen, each := map[string]int{}, map[string]int{}
	for _, r := range reqs {
		path := strings.TrimPrefix(r, "GET ")
		switch {
		case strings.HasPrefix(r, "GET ") && listOfSomeType(path):
			seen[path]++
		case prefixOf(perObject, r) != "":
			each[prefixOf(perObject, r)]++
		default:
			t.Errorf("a request no list page accounts for: %s", r)
		}
	}
	for path, n := range seen {
		pages := 0 // inbound and outdial entry points (and queues) share a path, filtered
		for _, o := range catalog.All() {
			if o.API.List == path {
				pages += max(1, (len(e.objects(o.Key))+999)/1000)
			}
		}
		if n > pages {
			t.Errorf("the list %s was read %d times, want %d", path, n, pages)
		}
		floor += pages
	}
	for p, n := range each {
		if n > perObject[p] {
			t.Errorf("%d requests %s… for %d objects", n, p, perObject[p])
		}
	}
	for _, s := range ss {
		if seen[s.Object.API.List] == 0 {
			t.Errorf("%s: its list was not read", s.Object.Key)
		}
	}
	return floor
}

// TestExportAllZip: a zip holds a Control Hub CSV per type, numbered in dependency
// order, each the type's export.
func TestExportAllZip(t *testing.T) {
	e := newEnv(t, envOptions{})
	objs := []*catalog.Object{mustObject(t, "user"), mustObject(t, "team"), mustObject(t, "site")}
	ss, err := ExportAll(context.Background(), e.api, objs, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(e.dir, "org.zip")
	names, err := WriteExportAll(ss, out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, ","); got != "01_site.csv,02_team.csv,03_user.csv" {
		t.Fatalf("files %s", got)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for i, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		back, err := sheets.ReadCSV(r, f.Name, sheets.ReadOptions{Object: ss[i].Object, Unprotect: true})
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sheetText(t, back), sheetText(t, ss[i]); got != want || len(back.Rows) == 0 {
			t.Errorf("%s differs:\n%s\nwant:\n%s", f.Name, got, want)
		}
	}
	if _, err := WriteExportAll(ss, filepath.Join(e.dir, "org.csv")); err == nil || !strings.Contains(err.Error(), ".xlsx workbook or a .zip") {
		t.Errorf("a .csv for several types: %v", err)
	}
}

// TestExportPartsKeepGroups: past ExportRecords records, or 10 MB, a type's CSV is
// split, never between a parent and its children.
func TestExportPartsKeepGroups(t *testing.T) {
	s := sheets.New(mustObject(t, "site"))
	for i := range ExportRecords + 10 {
		s.Rows = append(s.Rows, sheets.Row{Cells: make([]string, len(s.Columns))})
		s.Rows[i].Cells[0] = fmt.Sprint("site ", i)
	}
	parts := exportParts(s)
	if len(parts) != 2 || len(parts[0].Rows) != ExportRecords || len(parts[1].Rows) != 10 {
		t.Errorf("%d parts", len(parts))
	}
	// Long descriptions: 10 MB is reached before 5000 records.
	long := sheets.New(s.Object)
	for i := range 2200 {
		long.Rows = append(long.Rows, sheets.Row{Cells: make([]string, len(s.Columns))})
		long.Rows[i].Cells[0] = fmt.Sprint("site ", i)
		long.Rows[i].Cells[1] = strings.Repeat("x", 5000)
	}
	var total int
	for _, p := range exportParts(long) {
		var b strings.Builder
		if err := sheets.WriteCSVWith(&b, p, sheets.WriteOptions{ProtectFormulas: true}); err != nil {
			t.Fatal(err)
		}
		if b.Len() > int(sheets.DefaultLimits.MaxBytes) {
			t.Errorf("a part of %d bytes", b.Len())
		}
		total += len(p.Rows)
	}
	if n := len(exportParts(long)); n != 2 || total != 2200 {
		t.Errorf("%d parts of %d rows, want 2 of 2200 in all", n, total)
	}
	// Address books of three rows each (the book and its entries): the cut falls between
	// books, before the one that would pass 5000 records.
	books := sheets.New(mustObject(t, "address_book"))
	key := books.Index(books.Object.KeyColumns[0])
	for i := range ExportRecords + 2 {
		books.Rows = append(books.Rows, sheets.Row{Cells: make([]string, len(books.Columns))})
		books.Rows[i].Cells[key] = fmt.Sprint("book ", i/3)
	}
	if p := exportParts(books); len(p) != 2 || len(p[0].Rows) != ExportRecords-ExportRecords%3 {
		t.Errorf("address books: %d parts, the first of %d rows", len(p), len(p[0].Rows))
	}
	if len(exportParts(sheets.New(s.Object))) != 1 {
		t.Error("an empty sheet is not one part")
	}
}
