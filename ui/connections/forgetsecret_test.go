package connections

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// "Forget client secret" deletes the stored secret after asking; the sign-in goes on.
func TestForgetClientSecret(t *testing.T) {
	sb := startSandbox(t, sandbox.Options{AutoApprove: true})
	e := newEnv(t, nil, auth.AutoBrowser(nil))
	p := e.p
	if p.forget.Hidden || !p.forget.Disabled() {
		t.Fatalf("on the embedded sandbox the button is hidden %v, disabled %v", p.forget.Hidden, p.forget.Disabled())
	}
	addLab(p, sb)
	pr, _ := p.set.Get("Lab")
	a, err := auth.New(pr, auth.Options{})
	if err != nil || !a.HasClientSecret() {
		t.Fatalf("no secret stored for Lab: %v", err)
	}
	test.Tap(p.signIn)
	if p.forget.Disabled() {
		t.Fatal("the button is disabled for Lab")
	}
	test.Tap(p.forget)
	top := p.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question before forgetting")
	}
	tapIn(t, top, "Yes")
	if a.HasClientSecret() {
		t.Error("the client secret is still stored")
	}
	if p.message.Text != "The client secret of Lab was deleted from the keyring." {
		t.Errorf("the page says %q", p.message.Text)
	}
	if p.sessions["Lab"] == nil {
		t.Error("the sign-in ended")
	}
}

// tapIn taps the button with text under o.
func tapIn(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.EqualFold(b.Text, text) {
			found = b
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		} else if w, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}
