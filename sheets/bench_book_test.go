package sheets

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// BenchmarkOpenWorkbook50k opens a workbook as the window opens one as a whole (ui's
// readBook: ReadWorkbookSheets, then WorkbookSheetNames): 50,000 users and seven
// sheets of other types, 500 rows each, as bulkops export --all writes them.
func BenchmarkOpenWorkbook50k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "org.xlsx")
	users := New(benchUser(b))
	for i := range 50_000 {
		cells := make([]string, len(users.Columns))
		copy(cells, userRow(i))
		users.Rows = append(users.Rows, Row{Cells: cells})
	}
	ss := []*Sheet{users}
	for _, key := range []string{"site", "team", "skill", "queue", "entry-point", "business-hours", "desktop-profile"} {
		o, ok := catalog.Lookup(key)
		if !ok {
			continue
		}
		s := New(o)
		for i := range 500 {
			cells := make([]string, len(s.Columns))
			for j := range cells {
				cells[j] = fmt.Sprintf("%s %d.%d", o.Key, i, j)
			}
			s.Rows = append(s.Rows, Row{Cells: cells})
		}
		ss = append(ss, s)
	}
	if len(ss) < 5 {
		b.Fatalf("only %d sheet types found in the catalog", len(ss))
	}
	if err := WriteWorkbookFile(path, ss, WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		got, err := ReadWorkbookSheets(path, ReadOptions{Unprotect: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != len(ss) || len(got[0].Rows) != 50_000 || got[0].Cell(49_999, 0) != users.Rows[49_999].Cells[0] {
			b.Fatalf("read %d sheets, the first of %d rows", len(got), len(got[0].Rows))
		}
		if typed, _, err := WorkbookSheetNames(path); err != nil || len(typed) != len(ss) {
			b.Fatalf("sheet names %q: %v", typed, err)
		}
	}
	b.ReportMetric(float64(len(ss)), "sheets")
}
