package jobs

import "testing"

// The embedded sandbox's stored name reads in the language asked for; an organization's
// own name is never translated.
func TestOrgShown(t *testing.T) {
	for _, c := range []struct{ code, name, want string }{
		{"en", SandboxOrgName, "Sandbox (embedded)"},
		{"cs", SandboxOrgName, "Sandbox (vestavěný)"},
		{"cs", "Acme EU", "Acme EU"},
		{"cs", "", ""},
	} {
		if got := OrgShown(c.code, c.name); got != c.want {
			t.Errorf("OrgShown(%q, %q) = %q, want %q", c.code, c.name, got, c.want)
		}
	}
	if got := OrgLabel(OrgShown("cs", SandboxOrgName), "ID-1"); got != "Sandbox (vestavěný) (ID-1)" {
		t.Errorf("the label %q", got)
	}
}
