package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A failed row's message is a finding that keeps its template, so on its cell it reads in
// the language the window uses when it is shown, not in the one it came in: after the
// language changes, the same cell says it in Czech, in the status bar, under the cell bar
// and in the findings list.
func TestJobsMessageFollowsTheLanguage(t *testing.T) {
	s := newTestShell(t, Options{})
	t.Cleanup(func() { useLanguage("en") })
	sh := uitest.Sheet(t, "site", []string{"Brno", "Voice Onyl"})
	msg := i18n.M("%s %q does not exist in the organization (did you mean %q?)", "multimedia profile", "Voice Onyl", "Voice Only")
	s.OpenWithMessages(sh, []sheets.Finding{sheets.NewFinding(sh.File, 2, 1, "Multimedia Profile", sheets.Error, msg)})
	s.ed.FocusGrid()
	press(s, fyne.KeyRight) // to B2
	english := `Webex: multimedia profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)`
	if got := s.status.message.Text; got != english {
		t.Fatalf("in English the status bar says %q; want %q", got, english)
	}

	useLanguage("cs")
	press(s, fyne.KeyLeft, fyne.KeyRight) // away from the cell and back
	czech := `Webex: "Voice Onyl" (multimedia profile) v organizaci neexistuje (neměli jste na mysli "Voice Only"?)`
	if got := s.status.message.Text; got != czech {
		t.Errorf("in Czech the status bar says %q; want %q", got, czech)
	}
	if editor := strings.Split(uitest.Text(s.ed.Content()), "\n"); !contains(editor, czech) {
		t.Errorf("under the cell bar the editor does not say %q; it shows %q", czech, editor)
	}
	s.ed.FindingsPanel().Refresh() // as the window repaints
	if listed := uitest.Text(s.ed.FindingsPanel()); !strings.Contains(listed, czech) {
		t.Errorf("the findings list does not say %q; it shows:\n%s", czech, listed)
	}
}
