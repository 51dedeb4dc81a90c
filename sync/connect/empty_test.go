package connect

import (
	"context"
	"testing"

	"github.com/bulkops/bulkops/sync/auth"
)

// The second embedded sandbox (--profile empty) is an organization of its own beside the
// demo one: another id, none of the demo's sites, only the system's work types, and the
// same organization on the next start (bulkops' export_all_cmd_test copies into it).
func TestEmptySandboxBesideTheDemo(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	demo, err := Open(ctx, "", Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer demo.Close()
	empty, err := Open(ctx, auth.EmptyName, Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !empty.Embedded() || empty.OrgID == demo.OrgID || empty.Label("en") != "Empty sandbox (embedded)" ||
		empty.Label("cs") != "Prázdný sandbox (vestavěný)" {
		t.Fatalf("empty sandbox: embedded %v, org %q (demo %q), label %q / %q", empty.Embedded(), empty.OrgID, demo.OrgID,
			empty.Label("en"), empty.Label("cs"))
	}
	for c, want := range map[*Conn]string{demo: "Bulkops Sandbox", empty: "Bulkops Sandbox (empty)"} {
		if org, err := c.API.Organization(ctx); err != nil || org["name"] != want {
			t.Errorf("the tenant record %v (%v), want the name %q", org, err, want)
		}
	}
	if len(sites(t, demo)) == 0 || len(sites(t, empty)) != 0 {
		t.Fatalf("sites: demo %v, empty %v", sites(t, demo), sites(t, empty))
	}
	wt, err := empty.API.List(ctx, "v2/work-type", nil)
	if err != nil || len(wt) != 2 {
		t.Fatalf("the empty organization has work types %v, want the two system defaults (%v)", wt, err)
	}
	empty.Close()
	again, err := Open(ctx, auth.EmptyName, Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.OrgID != empty.OrgID || again.Label("en") != "Empty sandbox (embedded)" {
		t.Errorf("after a restart the empty organization is %s %q, was %s", again.OrgID, again.Label("en"), empty.OrgID)
	}
}
