package conn

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// The status bar names the embedded sandbox in the window's language, although the jobs
// keep its English name; the whole label (its tip) names who signed in and the id.
func TestEmbeddedSandboxLabelInCzech(t *testing.T) {
	uitest.Speak(t, "cs")
	s := &Connection{Profile: auth.Profile{Name: "sandbox", Kind: auth.KindEmbedded}, OrgName: "Sandbox (embedded)",
		OrgID: "0b3c4d5e-demo", Identity: auth.Identity{Name: "Demo Admin", OrgID: "0b3c4d5e-demo"}}
	got := s.Label()
	if got != "Demo Admin — Sandbox (vestavěný) (0b3c4d5e-demo)" {
		t.Errorf("the embedded sandbox is labelled %q in Czech", got)
	}
	if short := s.Short(); short != "Sandbox (vestavěný)" || !s.Sandbox() {
		t.Errorf("the status bar names the embedded sandbox %q in Czech (a sandbox: %v)", short, s.Sandbox())
	}
	if s.Engine(nil).OrgName != "Sandbox (embedded)" {
		t.Errorf("the jobs store the sandbox as %q", s.Engine(nil).OrgName)
	}
}

// A signed-in organization shows its name in the status bar and everything in the tip;
// a profile not signed in to says so, lists its jobs and cannot submit.
func TestSignedInAndOut(t *testing.T) {
	w := &Connection{Profile: auth.Profile{Name: "acme", Kind: auth.KindWebex}, OrgName: "Acme", OrgID: "1eb65fdf-9643",
		Identity: auth.Identity{Name: "Ann", Email: "ann@acme.com"}}
	if got := w.Label(); got != "Ann <ann@acme.com> — Acme (1eb65fdf-9643)" || w.Short() != "Acme" || w.Sandbox() {
		t.Errorf("an organization's label %q, status bar %q, sandbox %v", got, w.Short(), w.Sandbox())
	}
	if e := w.Engine(nil); e.OrgID != "1eb65fdf-9643" || e.OrgName != "Acme" {
		t.Errorf("the engine works for %q (%q)", e.OrgName, e.OrgID)
	}
	out := SignedOut(auth.Profile{Name: "acme", Kind: auth.KindWebex})
	if out.Short() != "acme: not signed in" || out.Label() != out.Short() || out.Connected() || out.Sandbox() {
		t.Errorf("signed out: status bar %q, label %q, connected %v", out.Short(), out.Label(), out.Connected())
	}
	if strings.Contains(out.OrgLabel(), "not signed in") {
		t.Errorf("a signed-out organization is named %q where the bulk views ask to sign in to it", out.OrgLabel())
	}
	var none *Connection
	if none.Connected() {
		t.Error("no connection is connected")
	}
}
