package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// "Check and submit…" is on the Sheets page itself — File menu, toolbar, Ctrl+Shift+Enter —
// and hands the sheet shown to the jobs view, which comes to the front.
func TestCheckFromTheSheetsPage(t *testing.T) {
	var checked []string
	s := newTestShell(t, Options{Views: []View{{Title: "Bulk operations", Content: widget.NewLabel("jobs"),
		CheckSheet: func(key string) { checked = append(checked, key) }}}})
	openTestSheet(t, s, "team")
	shortcut(s, ctrlShift(fyne.KeyReturn))
	if len(checked) != 1 || checked[0] != "team" || s.tabs.Selected().Text != "Bulk operations" {
		t.Fatalf("Ctrl+Shift+Enter checked %q, %q in front", checked, s.tabs.Selected().Text)
	}
	inMenu := false
	for _, it := range s.mainMenu().Items[0].Items {
		inMenu = inMenu || it.Label == "Check and submit…"
	}
	onToolbar := false
	for _, it := range s.toolbar.Items {
		if b, ok := it.(tipAction); ok {
			onToolbar = onToolbar || b.b.tip == "Check and submit… (Ctrl+Shift+Return)"
		}
	}
	if !inMenu || !onToolbar {
		t.Errorf("Check and submit… in the File menu %v, on the toolbar %v", inMenu, onToolbar)
	}
}
