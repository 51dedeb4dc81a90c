package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// xInTable is where o is drawn from the table's left edge.
func xInTable(v *sheetView, o fyne.CanvasObject) float32 {
	drv := fyne.CurrentApp().Driver()
	return drv.AbsolutePositionForObject(o).X - drv.AbsolutePositionForObject(v.table).X
}

// inView reports whether a visible cell is drawn wholly inside the table, and where.
func inView(v *sheetView, row, col int) (float32, bool) {
	o := v.cells[widget.TableCellID{Row: row, Col: col}]
	if o == nil || !o.Visible() {
		return 0, false
	}
	x := xInTable(v, o)
	return x, x >= 0 && x+o.Size().Width <= v.table.Size().Width+1
}

// frozenShown returns what the frozen key column shows for the first row in view, and
// where its right edge is; "" when it is hidden.
func frozenShown(v *sheetView) (string, float32) {
	f := v.table.frozen
	if f == nil || !f.Visible() || len(f.boxes) == 0 || !f.boxes[0].Visible() {
		return "", 0
	}
	return f.boxes[0].full, xInTable(v, f) + f.Size().Width
}

// Scrolled to the last column of a users sheet, the Email column (the key) is still in
// view at the left, and the last column wholly beside it (issue 23, point 5); going back
// left, no column hides under the frozen one, and at the start the sheet shows as before.
func TestTheKeyColumnStaysWhenScrollingRight(t *testing.T) {
	s := newTestShell(t, Options{})
	s.win.Resize(fyne.NewSize(800, 500))
	v := openTestSheet(t, s, "user", []string{"ann@example.com"}, []string{"bob@example.com"})
	last := v.doc().Cols() - 1
	if v.o.Sheet().Columns[0].Header != "Email" || last < 5 {
		t.Fatalf("a users sheet starts with %q and has %d columns", v.o.Sheet().Columns[0].Header, last+1)
	}
	if text, _ := frozenShown(v); text != "" {
		t.Errorf("not scrolled, the frozen column shows %q over the sheet", text)
	}

	press(s, fyne.KeyEnd)
	text, edge := frozenShown(v)
	if text != "ann@example.com" || !strings.HasPrefix(v.table.frozen.head.full, "Email") {
		t.Errorf("scrolled right, the key column shows %q under %q, want ann@example.com under Email", text, v.table.frozen.head.full)
	}
	test.TapSecondary(v.table.frozen.boxes[1])
	if s.ed.shownMenu == nil || v.doc().Cursor() != at(1, 0) {
		t.Errorf("a right click on bob's frozen cell: menu %v, the cursor on %v", s.ed.shownMenu != nil, v.doc().Cursor())
	}
	uitest.Key(s.win, fyne.KeyEscape, 0)
	press(s, fyne.KeyUp, fyne.KeyEnd)
	if x, ok := inView(v, 0, last); !ok || x < edge-1 {
		t.Errorf("the last column is at %.0f (wholly in view: %v), the frozen column ends at %.0f", x, ok, edge)
	}

	for c := last - 1; c >= 1; c-- {
		press(s, fyne.KeyLeft)
		x, ok := inView(v, 0, c)
		if _, edge := frozenShown(v); !ok || (edge > 0 && x < edge-1) {
			t.Errorf("going left, column %d is at %.0f (in view: %v) and the frozen column ends at %.0f", c, x, ok, edge)
		}
	}
	press(s, fyne.KeyLeft)
	if text, _ := frozenShown(v); text != "" {
		t.Errorf("back at the first column the frozen column still shows %q", text)
	}
	if x, ok := inView(v, 0, 0); !ok || x <= 0 {
		t.Errorf("back at the first column, Email's cell is at %.0f (%v)", x, ok)
	}
}
