package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// In Czech, a finding reads in Czech where the user sees it (the findings list, under the
// cell bar, the status bar's tip), the column's hint is Czech, and so is the type's name;
// the header and the value stay as Control Hub and the user wrote them.
func TestCzechFindingsAsTheUserSeesThem(t *testing.T) {
	s := newCzechShell(t)
	s.tips.delay = 0
	v := openTestSheet(t, s, "team", []string{"Brno Support", "Praha", "AGNET"}, []string{"", "Praha", "AGENT"})
	want := "Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?"

	clickCell(t, v, 0, 2, 0) // the Type cell of row 2
	if got := s.ed.message.text.Text; !s.ed.message.content.Visible() || got != want {
		t.Errorf("under the cell bar: shown %v, %q; want %q", s.ed.message.content.Visible(), got, want)
	}
	if got := s.ed.colInfo.Text; !strings.HasPrefix(got, "Type (povinný): AGENT pro tým jmenovitých agentů") {
		t.Errorf("the column's hint %q", got)
	}
	s.status.message.MouseIn(nil)
	if got := s.tips.shown(); got != want {
		t.Errorf("the status bar's tip %q", got)
	}
	s.status.message.MouseOut()

	var shown []string
	walk(s.findings.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			shown = append(shown, l.Text)
		}
	})
	joined := strings.Join(shown, "\n")
	for _, w := range []string{want, "Name je povinný údaj", "Řádek 3 · Name"} {
		if !strings.Contains(joined, w) {
			t.Errorf("the findings list lacks %q; it shows:\n%s", w, joined)
		}
	}
	if strings.Contains(joined, "is required") || strings.Contains(joined, "must be") {
		t.Errorf("the findings list still speaks English:\n%s", joined)
	}
	if got := objectTitle(v.doc().Sheet().Object); got != "Tým" {
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
