package sheetview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// cursorInView reports where the cursor's cell is against the rows area of the table
// (under the header row): "" when wholly in view.
func cursorInView(t *testing.T, v *sheetView) string {
	t.Helper()
	c := v.doc().Cursor()
	box := v.cellObject(c)
	if box == nil {
		return "not on screen"
	}
	d := fyne.CurrentApp().Driver()
	top := float32(-1)
	for id, h := range v.headers() {
		if id.Row == -1 && id.Col >= 0 {
			top = d.AbsolutePositionForObject(h).Y + h.Size().Height
			break
		}
	}
	bottom := d.AbsolutePositionForObject(v.table).Y + v.table.Size().Height
	y := d.AbsolutePositionForObject(box).Y
	switch {
	case y < top-0.5:
		return fmt.Sprintf("%.0f px above the rows", top-y)
	case y+box.Size().Height > bottom+0.5:
		return fmt.Sprintf("%.0f px below the rows", y+box.Size().Height-bottom)
	}
	return ""
}

// Going up from the end of a long sheet, by Up and by Page Up, the cursor's row is always
// wholly in view (Fyne's Table.ScrollTo stops a header's height short going up).
func TestScrollingUpKeepsTheCursorInView(t *testing.T) {
	s := newTestShell(t, Options{})
	rows := make([][]string, 600)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("Site %d", i)}
	}
	v := openTestSheet(t, s, "site", rows...)
	shortcut(s, ctrl(fyne.KeyEnd))
	if where := cursorInView(t, v); where != "" {
		t.Fatalf("after Ctrl+End the cursor %v is %s", v.doc().Cursor(), where)
	}
	for i := 0; i < 30; i++ {
		press(s, fyne.KeyUp)
		if where := cursorInView(t, v); where != "" {
			t.Fatalf("after %d presses of Up the cursor (row %d) is %s", i+1, v.doc().Cursor().Row, where)
		}
	}
	for i := 0; i < 10; i++ {
		press(s, fyne.KeyPageUp)
		if where := cursorInView(t, v); where != "" {
			t.Fatalf("after %d presses of Page Up the cursor (row %d) is %s", i+1, v.doc().Cursor().Row, where)
		}
	}
}
