package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sheets"
)

// The status bar's one line has the cursor cell's whole message, "did you mean"
// included, in its tip.
func TestStatusTipShowsTheWholeMessage(t *testing.T) {
	s := newTestShell(t, Options{Connection: StaticConnection{Name: "Acme", Names: sheets.Known{"site": {"Prague"}}}})
	openTestSheet(t, s, "team", []string{"Brno Support", "Praha", "AGENT"})
	press(s, fyne.KeyRight) // the Site cell
	want := `did you mean "Prague"?`
	s.status.message.MouseIn(nil)
	if got := s.tips.shown(); !strings.HasSuffix(got, want) {
		t.Errorf("the status bar's message has the tip %q", got)
	}
	s.status.message.MouseOut()
}
