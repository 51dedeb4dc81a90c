package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Every toolbar button says what it does, with its shortcut, when the mouse rests on it.
func TestToolbarTips(t *testing.T) {
	s := newTestShell(t, Options{})
	seen := map[string]bool{}
	for _, it := range s.toolbar.Items {
		a, ok := it.(tipAction)
		if !ok {
			continue
		}
		a.b.MouseIn(&desktop.MouseEvent{})
		tip := s.tips.shown()
		if tip == "" || !s.tips.pop.Visible() {
			t.Errorf("a toolbar button (%v) shows no tip", a.b.Icon.Name())
		}
		top := s.win.Canvas().Overlays().Top()
		if top == nil || !strings.HasPrefix(overlayText(top), tip+"\n") {
			t.Errorf("the pop-up on screen says %q, want %q", overlayText(top), tip)
		}
		a.b.MouseOut()
		if s.tips.shown() != "" {
			t.Errorf("the tip %q stays after the mouse left", tip)
		}
		seen[tip] = true
	}
	for _, want := range []string{"Save (Ctrl+S)", "Insert rows (Ctrl+I)", "Show only rows with findings (Ctrl+Shift+L)",
		"Next finding (F8)", "Previous finding (Shift+F8)", "Start page", "Fill down (Ctrl+D)"} {
		if !seen[want] {
			t.Errorf("no toolbar button says %q; they say %v", want, seen)
		}
	}
	if n := len(seen); n < 15 {
		t.Errorf("only %d toolbar tips", n)
	}
}

// A tip is kept inside the window: near the right edge it moves left.
func TestTipStaysInTheWindow(t *testing.T) {
	s := newTestShell(t, Options{})
	last := s.toolbar.Items[len(s.toolbar.Items)-1].(tipAction).b
	s.win.Resize(fyne.NewSize(720, 500))
	last.MouseIn(&desktop.MouseEvent{})
	if end := s.tips.pop.Content.Position().X + s.tips.pop.Content.Size().Width; end > s.win.Canvas().Size().Width+1 {
		t.Errorf("the tip ends at %v, beyond the window's %v", end, s.win.Canvas().Size().Width)
	}
}

// A long tip (a column's description) wraps to a readable width inside the window,
// and shows whole.
func TestALongTipWraps(t *testing.T) {
	s := newTestShell(t, Options{})
	s.win.Resize(fyne.NewSize(1024, 700))
	long := strings.Repeat("The name of the site, usually its location. ", 12)
	s.tips.hoverIn(s.status.conn, long)
	shown := s.tips.text.Text
	if got := strings.Join(strings.Fields(shown), " "); s.tips.shown() != long || got != strings.TrimSpace(long) {
		t.Fatalf("the tip says %q", shown)
	}
	size := s.tips.pop.Content.Size()
	if size.Width > maxTipWidth+1 || strings.Count(shown, "\n") < 4 {
		t.Errorf("the tip is %v: not wrapped to %d px:\n%s", size, maxTipWidth, shown)
	}
	if end := s.tips.pop.Content.Position().X + size.Width; end > s.win.Canvas().Size().Width+1 {
		t.Errorf("the tip ends at %v, beyond the window", end)
	}
}
