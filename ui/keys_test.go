package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// key presses one key as the desktop driver does (see uitest.Key).
func key(s *Shell, name fyne.KeyName, char rune) { uitest.Key(s.win, name, char) }

// withJobsView builds the shell with a page beside the sheets that has a button.
func withJobsView(t *testing.T) (*Shell, *widget.Button) {
	t.Helper()
	btn := widget.NewButton("New bulk operation", func() {})
	s := newTestShell(t, Options{Views: []View{{Title: "Bulk operations", Icon: theme.ListIcon(),
		Content: btn}}})
	return s, btn
}

// Ctrl+2 brings the jobs page to the front with the keyboard on its first button; Ctrl+1
// goes back to the sheet with the keyboard in the grid, where typing edits the cell. The
// View menu lists the pages with their shortcuts.
func TestPagesSwitchFromTheKeyboard(t *testing.T) {
	s, btn := withJobsView(t)
	v := openTestSheet(t, s, "site", []string{"Praha"})

	shortcut(s, ctrl(fyne.Key2))
	if s.tabs.SelectedIndex() != 1 {
		t.Fatalf("Ctrl+2 shows page %d", s.tabs.SelectedIndex())
	}
	if uitest.Focused(s.win) != btn {
		t.Errorf("the jobs page does not have the keyboard: %T", uitest.Focused(s.win))
	}
	shortcut(s, ctrl(fyne.Key1))
	if s.tabs.SelectedIndex() != 0 {
		t.Fatalf("Ctrl+1 shows page %d", s.tabs.SelectedIndex())
	}
	uitest.Keys(s.win, "Brno")
	key(s, fyne.KeyReturn, 0)
	if got := v.o.Sheet().Cell(0, 0); got != "Brno" {
		t.Errorf("typing after Ctrl+1 did not reach the grid: A1 is %q", got)
	}

	shortcut(s, ctrl(fyne.KeyTab))
	if s.tabs.SelectedIndex() != 1 {
		t.Errorf("Ctrl+Tab shows page %d", s.tabs.SelectedIndex())
	}
	shortcut(s, ctrlShift(fyne.KeyTab))
	if s.tabs.SelectedIndex() != 0 {
		t.Errorf("Ctrl+Shift+Tab shows page %d", s.tabs.SelectedIndex())
	}

	var view *fyne.Menu
	for _, m := range s.win.MainMenu().Items {
		if m.Label == "View" {
			view = m
		}
	}
	var listed []string
	for _, it := range view.Items {
		if it.Shortcut != nil {
			listed = append(listed, it.Label+" "+shortcutText(it.Shortcut))
		}
	}
	got := strings.Join(listed, ", ")
	for _, want := range []string{"Sheets Ctrl+1", "Bulk operations Ctrl+2"} {
		if !strings.Contains(got, want) {
			t.Errorf("the View menu lacks %q: %s", want, got)
		}
	}
}

// A page chosen with the mouse (its tab) has the keyboard too: back on Sheets, typing
// goes into the grid.
func TestTabChosenWithTheMouseGivesTheGridTheKeyboard(t *testing.T) {
	s, _ := withJobsView(t)
	openTestSheet(t, s, "site", []string{"Praha"})
	// A click on a tab takes the keyboard from the grid: the driver unfocuses on a click
	// on what cannot take the keyboard.
	s.win.Canvas().Unfocus()
	s.tabs.SelectIndex(1)
	s.win.Canvas().Unfocus()
	s.tabs.SelectIndex(0)
	typingReachesA1(t, s, "choosing the Sheets tab")
}

// Alt with a menu's first letter opens that menu, from the grid or from nowhere; so does
// F10 (the first menu).
func TestAltLetterAndF10OpenTheMenus(t *testing.T) {
	s, _ := withJobsView(t)
	var opened []int
	s.menuOpener = func(i int) { opened = append(opened, i) }
	openTestSheet(t, s, "site", []string{"Praha"})

	shortcut(s, &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierAlt})
	key(s, fyne.KeyF10, 0) // in the grid
	s.win.Canvas().Unfocus()
	key(s, fyne.KeyF10, 0) // with nothing focused
	if len(opened) != 3 || s.win.MainMenu().Items[opened[0]].Label != "View" || opened[1] != 0 || opened[2] != 0 {
		t.Errorf("Alt+V, F10 opened menus %v", opened)
	}
	if menuKey("Úpravy") != fyne.KeyU || menuKey("Řádky") != fyne.KeyR {
		t.Errorf("Czech menus' letters: %q %q", menuKey("Úpravy"), menuKey("Řádky"))
	}
}

