package connect

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/webex"
)

func sites(t *testing.T, c *Conn) map[string]bool {
	t.Helper()
	objs, err := c.API.List(context.Background(), "v2/site", nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, o := range objs {
		out[o["name"].(string)] = true
	}
	return out
}

// Without a profile of its own the app connects to the embedded sandbox: the first
// connection serves it, a second one (another process) uses the first's address, and
// when the first goes away the second takes over from the saved state.
func TestEmbeddedSandboxIsSharedAndTakenOver(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	first, err := Open(ctx, "", Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if !first.Embedded() || first.Label("en") != "Sandbox (embedded)" || first.OrgID == "" {
		t.Fatalf("connection: embedded %v, label %q, org %q", first.Embedded(), first.Label("en"), first.OrgID)
	}
	if got := first.Label("cs"); got != "Sandbox (vestavěný)" {
		t.Errorf("in Czech the embedded sandbox is labelled %q", got)
	}
	url, err := os.ReadFile(filepath.Join(dir, SandboxDir, urlFile))
	if err != nil || !strings.HasPrefix(string(url), "http://127.0.0.1:") {
		t.Fatalf("published address: %q, %v", url, err)
	}
	// The sandbox knows one client, public: there is no secret to keep or leak.
	cs := first.embedded.running.Clients()
	if len(cs) != 1 {
		t.Fatalf("the embedded sandbox has %d clients, want 1", len(cs))
	}
	if c := cs[0]; c.ID != embeddedClient || !c.Public || c.Secret != "" {
		t.Fatalf("the embedded sandbox's client %q: public %v, secret set %v", c.ID, c.Public, c.Secret != "")
	}
	second, err := Open(ctx, "", Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if second.embedded.running != nil || second.OrgID != first.OrgID {
		t.Fatalf("the second connection started its own sandbox (org %s vs %s)", second.OrgID, first.OrgID)
	}
	if _, err := first.API.Create(ctx, "site", webex.Object{"name": "Brno", "active": true,
		"multimediaProfileId": mpID(t, first)}); err != nil {
		t.Fatal(err)
	}
	if !sites(t, second)["Brno"] {
		t.Fatal("the second connection does not see the first's change")
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	// The next request of the second finds the sandbox gone, starts it again from the
	// saved state and goes on, signed in again.
	if got := sites(t, second); !got["Brno"] || !got["Prague"] {
		t.Fatalf("after the takeover: %v", got)
	}
	if second.embedded.running == nil {
		t.Fatal("the second connection did not take the sandbox over")
	}
	for _, f := range []string{"state.json", "url", "lock"} {
		if _, err := os.Stat(filepath.Join(dir, SandboxDir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	assertNoSecret(t, dir)
}

func mpID(t *testing.T, c *Conn) string {
	objs, err := c.API.List(context.Background(), "v2/multimedia-profile", nil)
	if err != nil || len(objs) == 0 {
		t.Fatal(err)
	}
	return objs[0]["id"].(string)
}

// No token or secret is written to the data directory.
func assertNoSecret(t *testing.T, dir string) {
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, s := range []string{"access_token", "refresh_token", "Bearer ", "client_secret"} {
			if strings.Contains(string(b), s) {
				t.Errorf("%s holds %q", p, s)
			}
		}
		return nil
	})
}

func TestOpenUnknownProfile(t *testing.T) {
	_, err := Open(context.Background(), "acme", Options{DataDir: t.TempDir()})
	if err == nil || err.Error() != `no profile "acme": bulkops login --profile acme creates it` {
		t.Fatalf("got %v", err)
	}
}

// A profile that was never signed in to asks for a sign-in.
func TestOpenProfileNotSignedIn(t *testing.T) {
	dir := t.TempDir()
	ps, err := auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
	if err != nil {
		t.Fatal(err)
	}
	p, err := auth.SandboxProfile("lab", "http://127.0.0.1:9", "client")
	if err != nil {
		t.Fatal(err)
	}
	ps.Put(p)
	if err := ps.Save(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), "lab", Options{DataDir: dir})
	if !errors.Is(err, auth.ErrSignInRequired) || !strings.Contains(err.Error(), "bulkops login --profile lab") {
		t.Fatalf("got %v", err)
	}
}
