package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// BenchmarkOpenWorkbookInTheWindow opens a workbook as File → Open does with one (read,
// then every sheet put in the editor, checked, and the first shown): 50,000 users and
// seven sheets of other types, 500 named rows each. Offline, each user names five
// records neither the workbook nor an organization has: the check's 250,000 findings
// are most of the time (sheets' BenchmarkOpenWorkbook50k is the read alone).
func BenchmarkOpenWorkbookInTheWindow(b *testing.B) {
	path := filepath.Join(b.TempDir(), "org.xlsx")
	users, _ := catalog.Lookup("user")
	us := sheets.New(users)
	for i := range 50_000 {
		cells := make([]string, len(us.Columns))
		copy(cells, []string{fmt.Sprintf("agent%06d@example.com", i), "Agent Profile", "ON", "Praha Žižkov",
			"Team A|Team B", "Skills Basic", "Desktop Default", "Multimedia", fmt.Sprintf("EXT-%06d", i), fmt.Sprintf("+420%09d", i)})
		us.Rows = append(us.Rows, sheets.Row{Cells: cells})
	}
	ss := []*sheets.Sheet{us}
	for _, key := range []string{"site", "team", "skill", "queue", "entry-point", "business-hours", "desktop-profile"} {
		o, ok := catalog.Lookup(key)
		if !ok {
			continue
		}
		s := sheets.New(o)
		for i := range 500 {
			cells := make([]string, len(s.Columns)) // a name each: no reference to resolve
			cells[0] = fmt.Sprintf("%s %d", o.Key, i)
			s.Rows = append(s.Rows, sheets.Row{Cells: cells})
		}
		ss = append(ss, s)
	}
	if err := sheets.WriteWorkbookFile(path, ss, sheets.WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	s := newTestShell(b, Options{})
	b.ReportAllocs()
	for b.Loop() {
		r, err := readBook(path)
		if err != nil {
			b.Fatal(err)
		}
		s.adoptBook(r, nil)
		if s.book == nil || len(s.book.keys) != len(ss) {
			b.Fatalf("the workbook opened %v", s.book)
		}
	}
}
