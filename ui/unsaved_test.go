package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/sheets"
)

// A sheet that would replace one with unsaved edits (an export, a job's failed rows)
// asks Save / Discard / Cancel: Cancel keeps working on the edits, Save writes them to
// the sheet's file before the other sheet opens.
func TestReplacingOffersSaveDiscardCancel(t *testing.T) {
	s := newTestShell(t, Options{})
	path := filepath.Join(t.TempDir(), "sites.csv")
	data, err := os.ReadFile("testdata/sites.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s.openPaths([]string{path})
	typeText(s, "Edited")
	press(s, fyne.KeyReturn)
	other := sheets.New(s.ed.Get("site").Sheet().Object)
	other.File = "site_export.csv"

	s.Open(other)
	shown := overlayText(s.win.Canvas().Overlays().Top())
	for _, want := range []string{"Save them before site_export.csv takes its place?", "[Save]", "[Discard changes and open]", "[Cancel]"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the question lacks %q:\n%s", want, shown)
		}
	}
	tapButton(t, s, "Cancel")
	if got := s.ed.Get("site").Sheet().Cell(0, 0); got != "Edited" {
		t.Fatalf("Cancel lost the edit: %q", got)
	}

	s.Open(other)
	tapButton(t, s, "Save")
	saved, err := sheets.ReadFile(path, sheets.ReadOptions{})
	if err != nil || saved.Cell(0, 0) != "Edited" {
		t.Fatalf("Save wrote %v, %v", saved, err)
	}
	if o := s.ed.Get("site"); o.Sheet() != other {
		t.Errorf("after saving, the export did not open")
	}
}
