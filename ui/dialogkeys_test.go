package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// With the keyboard on a dialog's button (after Tab), Esc still closes the dialog as
// its cancel button does, and Enter presses the button that has the keyboard
// (issue 23, point 2: both keys went to the button and were lost).
func TestEscAndEnterWithTheKeyboardOnADialogButton(t *testing.T) {
	s := newTestShell(t, Options{})
	openTestSheet(t, s, "site", []string{"Praha"})
	var answers []bool
	ask := func() {
		dialog.ShowConfirm("Delete?", "Delete the rows?", func(ok bool) { answers = append(answers, ok) }, s.win)
	}

	ask()
	key(s, fyne.KeyTab, 0) // onto No
	key(s, fyne.KeyTab, 0) // onto Yes
	if b := button(uitest.Focused(s.win)); b == nil || b.Text != "Yes" {
		t.Fatalf("two Tabs put the keyboard on %T, not on Yes", uitest.Focused(s.win))
	}
	key(s, fyne.KeyEscape, 0)
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc on a focused button left the dialog open: %s", overlayText(top))
	}

	ask()
	key(s, fyne.KeyTab, 0) // onto No, the button that is not the default
	key(s, fyne.KeyReturn, 0)
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Enter on a focused button left the dialog open: %s", overlayText(top))
	}
	if len(answers) != 2 || answers[0] || answers[1] {
		t.Errorf("Esc on Yes, Enter on No answered %v; want [false false]", answers)
	}
	// The keys went no further: the cell is as it was.
	if got := s.ed.Get("site").Sheet().Cell(0, 0); got != "Praha" {
		t.Errorf("A1 is %q after the dialog", got)
	}
}
