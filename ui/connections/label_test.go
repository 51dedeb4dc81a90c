package connections

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/auth"
)

// The status bar names the embedded sandbox in the window's language, although the jobs
// keep its English name.
func TestEmbeddedSandboxLabelInCzech(t *testing.T) {
	inLanguage(t, "cs")
	s := &Session{Profile: auth.Profile{Name: "sandbox", Kind: auth.KindEmbedded}, OrgName: "Sandbox (embedded)",
		Identity: auth.Identity{Name: "Demo Admin", OrgID: "0b3c4d5e-demo"}}
	got := s.Label()
	if !strings.Contains(got, "Sandbox (vestavěný)") || strings.Contains(got, "embedded") {
		t.Errorf("the embedded sandbox is labelled %q in Czech", got)
	}
	if org := s.OrgLabel(); org != "Sandbox (vestavěný)" {
		t.Errorf("the status bar names the embedded sandbox %q in Czech", org)
	}
	w := &Session{Profile: auth.Profile{Name: "acme", Kind: auth.KindWebex}, OrgName: "Acme", Identity: auth.Identity{Name: "Ann"}}
	if got := w.Label(); !strings.Contains(got, "Acme") || w.OrgLabel() != "Acme" {
		t.Errorf("an organization's label %q (status bar %q) lost its name", got, w.OrgLabel())
	}
}
