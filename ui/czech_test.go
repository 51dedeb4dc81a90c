package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// In Czech, a finding reads in Czech where the user sees it (under the cell bar, in the
// status bar, in the findings list), the column's hint is Czech, and so is the type's
// name; the header and the value stay as Control Hub and the user wrote them.
func TestCzechFindingsAsTheUserSeesThem(t *testing.T) {
	s := newCzechShell(t)
	v := openTestSheet(t, s, "team", []string{"Brno Support", "Praha", "AGNET"}, []string{"", "Praha", "AGENT"})
	want := "Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?"

	s.ed.FocusGrid()
	press(s, fyne.KeyRight, fyne.KeyRight) // from A2 to C2, the Type cell
	if c := v.doc().Cursor(); c.Row != 0 || c.Col != 2 {
		t.Fatalf("the cursor is on %v", c)
	}
	editor := strings.Split(uitest.Text(s.ed.Content()), "\n")
	if !contains(editor, want) {
		t.Errorf("the editor does not show %q under the cell bar; it shows %q", want, editor)
	}
	hint := "Type (povinný): AGENT pro tým jmenovitých agentů, CAPACITY pro tým dostupný na telefonním čísle; později to nelze změnit."
	if !contains(editor, hint) {
		t.Errorf("the editor does not show the column's hint %q; it shows %q", hint, editor)
	}
	if got := s.status.message.Text; got != want {
		t.Errorf("the status bar says %q", got)
	}

	listed := uitest.Text(s.ed.FindingsPanel())
	for _, w := range []string{want, "Name je povinný údaj", "Řádek 3 · Name", "Chyby: 2 · Varování: 0"} {
		if !strings.Contains(listed, w) {
			t.Errorf("the findings panel lacks %q; it shows:\n%s", w, listed)
		}
	}
	if strings.Contains(listed, "is required") || strings.Contains(listed, "must be") {
		t.Errorf("the findings panel still speaks English:\n%s", listed)
	}
	if got := objectTitle(v.o.Sheet().Object); got != "Tým" {
		t.Errorf("the type's name %q", got)
	}
}

// newCzechShell builds the real window on Fyne's test app with Czech chosen in its
// preferences, the operating system's language being English.
func newCzechShell(t *testing.T) *Shell {
	t.Helper()
	a := test.NewTempApp(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "en")
	t.Cleanup(func() { useLanguage("en") })
	a.Preferences().SetString(prefLanguage, "cs")
	s := build(a, Options{DataDir: t.TempDir()}, func(f func()) { f() }, 0)
	s.win.Resize(fyne.NewSize(1280, 800))
	return s
}
