package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
)

// At 1024×700 the object types' names show whole, the status bar names the organization
// (who is signed in, and its long id, in the tip) and keeps the sheet's counts readable.
func TestSmallWindowKeepsNamesReadable(t *testing.T) {
	label := "Sandbox Admin <admin@example.com> — Sandbox (embedded) (2f1924f1-1de7-40ab-bc7e-d3dd4a74b196)"
	s := newTestShell(t, Options{Connection: StaticConnection{Name: label, Org: "Sandbox (embedded)", IsSandbox: true}})
	s.win.Resize(fyne.NewSize(1024, 700))
	openTestSheet(t, s, "team", []string{"Brno Sales", "Prague", "AGENT"})
	walk(s.nav.tree, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && strings.HasSuffix(tx.Text, "…") {
			t.Errorf("the navigation cuts %q", tx.Text)
		}
	})
	if got := s.status.conn.Text; got != "Sandbox (embedded)" {
		t.Errorf("the status bar says %q", got)
	}
	s.status.conn.MouseIn(&desktop.MouseEvent{})
	if got := s.tips.shown(); got != label {
		t.Errorf("the organization's tip says %q", got)
	}
	s.status.conn.MouseOut()
	if c := s.status.counts; c.Size().Width < c.MinSize().Width || !strings.HasPrefix(c.Text, "Records: 1") {
		t.Errorf("the counts %q get %v of the %v they need", c.Text, c.Size().Width, c.MinSize().Width)
	}
}