// Esc presses a dialog's cancel button and Enter its default one.
func TestEscAndEnterOnADialog(t *testing.T) {
	s := newTestShell(t, Options{})
	var answers []bool
	ask := func() {
		dialog.ShowConfirm("Delete?", "Delete the rows?", func(ok bool) { answers = append(answers, ok) }, s.win)
	}
	ask()
	key(s, fyne.KeyEscape, 0)
	ask()
	key(s, fyne.KeyReturn, 0)
	if len(answers) != 2 || answers[0] || !answers[1] {
		t.Errorf("Esc, Enter answered %v; want [false true]", answers)
	}
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open: %s", overlayText(top))
	}

	s.showShortcuts() // one button: Close
	key(s, fyne.KeyEscape, 0)
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Esc left the keyboard shortcuts open")
	}
}

// Ctrl+W on a changed sheet, Tab to the dialog's first button (Cancel), Space presses
// it, and the space must not go on into the cell; the next Enter edits the cell as it
// is instead of blanking it.
func TestSpaceOnADialogButtonDoesNotTypeIntoTheCell(t *testing.T) {
	s := newTestShell(t, Options{})
	openTestSheet(t, s, "site", []string{"Praha"})
	uitest.Keys(s.win, "Oslo")
	key(s, fyne.KeyReturn, 0)
	key(s, fyne.KeyUp, 0)

	// The driver sends W's KeyDown to the grid, then runs the menu's shortcut.
	uitest.Focused(s.win).(desktop.Keyable).KeyDown(&fyne.KeyEvent{Name: fyne.KeyW})
	shortcut(s, ctrl(fyne.KeyW))
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+W on a changed sheet asked nothing")
	}
	key(s, fyne.KeyTab, 0)
	key(s, fyne.KeySpace, ' ')
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Space did not press the focused button: %s", overlayText(top))
	}
	key(s, fyne.KeyReturn, 0)
	key(s, fyne.KeyReturn, 0)
	o := s.ed.Get("site")
	if o == nil {
		t.Fatal("Cancel closed the sheet")
	}
	if got := o.Sheet().Cell(0, 0); got != "Oslo" {
		t.Errorf("A1 is %q after Space on the dialog and Enter; want Oslo", got)
	}
}

// ForgetMessages takes a job's message off its cell and out of the error count.
func TestForgetMessagesClearsAJobsMessages(t *testing.T) {
	s := newTestShell(t, Options{})
	sh := uitest.Sheet(t, "site", []string{"Berlin", "Voice Only"})
	s.OpenWithMessages(sh, []sheets.Finding{{Row: 2, Col: 0, Message: `Site "Berlin" does not exist`}})
	o := s.ed.Get("site")
	if e, _ := s.ed.Counts(o); e != 1 {
		t.Fatalf("the message counts %d errors", e)
	}
	s.ForgetMessages("site")
	if e, _ := s.ed.Counts(o); e != 0 {
		t.Errorf("after ForgetMessages the sheet has %d errors", e)
	}
}

// The View menu hides the side panels, and the sheet gets their width (issue 23, point 8).
func TestHidingThePanelsWidensTheSheet(t *testing.T) {
	s := newTestShell(t, Options{})
	openTestSheet(t, s, "site", []string{"Praha"})
	before := s.ed.Content().Size().Width
	for _, m := range s.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Object types panel" || it.Label == "Findings panel" {
				if !it.Checked {
					t.Errorf("%s is not ticked while shown", it.Label)
				}
				it.Action()
			}
		}
	}
	if s.nav.content.Visible() || s.ed.FindingsPanel().Visible() {
		t.Fatal("the panels are still shown")
	}
	if after := s.ed.Content().Size().Width; after < before+300 {
		t.Errorf("the sheet is %.0f px wide with the panels hidden, %.0f with them", after, before)
	}
}

// Choosing a language ticks it in the menu at once and says why it waits for a restart.
func TestLanguageChoiceTicksAndSaysWhy(t *testing.T) {
	s := newTestShell(t, Options{})
	pick := func() *fyne.MenuItem {
		for _, m := range s.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Label == "Language" {
					return it.ChildMenu.Items[len(it.ChildMenu.Items)-1]
				}
			}
		}
		t.Fatal("no Language menu")
		return nil
	}
	it := pick()
	it.Action()
	if !pick().Checked {
		t.Errorf("%s is not ticked after choosing it", it.Label)
	}
	if top := s.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(overlayText(top), "building it again") {
		t.Error("the choice does not say why it waits for a restart")
	}
}
