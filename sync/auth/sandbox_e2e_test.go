package auth_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
	"github.com/zalando/go-keyring"
)

// These tests sign in to the sandbox over real HTTP, with its consent page or
// auto-approve, its PKCE check, single-use refresh tokens and /v1/people/me.

// startSandbox runs a sandbox whose client accepts the redirect on a free loopback port
// (so that tests do not fight over the default ports) and returns a profile for it.
func startSandbox(t *testing.T, opt sandbox.Options) (*sandbox.Running, auth.Profile) {
	t.Helper()
	port := freePort(t)
	opt.Clients = []sandbox.Client{{ID: "e2e-client", Name: "Bulkops e2e",
		RedirectURIs: []string{"http://127.0.0.1:" + strconv.Itoa(port) + auth.RedirectPath}}}
	r, err := sandbox.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	p, err := auth.SandboxProfile("e2e", r.URL(), r.Client().ID)
	if err != nil {
		t.Fatal(err)
	}
	p.RedirectPorts = []int{port}
	return r, p
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// newAuth returns an Authenticator with the client secret saved in a mocked keyring.
func newAuth(t *testing.T, r *sandbox.Running, p auth.Profile, kr *auth.Keyring) *auth.Authenticator {
	t.Helper()
	a, err := auth.New(p, auth.Options{Keyring: kr, SignInTimeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetClientSecret(r.Client().Secret); err != nil {
		t.Fatal(err)
	}
	return a
}

// stored is the token bundle the keyring holds for profile.
func stored(t *testing.T, profile string) map[string]any {
	t.Helper()
	raw, err := keyring.Get(auth.KeyringService, profile+"/token")
	if err != nil {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func sites(t *testing.T, s *auth.Session) (int, error) {
	t.Helper()
	api, err := s.API(webex.Options{MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	list, err := api.List(context.Background(), "v2/site", url.Values{"attributes": {"id,name"}})
	return len(list), err
}

var ticketField = regexp.MustCompile(`name="ticket" value="([^"]+)"`)

// consentBrowser plays an administrator at the sandbox's consent page: it loads the
// authorize URL, presses Allow (or Deny) and follows the redirect back to Bulkops.
func consentBrowser(t *testing.T, decision string, lastPage chan<- string) func(string) error {
	return func(authorize string) error {
		resp, err := http.Get(authorize)
		if err != nil {
			return err
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m := ticketField.FindSubmatch(page)
		if m == nil {
			t.Errorf("no consent form in %d %s", resp.StatusCode, page)
			return errors.New("no consent form")
		}
		go func() {
			u, _ := url.Parse(authorize)
			resp, err := http.PostForm(u.Scheme+"://"+u.Host+"/v1/authorize", url.Values{"ticket": {string(m[1])}, "decision": {decision}})
			if err != nil {
				lastPage <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			lastPage <- string(b)
		}()
		return nil
	}
}

func TestSandboxSignInThroughConsentPage(t *testing.T) {
	keyring.MockInit()
	r, p := startSandbox(t, sandbox.Options{})
	a := newAuth(t, r, p, auth.NewKeyring())
	pages := make(chan string, 1)
	s, err := a.SignIn(context.Background(), consentBrowser(t, "allow", pages))
	if err != nil {
		t.Fatal(err)
	}
	if page := <-pages; !strings.Contains(page, "You can close this tab and return to Bulkops.") {
		t.Errorf("the browser ended on %q", page)
	}
	if s.Identity.OrgID != r.OrgID() || s.Identity.Email != sandbox.AdminEmail || s.Identity.Name == "" {
		t.Errorf("identity %+v, want organization %s", s.Identity, r.OrgID())
	}
	if !strings.Contains(s.Describe().String(), r.OrgID()) {
		t.Errorf("Describe() = %q does not show the organization", s.Describe().String())
	}
	if n, err := sites(t, s); err != nil || n == 0 {
		t.Errorf("sites: %d, %v", n, err)
	}
	if tok := stored(t, "e2e"); tok == nil || tok["refresh_token"] == "" {
		t.Error("the sign-in was not saved")
	}

	pages = make(chan string, 1)
	_, err = a.SignIn(context.Background(), consentBrowser(t, "deny", pages))
	if err == nil || err.Error() != "signing in to e2e: the identity server did not sign you in: access_denied (the administrator denied access)" {
		t.Errorf("denied: %v", err)
	}
}

// A short-lived access token is renewed at the first call; the sandbox's refresh tokens
// are single-use, so only the persisted new one can serve the next run.
func TestSandboxRefreshRotatesAndPersists(t *testing.T) {
	keyring.MockInit()
	r, p := startSandbox(t, sandbox.Options{AutoApprove: true, TokenTTL: 30 * time.Second})
	a := newAuth(t, r, p, auth.NewKeyring())
	s, err := a.SignIn(context.Background(), auth.AutoBrowser(nil))
	if err != nil {
		t.Fatal(err)
	}
	first := stored(t, "e2e")
	if _, err := sites(t, s); err != nil {
		t.Fatal(err)
	}
	second := stored(t, "e2e")
	if second["refresh_token"] == first["refresh_token"] || second["access_token"] == first["access_token"] {
		t.Fatal("the renewed tokens were not saved")
	}
	// The next run (a new keyring handle, as after a restart of the app).
	b := newAuth(t, r, p, auth.NewKeyring())
	s2, err := b.Restore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s2.Identity != s.Identity {
		t.Errorf("restored identity %+v", s2.Identity)
	}
	if _, err := sites(t, s2); err != nil {
		t.Fatalf("restored session: %v", err)
	}
	if third := stored(t, "e2e"); third["refresh_token"] == second["refresh_token"] {
		t.Error("the second renewal was not saved")
	}

	// The administrator revokes the grant: the next renewal is refused, the tokens are
	// deleted and the user is asked to sign in again.
	r.Revoke(stored(t, "e2e")["refresh_token"].(string))
	c := newAuth(t, r, p, auth.NewKeyring())
	s3, err := c.Restore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, err = sites(t, s3) // the 30 s token is within the renewal margin: it renews
	if !errors.Is(err, auth.ErrSignInRequired) || !strings.Contains(err.Error(), "the refresh token is invalid, expired or already used") {
		t.Fatalf("after revoke: %v", err)
	}
	if stored(t, "e2e") != nil {
		t.Error("the refused tokens are still in the keyring")
	}
	if _, err := c.Restore(context.Background()); !errors.Is(err, auth.ErrSignInRequired) {
		t.Errorf("Restore after revoke: %v", err)
	}
}

// The default experience: the embedded sandbox signs in with no browser and no keyring.
func TestSandboxEmbeddedSignIn(t *testing.T) {
	keyring.MockInit()
	r, err := sandbox.Start(sandbox.Options{AutoApprove: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := auth.EmbeddedProfile().WithAddress(r.URL(), r.Client().ID)
	a, err := auth.New(p, auth.Options{ClientSecret: r.Client().Secret})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.SignIn(context.Background(), auth.AutoBrowser(nil))
	if err != nil {
		t.Fatal(err) // fails only if all of the default ports 53682-53684 are busy
	}
	if s.KeyringWarning.String() != "" || s.Identity.OrgID != r.OrgID() {
		t.Errorf("session %+v", s)
	}
	if tok := stored(t, auth.EmbeddedName); tok != nil {
		t.Error("the embedded sandbox's tokens went to the OS keyring")
	}
	if n, err := sites(t, s); err != nil || n == 0 {
		t.Errorf("sites: %d, %v", n, err)
	}
}
