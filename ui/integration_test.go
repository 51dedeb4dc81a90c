package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

// Switching the connection renames it in the status bar and checks references against
// the new organization's names.
func TestSetConnection(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Prague", "Voice Only"})
	if s.ConnectionLabel() != "Sandbox (embedded)" || s.status.conn.Importance != widget.WarningImportance {
		t.Fatalf("status bar %q, importance %v", s.ConnectionLabel(), s.status.conn.Importance)
	}
	s.SetConnection(StaticConnection{Name: "Ada — Acme (o-1)", Names: sheets.Known{"multimedia_profile": {"Digital Only"}}})
	if s.ConnectionLabel() != "Ada — Acme (o-1)" || s.status.conn.Importance != widget.MediumImportance {
		t.Errorf("status bar %q, importance %v", s.ConnectionLabel(), s.status.conn.Importance)
	}
	if fs := s.ed.FindingsAt(v.o, 0, 1); len(fs) != 1 {
		t.Errorf("a profile Acme does not have: findings %v", fs)
	}
	s.SetConnection(nil)
	if fs := s.ed.FindingsAt(v.o, 0, 1); len(fs) != 0 || s.ConnectionLabel() != "Sandbox (embedded)" {
		t.Errorf("back on the sandbox: %q, findings %v", s.ConnectionLabel(), fs)
	}
}

// A view is brought to the front by its title; a sheet opened from elsewhere brings the
// editor back.
func TestShowView(t *testing.T) {
	s := newTestShell(t, Options{Views: []View{{Title: "Bulk operations", Content: widget.NewLabel("jobs")}}})
	if !s.ShowView("Bulk operations") || s.tabs.Selected().Text != "Bulk operations" {
		t.Fatalf("selected %q", s.tabs.Selected().Text)
	}
	if s.ShowView("No such view") {
		t.Error("ShowView found a view that is not there")
	}
	openTestSheet(t, s, "site")
	s.OpenWithMessages(s.Sheets()[0].Clone(), []sheets.Finding{{Row: 2, Col: 0, Message: "x"}})
	if s.tabs.Selected() != s.tabs.Items[0] {
		t.Errorf("after opening a sheet %q is in front", s.tabs.Selected().Text)
	}
}

// The quit check's question is asked before the window closes.
func TestQuitCheck(t *testing.T) {
	s := newTestShell(t, Options{})
	asked := 0
	s.SetQuitCheck(func() string { asked++; return "Job BO-1 is In Progress. Quit anyway?" })
	s.quit()
	if asked != 1 {
		t.Fatalf("asked %d times", asked)
	}
	ov := s.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no question shown")
	}
	found := false
	for _, o := range test.LaidOutObjects(ov) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Job BO-1 is In Progress. Quit anyway?" {
			found = true
		}
		if b, ok := o.(*widget.Button); ok && b.Text == "No" {
			test.Tap(b)
		}
	}
	if !found {
		t.Error("the question is not shown")
	}
}
