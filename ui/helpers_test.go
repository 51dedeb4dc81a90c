package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// newTestShell builds the real window on Fyne's test app, in English, with drafts in a
// temporary folder written only when asked, and file reading done inline.
func newTestShell(t testing.TB, opts Options) *Shell {
	t.Helper()
	a := test.NewTempApp(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "en")
	useLanguage("en")
	if opts.DataDir == "" {
		opts.DataDir = t.TempDir()
	}
	s := build(a, opts, func(f func()) { f() }, 0)
	s.win.Resize(fyne.NewSize(1280, 800))
	s.tips.delay = 0 // tips show as soon as the mouse is on
	return s
}

// openTestSheet puts a sheet in the editor as a file would.
func openTestSheet(t testing.TB, s *Shell, key string, rows ...[]string) *sheetView {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	sh := sheets.New(o)
	sh.File = key + ".csv"
	for _, r := range rows {
		cells := make([]string, len(sh.Columns))
		copy(cells, r)
		sh.Rows = append(sh.Rows, sheets.Row{Cells: cells})
	}
	s.adopt(sh, "")
	return s.ed.cur
}

func focused(s *Shell) fyne.Focusable { return s.win.Canvas().Focused() }

// typeText types characters into whatever has the keyboard, as the driver does.
func typeText(s *Shell, text string) {
	for _, r := range text {
		focused(s).TypedRune(r)
	}
}

// press sends keys to whatever has the keyboard.
func press(s *Shell, keys ...fyne.KeyName) {
	for _, k := range keys {
		focused(s).TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// shiftPress sends keys with Shift held.
func shiftPress(s *Shell, keys ...fyne.KeyName) {
	k := focused(s).(desktop.Keyable)
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(s, keys...)
	k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// shortcut types a shortcut as the desktop driver delivers it: a main menu item bound to
// it runs first; otherwise it goes to whatever has the keyboard.
func shortcut(s *Shell, sc fyne.Shortcut) {
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it
			}
			if it.ChildMenu != nil {
				if f := find(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	for _, m := range s.win.MainMenu().Items {
		if it := find(m.Items); it != nil {
			it.Action()
			return
		}
	}
	focused(s).(fyne.Shortcutable).TypedShortcut(sc)
}

// cellText returns what a visible cell shows.
func cellText(t testing.TB, v *sheetView, row, col int) string {
	t.Helper()
	return cellBoxAt(t, v, row, col).full
}

func cellBG(t testing.TB, v *sheetView, row, col int) color.Color {
	t.Helper()
	return cellBoxAt(t, v, row, col).bg.FillColor
}

func cellBoxAt(t testing.TB, v *sheetView, row, col int) *cellBox {
	t.Helper()
	o := v.cells[widget.TableCellID{Row: row, Col: col}]
	if o == nil {
		t.Fatalf("cell %d,%d is not on screen", row, col)
	}
	return o.(*cellBox)
}

// cellPos is where a visible cell is, in the table's coordinates, a little inside it.
func cellPos(t testing.TB, v *sheetView, row, col int) fyne.Position {
	t.Helper()
	drv := fyne.CurrentApp().Driver()
	return drv.AbsolutePositionForObject(cellBoxAt(t, v, row, col)).Subtract(drv.AbsolutePositionForObject(v.table)).AddXY(5, 5)
}

// clickCell clicks a visible cell with the mouse, as the driver delivers a click.
func clickCell(t testing.TB, v *sheetView, row, col int, mods fyne.KeyModifier) {
	t.Helper()
	pos := cellPos(t, v, row, col)
	v.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Modifier: mods})
	v.table.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Modifier: mods})
	v.table.Tapped(&fyne.PointEvent{Position: pos})
}

func at(row, col int) grid.Cell { return grid.Cell{Row: row, Col: col} }

// walk calls f for o and everything it shows, widgets' rendered parts included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) { uitest.Walk(o, f) }

// overlayText collects the text shown in an overlay (a dialog).
func overlayText(o fyne.CanvasObject) string { return uitest.Text(o) }

// tapButton taps the button with the given text in the top overlay (a dialog).
func tapButton(t testing.TB, s *Shell, text string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the dialog:\n%s", text, overlayText(top))
	}
	test.Tap(found)
}

// findSelect returns the first drop-down in an overlay.
func findSelect(t testing.TB, o fyne.CanvasObject) *widget.Select {
	t.Helper()
	var found *widget.Select
	walk(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && found == nil {
			found = s
		}
	})
	if found == nil {
		t.Fatal("no drop-down in the dialog")
	}
	return found
}
