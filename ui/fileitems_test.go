package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A view's File menu items come after "Check and submit…" and before Close; choosing
// one brings its view to the front and runs it.
func TestViewFileItems(t *testing.T) {
	ran := 0
	s := newTestShell(t, Options{Views: []View{{Title: "Bulk operations", Content: widget.NewLabel("jobs"),
		FileItems: []Task{{Label: "Export the whole organization…", Run: func() { ran++ }}}}}})
	var labels []string
	for _, it := range s.mainMenu().Items[0].Items {
		labels = append(labels, it.Label)
		if it.Label == "Export the whole organization…" {
			it.Action()
		}
	}
	check, export, closing := -1, -1, -1
	for i, l := range labels {
		switch l {
		case "Check and submit…":
			check = i
		case "Export the whole organization…":
			export = i
		case "Close sheet":
			closing = i
		}
	}
	if !(check >= 0 && check < export && export < closing) {
		t.Errorf("File menu %q", labels)
	}
	if ran != 1 || s.tabs.Selected().Text != "Bulk operations" {
		t.Errorf("ran %d times, %q in front", ran, s.tabs.Selected().Text)
	}
}

// A view's File menu item with a shortcut shows it on the item, and the shortcut typed
// in the grid (which hands on what it does not take) brings the view to the front and
// runs it.
func TestViewFileItemShortcut(t *testing.T) {
	ran := 0
	key := ctrlShift(fyne.KeyU)
	s := newTestShell(t, Options{Views: []View{{Title: "Bulk operations", Content: widget.NewLabel("jobs"),
		FileItems: []Task{{Label: "Submit a workbook…", Key: key, Run: func() { ran++ }}}}}})
	var item *fyne.MenuItem
	for _, it := range s.mainMenu().Items[0].Items {
		if it.Label == "Submit a workbook…" {
			item = it
		}
	}
	if item == nil || item.Shortcut == nil || item.Shortcut.ShortcutName() != key.ShortcutName() {
		t.Fatalf("the File menu's item: %+v", item)
	}
	s.runShortcut(ctrlShift(fyne.KeyU))
	if ran != 1 || s.tabs.Selected().Text != "Bulk operations" {
		t.Errorf("ran %d times, %q in front", ran, s.tabs.Selected().Text)
	}
}
