package sheetview

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// userSheet makes a user sheet of n records, as an export of a large organization.
func userSheet(tb testing.TB, n int) *sheets.Sheet {
	tb.Helper()
	o, ok := catalog.Lookup("user")
	if !ok {
		tb.Fatal("no user object type")
	}
	s := sheets.New(o)
	s.File = "users.csv"
	for i := range n {
		cells := make([]string, len(s.Columns))
		for c, col := range s.Columns {
			switch {
			case col.Spec == nil:
			case col.Spec.Header == "Email":
				cells[c] = fmt.Sprintf("agent%06d@example.com", i)
			case col.Spec.Type == catalog.OnOff:
				cells[c] = "ON"
			case col.Spec.Type == catalog.Ref:
				cells[c] = fmt.Sprintf("%s %d", col.Spec.Header, i%20)
			case col.Spec.Type == catalog.Phone:
				cells[c] = fmt.Sprintf("+4202%08d", i)
			case col.Spec.Type == catalog.Enum && len(col.Spec.Values) > 0:
				cells[c] = col.Spec.Values[i%len(col.Spec.Values)]
			}
		}
		s.Rows = append(s.Rows, sheets.Row{Cells: cells})
	}
	return s
}

// userFile writes userSheet(n) as a CSV file and returns its path.
func userFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "users.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := sheets.WriteCSV(f, userSheet(tb, n)); err != nil {
		tb.Fatal(err)
	}
	return path
}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / (1 << 20)
}

// BenchmarkOpen100k opens a 100,000-record user CSV file in the editor: read, checked,
// and the first screen painted. It reports the heap in use with the sheet open (measured
// on the first open: a closed sheet's table stays in Fyne's renderer cache for a while).
func BenchmarkOpen100k(b *testing.B) {
	path := userFile(b, 100_000)
	s := newTestShell(b, Options{})
	var heap float64
	b.ResetTimer()
	for i := range b.N {
		sh, err := sheets.ReadFile(path, sheets.ReadOptions{Unprotect: true})
		if err != nil {
			b.Fatal(err)
		}
		s.adopt(sh, path)
		if s.ed.cur == nil || len(s.ed.cur.o.Sheet().Rows) != 100_000 || len(s.ed.cur.cells) == 0 {
			b.Fatal("the sheet is not shown")
		}
		b.StopTimer()
		if i == 0 {
			heap = heapMB()
		}
		s.ed.Close("user")
		b.StartTimer()
	}
	b.ReportMetric(heap, "MB-heap")
}

// BenchmarkScroll100k jumps around a 100,000-record sheet: each op scrolls to a row and
// paints the cells that came into view.
func BenchmarkScroll100k(b *testing.B) {
	s := newTestShell(b, Options{})
	s.adopt(userSheet(b, 100_000), "")
	v := s.ed.cur
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for range b.N {
		v.table.ScrollTo(widget.TableCellID{Row: rng.IntN(100_000), Col: rng.IntN(len(v.o.Sheet().Columns))})
	}
}

// BenchmarkScrollStep100k scrolls a 100,000-record sheet row by row, as holding the arrow
// key does: each op moves the cursor one row down and repaints.
func BenchmarkScrollStep100k(b *testing.B) {
	s := newTestShell(b, Options{})
	s.adopt(userSheet(b, 100_000), "")
	b.ResetTimer()
	for i := range b.N {
		if i%50_000 == 0 {
			press(s, fyne.KeyHome)
		}
		press(s, fyne.KeyDown)
	}
}

// BenchmarkEdit5k edits one cell of a 5000-record sheet as the user does (type, Enter):
// the document changes, the checker rechecks what the edit affects, the cells, the
// findings, the counts and the status bar are repainted.
func BenchmarkEdit5k(b *testing.B) {
	s := newTestShell(b, Options{})
	s.adopt(userSheet(b, 5000), "")
	v := s.ed.cur
	b.ResetTimer()
	for i := range b.N {
		v.doc().Select(at(100+i%50, 4), false)
		s.ed.begin(v, fmt.Sprintf("Site %d", i), true)
		s.ed.commit(0, 0)
	}
	b.StopTimer()
	if got := v.doc().Sheet().Cell(100+(b.N-1)%50, 4); got != fmt.Sprintf("Site %d", b.N-1) {
		b.Fatalf("the last edit left %q", got)
	}
}
