package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Typing a record across with Tab, Enter goes to the next row under the column where the
// run of Tabs began, as in Excel.
func TestEnterAfterTabReturnsToTheFirstColumn(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "team", []string{"Brno Sales", "Prague", "AGENT"}, []string{"Night Shift", "London", "AGENT"})
	clickCell(t, v, 0, 1, 0) // B2
	typeText(s, "Brno")
	press(s, fyne.KeyTab)
	typeText(s, "CAPACITY")
	press(s, fyne.KeyTab)
	typeText(s, "Blended")
	press(s, fyne.KeyReturn)
	if c := v.doc().Cursor(); c != at(1, 1) || s.ed.cellRef.Text != "B3" {
		t.Errorf("Enter after the Tabs went to %v (%s), want B3", c, s.ed.cellRef.Text)
	}
	if got := v.doc().Value(at(0, 3)); got != "Blended" {
		t.Errorf("the last cell typed holds %q", got)
	}
	// Without a run of Tabs, Enter goes straight down.
	press(s, fyne.KeyRight)
	typeText(s, "X")
	press(s, fyne.KeyReturn)
	if c := v.doc().Cursor(); c != at(2, 2) {
		t.Errorf("a plain Enter went to %v, want C4", c)
	}
}

// Undo and redo bring the cursor back to the cell they change.
func TestUndoShowsTheUndoneCell(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", sites(30)...)
	clickCell(t, v, 1, 0, 0) // A3
	typeText(s, "Changed")
	press(s, fyne.KeyReturn)
	for range 20 {
		press(s, fyne.KeyDown)
	}
	press(s, fyne.KeyRight)
	shortcut(s, &fyne.ShortcutUndo{})
	if c := v.doc().Cursor(); c != at(1, 0) || s.ed.cellRef.Text != "A3" {
		t.Errorf("after undo the cursor is on %v (%s), want A3", c, s.ed.cellRef.Text)
	}
	if got := cellText(t, v, 1, 0); got != "Site B" {
		t.Errorf("A3 shows %q after undo", got)
	}
	press(s, fyne.KeyDown, fyne.KeyDown)
	shortcut(s, &fyne.ShortcutRedo{})
	if c := v.doc().Cursor(); c != at(1, 0) || cellText(t, v, 1, 0) != "Changed" {
		t.Errorf("after redo the cursor is on %v, A3 shows %q", c, cellText(t, v, 1, 0))
	}
}

// A sorted column's header shows the order; sorting another column moves the mark.
func TestSortIndicator(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"b", "1"}, []string{"a", "2"})
	header := func(col int) string { return v.headers()[widget.TableCellID{Row: -1, Col: col}].full }
	s.run(SortAscending)
	if got := header(0); got != "Name *"+markAsc || cellText(t, v, 0, 0) != "a" {
		t.Errorf("after sorting A to Z: header %q, first row %q", got, cellText(t, v, 0, 0))
	}
	s.run(SortDescending)
	if got := header(0); got != "Name *"+markDesc {
		t.Errorf("after sorting Z to A the header shows %q", got)
	}
	press(s, fyne.KeyRight)
	s.run(SortAscending)
	if header(0) != "Name *" || header(1) != "Multimedia Profile *"+markAsc {
		t.Errorf("after sorting the second column: %q, %q", header(0), header(1))
	}
	s.run(InsertRows) // rows move: the sheet may not be in order any more
	if header(1) != "Multimedia Profile *" {
		t.Errorf("after inserting a row the header still shows %q", header(1))
	}
}

// The header's menu filters by the column's values and by text they contain; the header
// is marked while the filter holds, and Clear filter shows every row again.
func TestColumnFilter(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "Voice"}, []string{"Brno", "Digital"},
		[]string{"Ostrava", "Voice"}, []string{"Plzen", "Blended Voice"})
	h := v.headers()[widget.TableCellID{Row: -1, Col: 1}]
	test.TapSecondary(h)
	tapMenu(t, s, "Filter…")
	dlg := s.win.Canvas().Overlays().Top()
	shown := overlayText(dlg)
	for _, want := range []string{"Filter by Multimedia Profile", "Voice", "Digital", "Blended Voice"} {
		if !strings.Contains(shown, want) {
			t.Fatalf("the filter lacks %q:\n%s", want, shown)
		}
	}
	var pick *widget.CheckGroup
	walk(dlg, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.CheckGroup); ok {
			pick = c
		}
	})
	pick.SetSelected([]string{"Voice", "Blended Voice"})
	tapButton(t, s, "Filter")
	if n := v.doc().Rows(); n != 3 || cellText(t, v, 1, 0) != "Ostrava" {
		t.Fatalf("the filter shows %d rows, the second %q", n, cellText(t, v, 1, 0))
	}
	if got := h.full; got != "Multimedia Profile *"+markFilter {
		t.Errorf("the filtered column's header shows %q", got)
	}
	// Text contains, on top of the values.
	test.TapSecondary(h)
	tapMenu(t, s, "Filter…")
	typeText(s, "blend")
	tapButton(t, s, "Filter")
	if n := v.doc().Rows(); n != 1 || cellText(t, v, 0, 0) != "Plzen" {
		t.Errorf("values and text: %d rows, the first %q", n, cellText(t, v, 0, 0))
	}
	test.TapSecondary(h)
	tapMenu(t, s, "Clear filter")
	if n := v.doc().Rows(); n != 4 || h.full != "Multimedia Profile *" {
		t.Errorf("after Clear filter: %d rows, header %q", n, h.full)
	}
}

// tapMenu taps the item of the pop-up menu shown.
func tapMenu(t testing.TB, s *testShell, label string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	var found fyne.Tappable
	walk(top, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == label && found == nil {
			found = menuItemOf(top, tx)
		}
	})
	if found == nil {
		t.Fatalf("no menu item %q in:\n%s", label, overlayText(top))
	}
	test.Tap(found)
}

// menuItemOf returns the tappable menu item that renders text.
func menuItemOf(root fyne.CanvasObject, text *canvas.Text) fyne.Tappable {
	var item fyne.Tappable
	walk(root, func(o fyne.CanvasObject) {
		if tp, ok := o.(fyne.Tappable); ok && item == nil {
			if w, ok := o.(fyne.Widget); ok {
				for _, ch := range test.WidgetRenderer(w).Objects() {
					if ch == text {
						item = tp
					}
				}
			}
		}
	})
	return item
}

// A column's name has a menu of sorting; a tap on it selects the column.
func TestHeaderMenus(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"b", "1"}, []string{"a", "2"})
	var col *headerCell
	for id, h := range v.headers() {
		if id.Row == -1 && id.Col == 0 {
			col = h
		}
	}
	test.TapSecondary(col)
	menu := s.win.Canvas().Overlays().Top()
	if menu == nil || !strings.Contains(overlayText(menu), "Sort A to Z by this column") {
		t.Fatal("no sort menu on a column's name")
	}
	s.win.Canvas().Overlays().Remove(menu)
	test.Tap(col)
	if got := v.doc().Selection(); got.Height() != 2 || got.Left != 0 || got.Right != 0 {
		t.Errorf("a tap on the column's name selected %v", got)
	}
}
