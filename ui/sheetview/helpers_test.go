package sheetview

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// testShell is a host of the editor for its tests: a window on Fyne's test app with the
// editor and the findings panel side by side, a main menu of the editor's commands (as
// the shell's menus offer them), and a status line of the notes and findings the editor
// reports.
type testShell struct {
	app      fyne.App
	win      fyne.Window
	ed       *Editor
	findings *findingsPanel
	status   testStatus
	passed   []fyne.Shortcut // shortcuts the editor handed to the host
}

// testStatus is the host's status line: the last note or the cursor cell's findings, and
// the counts of the sheet last changed.
type testStatus struct{ message, counts *widget.Label }

// Options and StaticConnection stand for the shell's: the organization's names, which
// the editor is given.
type Options struct{ Connection StaticConnection }

// StaticConnection is an organization with names given up front.
type StaticConnection struct {
	Name  string
	Names sheets.Known
}

func (s *testShell) Window() fyne.Window           { return s.win }
func (s *testShell) Clipboard() fyne.Clipboard     { return s.app.Clipboard() }
func (s *testShell) Preferences() fyne.Preferences { return s.app.Preferences() }
func (s *testShell) Note(msg string)               { s.status.message.SetText(msg) }
func (s *testShell) Shortcut(sc fyne.Shortcut)     { s.passed = append(s.passed, sc) }

func (s *testShell) CursorMoved() {
	var msgs []string
	for _, f := range s.ed.ShowCursorFindings() {
		msgs = append(msgs, f.Message)
	}
	s.status.message.SetText(strings.Join(msgs, " · "))
}

func (s *testShell) Changed(o *OpenSheet) {
	errs, warns := s.ed.Counts(o)
	s.status.counts.SetText(fmt.Sprintf("Errors: %d · Warnings: %d", errs, warns))
	s.CursorMoved()
}

// run runs a command as its menu item does.
func (s *testShell) run(c Command) { s.ed.Action(c).Run() }

// newTestShell builds the editor in a window on Fyne's test app, in English, with column
// widths saved at once.
func newTestShell(t testing.TB, opts Options) *testShell {
	t.Helper()
	a := test.NewTempApp(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "en")
	s := &testShell{app: a, win: a.NewWindow("Bulkops"),
		status: testStatus{message: widget.NewLabel(""), counts: widget.NewLabel("")}}
	s.ed = New(s, 0)
	s.findings = s.ed.findings
	s.ed.SetKnown(opts.Connection.Names)
	var items []*fyne.MenuItem
	for c := Undo; c <= PreviousFinding; c++ {
		items = append(items, s.ed.Action(c).MenuItem())
	}
	s.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("Edit", items...)))
	work := container.NewHSplit(s.ed.Content(), s.ed.FindingsPanel())
	work.SetOffset(0.8) // the findings as narrow as in the shell, beside the navigation
	s.win.SetContent(container.NewBorder(nil, container.NewHBox(s.status.message, s.status.counts), nil, nil, work))
	s.win.Resize(fyne.NewSize(1280, 800))
	return s
}

// openTestSheet puts a sheet in the editor as a file would, and shows it.
func openTestSheet(t testing.TB, s *testShell, key string, rows ...[]string) *sheetView {
	t.Helper()
	sh := uitest.Sheet(t, key, rows...)
	s.adopt(sh, "")
	return s.ed.cur
}

// adopt opens a sheet and shows it, as the shell does.
func (s *testShell) adopt(sh *sheets.Sheet, path string) *OpenSheet {
	o := s.ed.Open(sh, path, nil)
	s.ed.Repaint()
	s.ed.Show(sh.Object.Key)
	s.CursorMoved()
	s.ed.FocusGrid()
	return o
}

var ctrl, ctrlShift = Ctrl, CtrlShift

func focused(s *testShell) fyne.Focusable { return uitest.Focused(s.win) }

// typeText types characters into whatever has the keyboard, as the driver does.
func typeText(s *testShell, text string) { uitest.Type(s.win, text) }

// press sends keys to whatever has the keyboard.
func press(s *testShell, keys ...fyne.KeyName) { uitest.Press(s.win, keys...) }

// shiftPress sends keys with Shift held.
func shiftPress(s *testShell, keys ...fyne.KeyName) { uitest.ShiftPress(s.win, keys...) }

// shortcut types a shortcut as the desktop driver delivers it: a main menu item bound to
// it runs first; otherwise it goes to whatever has the keyboard.
func shortcut(s *testShell, sc fyne.Shortcut) { uitest.Shortcut(s.win, sc) }

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
func tapButton(t testing.TB, s *testShell, text string) {
	t.Helper()
	uitest.TapButton(t, s.win, text)
}
