package sheetview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sheets"
)

// TestClosingASheetGivesItsMemoryBack opens and closes a 100,000-record sheet ten
// times, as a user does who opens an export, looks, and closes it: the heap after the
// last close is within 20 MB of the heap after the first (each cycle kept about 70 MB
// reachable, 98 → 675 MB over nine).
func TestClosingASheetGivesItsMemoryBack(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 100,000 records ten times")
	}
	path := userFile(t, 100_000)
	s := newTestShell(t, Options{})
	var first, last float64
	for i := range 10 {
		sh, err := sheets.ReadFile(path, sheets.ReadOptions{Unprotect: true})
		if err != nil {
			t.Fatal(err)
		}
		s.adopt(sh, path)
		if s.ed.cur == nil || len(s.ed.cur.o.Sheet().Rows) != 100_000 {
			t.Fatal("the sheet is not shown")
		}
		open := heapMB()
		s.ed.Close("user")
		last = heapMB()
		if i == 0 {
			first = last
		}
		t.Logf("cycle %d: heap %.0f MB open, %.0f MB after close", i+1, open, last)
	}
	if last-first > 20 {
		t.Errorf("the heap after the last close is %.0f MB, %.0f MB more than after the first (%.0f MB): closing a sheet keeps it", last, last-first, first)
	}
}

// TestClosingKeepsTheSheetNowhere: the closed sheet's table, which Fyne's renderer
// cache may keep a while, shows no rows and no longer knows the sheet; a column resized
// just before the close (its width saved a moment later) keeps its width.
func TestClosingKeepsTheSheetNowhere(t *testing.T) {
	s := newTestShell(t, Options{})
	s.ed.widthDelay = time.Hour // the save is still pending at the close
	v := openTestSheet(t, s, "team", []string{"Overflow London", "London", "AGENT", "Blended Digital", "Sales Team Leads"})
	if rows, _ := v.table.Length(); rows != 2 {
		t.Fatalf("the open table has %d rows, want 2 (the record and the new-record row)", rows)
	}
	before := v.widths[0]
	dragBorder(t, v, 0, -60)
	s.ed.Close("team")
	if rows, cols := v.table.Length(); rows != 0 || cols != 0 || !v.closed() {
		t.Errorf("the closed table has %d rows and %d columns; closed: %v", rows, cols, v.closed())
	}
	if f := s.win.Canvas().Focused(); f == fyne.Focusable(v.table) {
		t.Error("the closed table keeps the keyboard focus")
	}
	w := openTestSheet(t, s, "team", []string{"Overflow London", "London", "AGENT"})
	if w.widths[0] != before-60 {
		t.Errorf("reopened with the first column at %v, want the %v it was given before the close", w.widths[0], before-60)
	}
}
