package auth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/webex"
	"github.com/zalando/go-keyring"
)

// browserVisit is what the pretend browser saw at the end of its redirects.
type browserVisit struct {
	status int
	page   string
}

// playBrowser is an openBrowser that behaves like the user's browser: it loads the URL,
// follows the redirect back to Bulkops and reports the page it ends on.
func playBrowser(visits chan browserVisit) func(string) error {
	return func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err != nil {
				visits <- browserVisit{page: err.Error()}
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			visits <- browserVisit{resp.StatusCode, string(b)}
		}()
		return nil
	}
}

// newTestAuth returns an Authenticator on f with a fresh mocked keyring holding the
// client secret.
func newTestAuth(t *testing.T, f *fakeIdP, opts Options) (*Authenticator, *Keyring) {
	t.Helper()
	keyring.MockInit()
	if opts.Keyring == nil {
		opts.Keyring = NewKeyring()
	}
	a, err := New(f.profile(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetClientSecret(fakeSecret); err != nil {
		t.Fatal(err)
	}
	return a, opts.Keyring
}

func savedBundle(t *testing.T, profile string) (savedSignIn, bool) {
	t.Helper()
	raw, err := keyring.Get(KeyringService, tokenKey(profile))
	if errors.Is(err, keyring.ErrNotFound) {
		return savedSignIn{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var s savedSignIn
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	return s, true
}

func TestSignInWithPKCE(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	visits := make(chan browserVisit, 1)
	s, err := a.SignIn(context.Background(), playBrowser(visits))
	if err != nil {
		t.Fatal(err)
	}
	v := <-visits
	if v.status != 200 || !strings.Contains(v.page, "You can close this tab and return to Bulkops.") {
		t.Errorf("browser ended on %d %q", v.status, v.page)
	}
	want := Identity{Name: "Ada Lovelace", Email: "ada@example.com", OrgID: fakeOrgUUID}
	if s.Identity != want {
		t.Errorf("identity = %+v, want %+v", s.Identity, want)
	}
	if got := s.Describe().String(); got != "Ada Lovelace <ada@example.com>, organization "+fakeOrgUUID+", profile test (sandbox at "+f.srv.URL+")" {
		t.Errorf("Describe() = %q", got)
	}
	q := f.authorizeSeen
	if q.Get("scope") != "cjp:config_read cjp:config_write spark:people_read" || len(q.Get("state")) < 40 {
		t.Errorf("authorize request %v", q)
	}
	if !strings.HasPrefix(q.Get("redirect_uri"), "http://127.0.0.1:") || !strings.HasSuffix(q.Get("redirect_uri"), "/callback") {
		t.Errorf("redirect_uri = %s", q.Get("redirect_uri"))
	}
	saved, ok := savedBundle(t, "test")
	if !ok || saved.RefreshToken == "" || saved.AccessToken == "" || saved.Identity != want || saved.RefreshExpiry.IsZero() {
		t.Errorf("keyring holds %+v", saved)
	}
	if s.KeyringWarning.String() != "" {
		t.Errorf("warning %q with a working keyring", s.KeyringWarning.String())
	}
	// The session's client reaches the organization's API.
	api, err := s.API(webex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sites, err := api.List(context.Background(), "v2/site", nil)
	if err != nil || len(sites) != 1 || sites[0]["name"] != "Chicago" {
		t.Fatalf("sites %v, %v", sites, err)
	}
}

func TestSignInRefusesWrongState(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	visits := make(chan browserVisit, 2)
	var forged browserVisit
	open := func(u string) error {
		// Someone else's redirect arrives first: same listener, wrong state.
		redirect, _ := url.Parse(mustQuery(u).Get("redirect_uri"))
		redirect.RawQuery = url.Values{"code": {"stolen"}, "state": {"not-the-state"}}.Encode()
		resp, err := http.Get(redirect.String())
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		forged = browserVisit{resp.StatusCode, string(b)}
		return playBrowser(visits)(u)
	}
	s, err := a.SignIn(context.Background(), open)
	if err != nil {
		t.Fatal(err)
	}
	if forged.status != 400 || !strings.Contains(forged.page, "This sign-in answer is not for the sign-in Bulkops is waiting for.") {
		t.Errorf("forged redirect answered %d %q", forged.status, forged.page)
	}
	if s.Identity.OrgID != fakeOrgUUID {
		t.Errorf("identity %+v", s.Identity)
	}
}

func TestSignInFailures(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
		setup   func(f *fakeIdP, a *Authenticator)
		open    func(visits chan browserVisit) func(string) error
		cancel  bool
		want    string
		is      error
	}{
		{name: "timeout", timeout: 200 * time.Millisecond,
			open: func(chan browserVisit) func(string) error { return func(string) error { return nil } },
			want: "sign-in timed out after 200ms: the sign-in was not completed in the browser", is: errSignInTimeout},
		{name: "cancel", cancel: true,
			open: func(chan browserVisit) func(string) error { return func(string) error { return nil } },
			want: "sign-in cancelled: context canceled", is: context.Canceled},
		{name: "denied", setup: func(f *fakeIdP, _ *Authenticator) { f.deny = "access_denied" },
			open: playBrowser,
			want: "signing in to test: the identity server did not sign you in: access_denied (The user denied the request)"},
		{name: "browser cannot open",
			open: func(chan browserVisit) func(string) error {
				return func(string) error { return errors.New("xdg-open: not found") }
			},
			want: "signing in to test: the browser could not be opened: xdg-open: not found"},
		{name: "wrong client secret",
			setup: func(_ *fakeIdP, a *Authenticator) { a.SetClientSecret("wrong-secret-value") },
			open:  playBrowser,
			want:  "signing in to test: the identity server answered 401 Unauthorized: client authentication failed [invalid_client]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeIdP(t)
			a, _ := newTestAuth(t, f, Options{SignInTimeout: tt.timeout})
			if tt.setup != nil {
				tt.setup(f, a)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				time.AfterFunc(100*time.Millisecond, cancel)
			}
			_, err := a.SignIn(ctx, tt.open(make(chan browserVisit, 1)))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error = %v\nwant    %s", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error does not match %v", tt.is)
			}
			if strings.Contains(err.Error(), "wrong-secret-value") || strings.Contains(err.Error(), fakeSecret) {
				t.Errorf("error shows the client secret: %v", err)
			}
			if _, ok := savedBundle(t, "test"); ok {
				t.Error("tokens saved after a failed sign-in")
			}
		})
	}
}

func TestSignInTriesRedirectPortsInOrder(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	free := freePort(t)
	f := newFakeIdP(t)
	keyring.MockInit()
	p := f.profile()
	p.RedirectPorts = []int{busy.Addr().(*net.TCPAddr).Port, free}
	a, err := New(p, Options{Keyring: NewKeyring(), ClientSecret: fakeSecret})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SignIn(context.Background(), playBrowser(make(chan browserVisit, 1))); err != nil {
		t.Fatal(err)
	}
	if got, want := f.authorizeSeen.Get("redirect_uri"), "http://127.0.0.1:"+strconv.Itoa(free)+"/callback"; got != want {
		t.Errorf("redirect_uri = %s, want %s", got, want)
	}

	p.RedirectPorts = []int{busy.Addr().(*net.TCPAddr).Port}
	a, _ = New(p, Options{Keyring: NewKeyring(), ClientSecret: fakeSecret})
	_, err = a.SignIn(context.Background(), playBrowser(make(chan browserVisit, 1)))
	if err == nil || !strings.Contains(err.Error(), "no redirect port is free on 127.0.0.1 (tried "+strconv.Itoa(p.RedirectPorts[0])+")") {
		t.Fatalf("error = %v", err)
	}
}

func TestAutoBrowser(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	s, err := a.SignIn(context.Background(), AutoBrowser(nil))
	if err != nil {
		t.Fatal(err)
	}
	if s.Identity.Email != "ada@example.com" {
		t.Errorf("identity %+v", s.Identity)
	}
	err = AutoBrowser(nil)("https://webexapis.com/v1/authorize?client_id=x")
	if err == nil || !strings.Contains(err.Error(), "only with a sandbox on this computer, not webexapis.com") {
		t.Errorf("error = %v", err)
	}
}

func mustQuery(u string) url.Values {
	p, _ := url.Parse(u)
	return p.Query()
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
