package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// Fyne's own widgets say the window's words for what both say: the Quit item Fyne adds
// to the File menu, an entry's Redo, a dialog's Cancel read as the window's Czech, and
// Fyne's words the window has none of (Yes, No) keep Fyne's Czech.
func TestFynesWordsFollowTheWindow(t *testing.T) {
	newCzechShell(t)
	for en, cs := range map[string]string{"Quit": "Ukončit", "Redo": "Znovu", "Cancel": "Zrušit", "Undo": "Zpět", "Yes": "Ano", "No": "Ne"} {
		if got := lang.L(en); got != cs {
			t.Errorf("Fyne says %q for %s, want %q", got, en, cs)
		}
	}
}

func TestCzech(t *testing.T) {
	s := newCzechShell(t)
	if got := s.win.MainMenu().Items[0].Label; got != "Soubor" {
		t.Errorf("first menu %q, want Soubor", got)
	}
	if got := s.status.conn.Text; got != "Sandbox (vestavěný)" {
		t.Errorf("connection %q", got)
	}
	if got := s.empty.newBtn.Text; got != "Nový list" {
		t.Errorf("new sheet button %q", got)
	}
	s.openPaths([]string{"testdata/sites.csv"})
	if got := uitest.Text(s.ed.FindingsPanel()); !slices.Contains(strings.Split(got, "\n"), "Chyby: 1 · Varování: 0") {
		t.Errorf("findings panel shows %q", got)
	}
}
