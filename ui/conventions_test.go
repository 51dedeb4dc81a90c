package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Ctrl+Q quits, asking first when sheets have unsaved changes; Replace sits beside Find
// on the toolbar.
func TestCtrlQQuitsAndReplaceIsOnTheToolbar(t *testing.T) {
	s := newTestShell(t, Options{})
	closed := false
	s.win.SetOnClosed(func() { closed = true })
	openTestSheet(t, s, "site", []string{"Prague", "MM"})
	typeText(s, "Edited")
	press(s, fyne.KeyReturn)
	shortcut(s, ctrl(fyne.KeyQ))
	if closed || !strings.Contains(overlayText(s.win.Canvas().Overlays().Top()), "Quit with unsaved changes?") {
		t.Fatalf("Ctrl+Q with unsaved edits: closed %v, asked %q", closed, overlayText(s.win.Canvas().Overlays().Top()))
	}
	tapButton(t, s, "Yes")
	if !closed {
		t.Error("the window did not close")
	}
	var tips []string
	for _, it := range s.toolbar.Items {
		if a, ok := it.(tipAction); ok {
			tips = append(tips, a.b.tip)
		}
	}
	if i := slices.Index(tips, "Find… (Ctrl+F)"); i < 0 || i+1 >= len(tips) || tips[i+1] != "Replace… (Ctrl+H)" {
		t.Errorf("the toolbar has %q", tips)
	}
}
