package connections

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A refused name is explained on its field as it is typed, Add stays disabled, nothing
// typed is lost; corrected, the organization is added. The dialog lists the redirect URIs
// with a Copy button and links to where integrations are made.
func TestAddWebexRefusedNameKeepsValues(t *testing.T) {
	e := newEnv(t, nil, func(string) error { return nil })
	test.Tap(e.p.addWebex)
	f := e.p.forms
	win := e.p.win
	// A fresh dialog: the name has the keyboard, the hints show, nothing is marked wrong
	// yet, and Add waits for the fields.
	fresh := uitest.Text(win.Canvas().Overlays().Top())
	if win.Canvas().Focused() != f.name || !strings.Contains(fresh, "How Bulkops names the organization, e.g. Acme") ||
		strings.Contains(fresh, "Give the connection a name") {
		t.Errorf("the fresh dialog (focus on the name: %v) shows:\n%s", win.Canvas().Focused() == f.name, fresh)
	}
	if add := uitest.Button(win.Canvas().Overlays().Top(), "Add"); add == nil || !add.Disabled() {
		t.Error("Add is enabled in an empty dialog")
	}
	test.Type(f.name, "Acme/EU")
	f.region.SetSelected("Germany (eu2)")
	test.Type(f.clientID, "C0ffee")
	test.Type(f.secret, "s3cret")
	shown := uitest.Text(win.Canvas().Overlays().Top())
	if !strings.Contains(shown, "“/” cannot be used in a name: use letters, digits, spaces and . _ ( ) -, at most 64") {
		t.Errorf("the dialog does not explain the name rule:\n%s", shown)
	}
	if add := uitest.Button(win.Canvas().Overlays().Top(), "Add"); add == nil || !add.Disabled() {
		t.Error("Add is enabled with a refused name")
	}
	f.dialog.Submit() // Enter in a field: refused while the name is wrong
	if win.Canvas().Overlays().Top() == nil || len(e.p.set.Profiles) != 1 {
		t.Fatal("the dialog closed or a connection was added with a refused name")
	}
	if f.name.Text != "Acme/EU" || f.clientID.Text != "C0ffee" || f.region.Selected != "Germany (eu2)" {
		t.Errorf("values lost: %q %q %q", f.name.Text, f.clientID.Text, f.region.Selected)
	}
	for _, want := range []string{"http://127.0.0.1:53682/callback", "[Copy]", "<Create an integration on developer.webex.com (My Apps)>"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, shown)
		}
	}
	test.Tap(f.copyURIs)
	if got := e.p.app.Clipboard().Content(); !strings.Contains(got, "http://127.0.0.1:53682/callback") {
		t.Errorf("clipboard %q", got)
	}

	// Cancel and open again: everything typed is still there.
	tapOverlay(t, e, "Cancel")
	test.Tap(e.p.addWebex)
	if f.name.Text != "Acme/EU" || f.clientID.Text != "C0ffee" {
		t.Errorf("reopened with %q %q", f.name.Text, f.clientID.Text)
	}
	f.name.SetText("")
	if add := uitest.Button(win.Canvas().Overlays().Top(), "Add"); add == nil || !add.Disabled() {
		t.Error("Add is enabled with the name emptied")
	}
	test.Type(f.name, "Acme EU")
	test.Type(f.secret, "s3cret")
	f.dialog.Submit()
	if pr, ok := e.p.set.Get("Acme EU"); !ok || pr.Region != "eu2" || pr.ClientID != "C0ffee" {
		t.Fatalf("after correcting the name: %+v, message %q", pr, e.p.message.Text)
	}
	test.Tap(e.p.addWebex)
	if f.name.Text != "" || f.clientID.Text != "" {
		t.Errorf("after adding, the next dialog starts with %q %q", f.name.Text, f.clientID.Text)
	}
}

func tapOverlay(t *testing.T, e *env, text string) {
	t.Helper()
	b := uitest.Button(e.p.win.Canvas().Overlays().Top(), text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}
