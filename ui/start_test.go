package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A first start shows the start page, not some object type's empty sheet: what can be
// done, and the recent files (none yet). A file opened is listed there afterwards and
// opens from there; a template starts from the object type chosen.
func TestStartPage(t *testing.T) {
	s := newTestShell(t, Options{})
	shown := uitest.Text(s.center)
	for _, want := range []string{"What would you like to do?", "[Open a file…]", "[Start from a template]",
		"None yet: the files you open or save are listed here."} {
		if !strings.Contains(shown, want) {
			t.Errorf("the start page lacks %q:\n%s", want, shown)
		}
	}
	if s.selected != "" || strings.Contains(shown, "Dial Plans") {
		t.Errorf("a first start shows object type %q", s.selected)
	}

	s.openPaths([]string{"testdata/sites.csv"})
	s.closeSheet()
	s.run(actStart)
	shown = uitest.Text(s.center)
	abs, _ := filepath.Abs("testdata/sites.csv")
	if !strings.Contains(shown, "[sites.csv]") || !strings.Contains(shown, filepath.Dir(abs)) {
		t.Fatalf("the recent files do not list sites.csv:\n%s", shown)
	}
	test.Tap(uitest.Button(s.center, "sites.csv"))
	if o := s.ed.Current(); o == nil || o.Key() != "site" || len(o.Sheet().Rows) == 0 {
		t.Fatalf("the recent file did not open: %v", o)
	}

	s.run(actStart)
	test.Tap(uitest.Button(s.center, "Start from a template"))
	if s.ed.Current() != nil || s.status.message.Text != "Choose the object type of the sheet first" {
		t.Errorf("a template without an object type: sheet %v, status %q", s.ed.Current(), s.status.message.Text)
	}
	s.start.template.SetSelected("Team")
	test.Tap(uitest.Button(s.center, "Start from a template"))
	if o := s.ed.Current(); o == nil || o.Key() != "team" {
		t.Fatalf("the template opened %v", o)
	}
}
