package connect

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// Login to a profile of its own (here a standalone sandbox), use it, log out.
func TestLoginOpenLogout(t *testing.T) {
	sb, err := sandbox.Start(sandbox.Options{AutoApprove: true,
		Clients: []sandbox.Client{{ID: "lab-client", Secret: "s3cret-for-test", RedirectURIs: sandbox.DefaultRedirectURIs}}})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	dir := t.TempDir()
	kr := auth.MemoryKeyring()
	ctx := context.Background()
	_, err = Login(ctx, LoginOptions{Profile: "lab", DataDir: dir, Keyring: kr})
	if err == nil || !strings.Contains(err.Error(), `profile "lab" is new: give --region (one of us1`) {
		t.Fatalf("login to a new profile without an address: %v", err)
	}
	asked := 0
	s, err := Login(ctx, LoginOptions{Profile: "lab", URL: sb.URL(), ClientID: "lab-client", DataDir: dir, Keyring: kr,
		Secret:      func() (string, error) { asked++; return "s3cret-for-test", nil },
		OpenBrowser: auth.AutoBrowser(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if asked != 1 || s.Identity.OrgID != sb.OrgID() {
		t.Fatalf("secret asked %d times, org %s", asked, s.Identity.OrgID)
	}
	c, err := Open(ctx, "", Options{DataDir: dir, Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	if c.Embedded() || c.Label("en") != "lab — "+s.Identity.Email || c.OrgID != sb.OrgID() {
		t.Fatalf("connection: %q, org %s", c.Label("en"), c.OrgID)
	}
	if _, err := c.API.List(ctx, "v2/site", nil); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, auth.ProfilesFile))
	if strings.Contains(string(b), "s3cret") || !strings.Contains(string(b), `"current": "lab"`) {
		t.Errorf("profiles.json:\n%s", b)
	}
	if _, err := Logout("", Options{DataDir: dir, Keyring: kr}); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, "lab", Options{DataDir: dir, Keyring: kr}); !errors.Is(err, auth.ErrSignInRequired) {
		t.Fatalf("after logout: %v", err)
	}
	assertNoSecret(t, dir)
}
