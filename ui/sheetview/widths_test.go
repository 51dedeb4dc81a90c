package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Columns open fitted to their header and values: nothing is cut that has room. A
// dragged border is remembered for the object type; a double-click on it fits the column.
func TestColumnWidthsFitAndAreRemembered(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "team", []string{"Overflow London", "London", "AGENT", "Blended Digital", "Sales Team Leads"})
	for col := range 5 {
		if c := cellBoxAt(t, v, 0, col); strings.HasSuffix(c.text.Text, "…") {
			t.Errorf("column %d shows %q for %q", col, c.text.Text, c.full)
		}
		if h := v.headers()[widget.TableCellID{Row: -1, Col: col}]; h == nil || strings.HasSuffix(h.text.Text, "…") {
			t.Errorf("header %d is cut", col)
		}
	}
	// The user drags the first column's border 60 px to the left: the name is cut now.
	before := v.widths[0]
	dragBorder(t, v, 0, -60)
	if v.widths[0] != before-60 {
		t.Fatalf("after the drag the width is %v, want %v", v.widths[0], before-60)
	}
	if got := cellBoxAt(t, v, 0, 0).text.Text; !strings.HasSuffix(got, "…") {
		t.Errorf("the narrowed column shows %q", got)
	}
	// Another sheet of the same type opens with the width the user chose.
	s.ed.Close("team")
	w := openTestSheet(t, s, "team", []string{"Overflow London", "London", "AGENT"})
	if w.widths[0] != before-60 || cellBoxAt(t, w, 0, 0).Size().Width != before-60 {
		t.Fatalf("reopened with widths %v, want the first at %v", w.widths, before-60)
	}
	// A double-click on the border fits the column again.
	pressBorder(t, w, 0)
	pressBorder(t, w, 0)
	if got := cellBoxAt(t, w, 0, 0).text.Text; got != "Overflow London" {
		t.Errorf("after the double-click the cell shows %q (width %v)", got, w.widths[0])
	}
}

// A sheet too long to measure every row is measured on rows spread over it.
func TestColumnWidthsSampleLargeSheets(t *testing.T) {
	s := newTestShell(t, Options{})
	rows := make([][]string, 20_000)
	for i := range rows {
		rows[i] = []string{"S", "MM"}
	}
	for i := 10_000; i < 10_200; i++ {
		rows[i][0] = "A site name far down the sheet"
	}
	v := openTestSheet(t, s, "site", rows...)
	want := fyne.MeasureText("A site name far down the sheet", theme.TextSize(), fyne.TextStyle{})
	if v.widths[0] < want.Width {
		t.Errorf("the first column is %v wide; the long names far down need %v", v.widths[0], want.Width)
	}
}

// borderPos is where the right border of a column's header is: in the window and in the
// table.
func borderPos(t testing.TB, v *sheetView, col int) (abs, rel fyne.Position) {
	t.Helper()
	h := v.headers()[widget.TableCellID{Row: -1, Col: col}]
	if h == nil {
		t.Fatalf("header %d is not on screen", col)
	}
	drv := fyne.CurrentApp().Driver()
	abs = drv.AbsolutePositionForObject(h).Add(fyne.NewPos(h.Size().Width+theme.Padding()/2, h.Size().Height/2))
	return abs, abs.Subtract(drv.AbsolutePositionForObject(v.table))
}

// pressBorder presses and releases the mouse on a column's border.
func pressBorder(t testing.TB, v *sheetView, col int) {
	t.Helper()
	abs, rel := borderPos(t, v, col)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: abs}, Button: desktop.MouseButtonPrimary}
	v.table.MouseMoved(ev)
	v.table.MouseDown(ev)
	v.table.MouseUp(ev)
}

// dragBorder drags a column's border by dx, in steps as the driver reports them.
func dragBorder(t testing.TB, v *sheetView, col int, dx float32) {
	t.Helper()
	abs, rel := borderPos(t, v, col)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: abs}, Button: desktop.MouseButtonPrimary}
	v.table.MouseMoved(ev)
	v.table.MouseDown(ev)
	for i := float32(1); i <= 3; i++ {
		d := dx * i / 3
		v.table.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: rel.AddXY(d, 0), AbsolutePosition: abs.AddXY(d, 0)},
			Dragged: fyne.Delta{DX: dx / 3}})
	}
	v.table.DragEnd()
	v.table.MouseUp(ev)
}

// Scrolling across many columns reuses header cells for other columns: that must not
// change, or remember, any column's width (it used to, and sheets opened with "Sales T…").
func TestScrollingKeepsWidths(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "user", []string{"anna@example.com", "Anna", "Novak"})
	fitted := append([]float32(nil), v.widths...)
	last := len(v.widths) - 1
	v.table.ScrollTo(widget.TableCellID{Row: 0, Col: last})
	v.table.ScrollTo(widget.TableCellID{Row: 0, Col: last / 2})
	v.table.ScrollTo(widget.TableCellID{Row: 0, Col: 0})
	for c := range fitted {
		if v.widths[c] != fitted[c] {
			t.Errorf("column %d: %v after scrolling, fitted %v", c, v.widths[c], fitted[c])
		}
	}
	if got := s.app.Preferences().String(widthsKey(v.o.Sheet().Object)); got != "" {
		t.Errorf("scrolling saved widths %s", got)
	}
}
