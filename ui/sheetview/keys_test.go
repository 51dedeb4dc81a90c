package sheetview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bulkops/bulkops/ui/grid"
)

func sites(n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{"Site " + string(rune('A'+i%26)), "MM"}
	}
	return rows
}

func TestKeyboardNavigation(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(60)...)
	ctrl := func(k fyne.KeyName, shift bool) fyne.Shortcut {
		m := fyne.KeyModifierShortcutDefault
		if shift {
			m |= fyne.KeyModifierShift
		}
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	steps := []struct {
		name   string
		do     func()
		cursor grid.Cell
		sel    grid.Range
	}{
		{"right", func() { press(s, fyne.KeyRight) }, at(0, 1), grid.Range{Top: 0, Left: 1, Bottom: 0, Right: 1}},
		{"down twice", func() { press(s, fyne.KeyDown, fyne.KeyDown) }, at(2, 1), grid.Range{Top: 2, Left: 1, Bottom: 2, Right: 1}},
		{"home", func() { press(s, fyne.KeyHome) }, at(2, 0), grid.Range{Top: 2, Left: 0, Bottom: 2, Right: 0}},
		{"end", func() { press(s, fyne.KeyEnd) }, at(2, 1), grid.Range{Top: 2, Left: 1, Bottom: 2, Right: 1}},
		{"shift+up", func() { shiftPress(s, fyne.KeyUp) }, at(1, 1), grid.Range{Top: 1, Left: 1, Bottom: 2, Right: 1}},
		{"shift+left", func() { shiftPress(s, fyne.KeyLeft) }, at(1, 0), grid.Range{Top: 1, Left: 0, Bottom: 2, Right: 1}},
		{"ctrl+end", func() { shortcut(s, ctrl(fyne.KeyEnd, false)) }, at(59, 1), grid.Range{Top: 59, Left: 1, Bottom: 59, Right: 1}},
		{"ctrl+shift+home", func() { shortcut(s, ctrl(fyne.KeyHome, true)) }, at(0, 0), grid.Range{Top: 0, Left: 0, Bottom: 59, Right: 1}},
		{"ctrl+down", func() { shortcut(s, ctrl(fyne.KeyDown, false)) }, at(59, 0), grid.Range{Top: 59, Left: 0, Bottom: 59, Right: 0}},
		{"tab wraps to the next row", func() { press(s, fyne.KeyTab, fyne.KeyTab) }, at(60, 0), grid.Range{Top: 60, Left: 0, Bottom: 60, Right: 0}},
		{"shift+tab wraps back", func() { shiftPress(s, fyne.KeyTab) }, at(59, 1), grid.Range{Top: 59, Left: 1, Bottom: 59, Right: 1}},
		{"ctrl+home", func() { shortcut(s, ctrl(fyne.KeyHome, false)) }, at(0, 0), grid.Range{Top: 0, Left: 0, Bottom: 0, Right: 0}},
	}
	for _, st := range steps {
		st.do()
		d := v.doc()
		if d.Cursor() != st.cursor || d.Selection() != st.sel {
			t.Fatalf("%s: cursor %v selection %v, want %v %v", st.name, d.Cursor(), d.Selection(), st.cursor, st.sel)
		}
	}

	press(s, fyne.KeyPageDown)
	page := v.doc().Cursor().Row
	if page < 5 || page >= 59 {
		t.Errorf("Page Down moved to row %d; want a screenful down", page)
	}
	press(s, fyne.KeyPageUp)
	if r := v.doc().Cursor().Row; r != 0 {
		t.Errorf("Page Up came back to row %d", r)
	}
	// The status bar names the cell like Excel does.
	if got := s.ed.cellRef.Text; got != "A2" {
		t.Errorf("cell reference %q, want A2", got)
	}
}

func TestRangeIsPaintedAsSelected(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(5)...)
	shiftPress(s, fyne.KeyDown, fyne.KeyRight) // from A2 to B3: the cursor ends on B3
	sel := s.ed.pal.sel
	for _, c := range []struct{ row, col int }{{0, 0}, {0, 1}, {1, 0}} {
		if got := cellBG(t, v, c.row, c.col); got != sel {
			t.Errorf("cell %v in the range painted %v, want the selection colour %v", c, got, sel)
		}
	}
	if got := cellBG(t, v, 1, 1); got == sel {
		t.Error("the cursor's own cell is painted as selected; it is framed instead")
	}
	if !cellBoxAt(t, v, 1, 1).frame.Visible() || cellBoxAt(t, v, 0, 0).frame.Visible() {
		t.Error("only the cursor's cell should be framed")
	}
	if got := cellBG(t, v, 2, 0); got == sel {
		t.Error("a cell outside the range is painted as selected")
	}
	press(s, fyne.KeyEscape)
	if got := cellBG(t, v, 0, 0); got == sel {
		t.Error("Esc left the range selected")
	}
}

func TestShiftClickExtendsTheSelection(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(5)...)
	click := func(row, col int, shift bool) {
		var mods fyne.KeyModifier
		if shift {
			mods = fyne.KeyModifierShift
		}
		clickCell(t, v, row, col, mods)
	}
	click(1, 0, false)
	click(3, 1, true)
	if got := v.doc().Selection(); got != (grid.Range{Top: 1, Left: 0, Bottom: 3, Right: 1}) {
		t.Errorf("selection %v after Shift+click", got)
	}
	click(2, 1, false)
	if got := v.doc().Selection(); !got.Single() || v.doc().Cursor() != at(2, 1) {
		t.Errorf("a plain click left selection %v cursor %v", got, v.doc().Cursor())
	}
	// A tap on a column's name selects the column.
	v.headerTapped(tableID(grid.Cell{Row: -1, Col: 1}))
	if got := v.doc().Selection(); got != (grid.Range{Top: 0, Left: 1, Bottom: 4, Right: 1}) {
		t.Errorf("column header selects %v", got)
	}
	v.headerTapped(tableID(grid.Cell{Row: 2, Col: -1}))
	if got := v.doc().Selection(); got != (grid.Range{Top: 2, Left: 0, Bottom: 2, Right: 1}) {
		t.Errorf("row header selects %v", got)
	}
}
