package ui

import (
	"strings"
	"testing"
)

// The keyboard shortcuts list the sorting keys a Czech keyboard types without AltGr
// beside Ctrl+[ and Ctrl+] (issue 23, point 7).
func TestShortcutsListTheCzechSortingKeys(t *testing.T) {
	s := newTestShell(t, Options{})
	s.showShortcuts()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no keyboard shortcuts shown")
	}
	text := overlayText(top)
	for _, want := range []string{"Ctrl+[, Ctrl+,\nSort A to Z by this column", "Ctrl+], Ctrl+.\nSort Z to A by this column"} {
		if !strings.Contains(text, want) {
			t.Errorf("the shortcuts lack %q:\n%s", want, text)
		}
	}
}
