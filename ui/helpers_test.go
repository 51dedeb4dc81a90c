package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/grid"
	"github.com/bulkops/bulkops/ui/internal/uitest"
	"github.com/bulkops/bulkops/ui/sheetview"
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
	uitest.SetOnKeyDown(s.win.Canvas(), s.keyDown) // as the desktop canvas has it
	s.win.Resize(fyne.NewSize(1280, 800))
	s.tips.delay = 0 // tips show as soon as the mouse is on
	return s
}

// shownSheet is the sheet shown, as the tests look at it: the open sheet and the editor
// that shows it.
type shownSheet struct {
	ed *sheetview.Editor
	o  *sheetview.OpenSheet
}

func (v *shownSheet) doc() *grid.Document { return v.o.Doc }

// shown returns the sheet shown, or nil.
func shown(s *Shell) *shownSheet {
	if o := s.ed.Current(); o != nil {
		return &shownSheet{s.ed, o}
	}
	return nil
}

// openTestSheet puts a sheet in the editor as a file would.
func openTestSheet(t testing.TB, s *Shell, key string, rows ...[]string) *shownSheet {
	t.Helper()
	sh := uitest.Sheet(t, key, rows...)
	s.adopt(sh, "")
	return shown(s)
}

// typeText types characters into whatever has the keyboard, as the driver does.
func typeText(s *Shell, text string) { uitest.Type(s.win, text) }

// press sends keys to whatever has the keyboard.
func press(s *Shell, keys ...fyne.KeyName) { uitest.Press(s.win, keys...) }

// shortcut types a shortcut as the desktop driver delivers it: a main menu item bound to
// it runs first; otherwise it goes to whatever has the keyboard.
func shortcut(s *Shell, sc fyne.Shortcut) { uitest.Shortcut(s.win, sc) }

// cellText returns what a visible cell shows (row -1: the header; col -1: row numbers).
func cellText(t testing.TB, v *shownSheet, row, col int) string {
	t.Helper()
	text, _, ok := v.ed.CellShown(row, col)
	if !ok {
		t.Fatalf("cell %d,%d is not on screen", row, col)
	}
	return text
}

func cellBG(t testing.TB, v *shownSheet, row, col int) color.Color {
	t.Helper()
	_, bg, ok := v.ed.CellShown(row, col)
	if !ok {
		t.Fatalf("cell %d,%d is not on screen", row, col)
	}
	return bg
}

// walk calls f for o and everything it shows, widgets' rendered parts included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) { uitest.Walk(o, f) }

// overlayText collects the text shown in an overlay (a dialog).
func overlayText(o fyne.CanvasObject) string { return uitest.Text(o) }

// tapButton taps the button with the given text in the top overlay (a dialog).
func tapButton(t testing.TB, s *Shell, text string) {
	t.Helper()
	uitest.TapButton(t, s.win, text)
}

// findSelect returns the first drop-down in an overlay.
func findSelect(t testing.TB, o fyne.CanvasObject) *widget.Select {
	t.Helper()
	return findFirst[*widget.Select](t, o, "drop-down")
}

// findFirst returns the first widget of type W in an overlay; what names it in the
// failure.
func findFirst[W fyne.CanvasObject](t testing.TB, o fyne.CanvasObject, what string) W {
	t.Helper()
	var found W
	ok := false
	walk(o, func(o fyne.CanvasObject) {
		if w, is := o.(W); is && !ok {
			found, ok = w, true
		}
	})
	if !ok {
		t.Fatalf("no %s in the dialog", what)
	}
	return found
}
