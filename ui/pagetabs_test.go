package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// Tab reaches the row of pages (issue 23, point 1: 40 presses never did); Right and
// Enter bring the next page to the front with the keyboard on its button, Left and
// Space the sheets again with the keyboard in the grid.
func TestTabReachesThePagesAndArrowsChooseOne(t *testing.T) {
	s, btn := withJobsView(t)
	openTestSheet(t, s, "site", []string{"Praha"})
	s.win.Canvas().Unfocus()

	reached := false
	for range 40 {
		key(s, fyne.KeyTab, 0)
		if uitest.Focused(s.win) == s.tabs.bar {
			reached = true
			break
		}
	}
	if !reached {
		t.Fatal("40 presses of Tab never reached the page tabs")
	}
	key(s, fyne.KeyRight, 0)
	if s.tabs.SelectedIndex() != 0 {
		t.Errorf("Right alone brought page %d to the front", s.tabs.SelectedIndex())
	}
	key(s, fyne.KeyReturn, 0)
	if s.tabs.Selected().Text != "Bulk operations" {
		t.Fatalf("Right, Enter: %q is in front", s.tabs.Selected().Text)
	}
	if uitest.Focused(s.win) != btn {
		t.Errorf("the jobs page does not have the keyboard: %T", uitest.Focused(s.win))
	}

	s.win.Canvas().Focus(s.tabs.bar)
	key(s, fyne.KeyLeft, 0)
	key(s, fyne.KeySpace, ' ')
	if s.tabs.SelectedIndex() != 0 {
		t.Fatalf("Left, Space: page %d is in front", s.tabs.SelectedIndex())
	}
	typingReachesA1(t, s, "choosing Sheets from the row")
}

// typingReachesA1 types Brno and Enter and checks it went into A1 of the site sheet:
// the grid had the keyboard after what.
func typingReachesA1(t *testing.T, s *Shell, after string) {
	t.Helper()
	uitest.Keys(s.win, "Brno")
	key(s, fyne.KeyReturn, 0)
	if got := s.ed.Get("site").Sheet().Cell(0, 0); got != "Brno" {
		t.Errorf("typing after %s: A1 is %q", after, got)
	}
}

// A click on a tab brings its page to the front.
func TestClickOnAPageTab(t *testing.T) {
	s, _ := withJobsView(t)
	var tab *pageTab
	uitest.Walk(s.tabs.content, func(o fyne.CanvasObject) {
		if p, ok := o.(*pageTab); ok && p.item.Text == "Bulk operations" {
			tab = p
		}
	})
	if tab == nil {
		t.Fatal("no Bulk operations tab shown")
	}
	tab.Tapped(&fyne.PointEvent{})
	if s.tabs.SelectedIndex() != 1 {
		t.Errorf("the click brought page %d to the front", s.tabs.SelectedIndex())
	}
}
