package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// On a 1024×700 screen the window opens within the screen (it opened at 1280×800), and
// what it holds needs no more room than that; closed at 960×620, it opens at 960×620
// next time (issue 23, point 6).
func TestTheWindowFitsTheScreenAndKeepsItsSize(t *testing.T) {
	a := test.NewTempApp(t)
	t.Setenv("LANGUAGE", "en")
	useLanguage("en")
	dir := t.TempDir()
	small := func() (fyne.Size, bool) { return fyne.NewSize(1024, 700), true }
	open := func() *Shell {
		return build(a, Options{DataDir: dir, Screen: small}, func(f func()) { f() }, 0)
	}

	s := open()
	openTestSheet(t, s, "user", []string{"ann@example.com"})
	size := s.win.Canvas().Size()
	if size.Width > 1024-screenMargin || size.Height > 700-screenMargin {
		t.Errorf("on a 1024×700 screen the window opens at %v", size)
	}
	if m := s.win.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
		t.Errorf("the window's content needs %v, more than the %v it opens at", m, size)
	}

	s.win.Resize(fyne.NewSize(960, 620))
	s.quit()
	again := open()
	if got := again.win.Canvas().Size(); got != fyne.NewSize(960, 620) {
		t.Errorf("closed at 960×620, the window opens at %v", got)
	}
}
