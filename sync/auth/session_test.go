package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/webex"
	"github.com/zalando/go-keyring"
)

// signedIn signs in to f; the first token expires in expiresIn seconds.
func signedIn(t *testing.T, f *fakeIdP, a *Authenticator, expiresIn int) *Session {
	t.Helper()
	f.expiresIn = expiresIn
	s, err := a.SignIn(context.Background(), AutoBrowser(nil))
	if err != nil {
		t.Fatal(err)
	}
	f.expiresIn = 3600
	return s
}

func listSites(s *Session) error {
	api, err := s.API(webex.Options{MaxRetries: -1})
	if err != nil {
		return err
	}
	_, err = api.List(context.Background(), "v2/site", nil)
	return err
}

func TestRefreshRotationIsPersisted(t *testing.T) {
	f := newFakeIdP(t)
	a, kr := newTestAuth(t, f, Options{})
	// 30 s is within the session's one-minute margin: the first API call renews it.
	s := signedIn(t, f, a, 30)
	before, _ := savedBundle(t, "test")
	if err := listSites(s); err != nil {
		t.Fatal(err)
	}
	after, _ := savedBundle(t, "test")
	if f.refreshCalls != 1 {
		t.Fatalf("%d refreshes, want 1", f.refreshCalls)
	}
	if after.RefreshToken == before.RefreshToken || after.AccessToken == before.AccessToken {
		t.Fatalf("keyring still holds the old tokens")
	}
	if after.Identity != before.Identity || time.Until(after.Expiry) < 50*time.Minute {
		t.Errorf("saved after refresh: %+v", after)
	}
	// The old refresh token is void now: only the persisted one can work. A new start of
	// the app restores it and uses the saved access token without refreshing.
	b, err := New(a.Profile(), Options{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	s2, err := b.Restore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s2.Identity.OrgID != fakeOrgUUID {
		t.Errorf("restored identity %+v", s2.Identity)
	}
	if err := listSites(s2); err != nil {
		t.Fatal(err)
	}
	if f.refreshCalls != 1 {
		t.Errorf("restored session refreshed again (%d refreshes)", f.refreshCalls)
	}
	// When the access token expires, the restored session renews it with the persisted
	// refresh token and saves the result.
	f.voidAccess()
	expire(t, kr, "test")
	s3, err := b.Restore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := listSites(s3); err != nil {
		t.Fatal(err)
	}
	if last, _ := savedBundle(t, "test"); last.RefreshToken == after.RefreshToken || f.refreshCalls != 2 {
		t.Errorf("second rotation not persisted (%d refreshes)", f.refreshCalls)
	}
}

// expire marks the saved access token of profile as expired.
func expire(t *testing.T, kr *Keyring, profile string) {
	t.Helper()
	saved, err := loadSignIn(kr, profile)
	if err != nil {
		t.Fatal(err)
	}
	saved.Expiry = time.Now().Add(-time.Hour)
	if err := saved.save(kr, profile); err != nil {
		t.Fatal(err)
	}
}

// The app and a command signed in to the same profile: one renews (voiding the old
// refresh token); the other must pick the new tokens up, not sign the user out.
func TestTwoSessionsShareRenewals(t *testing.T) {
	f := newFakeIdP(t)
	a, kr := newTestAuth(t, f, Options{})
	signedIn(t, f, a, 3600)
	expire(t, kr, "test")
	app, _ := a.Restore(context.Background())
	cli, _ := a.Restore(context.Background())
	if err := listSites(app); err != nil {
		t.Fatal(err)
	}
	if err := listSites(cli); err != nil {
		t.Fatalf("the second session lost the sign-in: %v", err)
	}
	if f.refreshCalls != 1 {
		t.Errorf("%d refreshes, want 1: the second session should reuse the first one's", f.refreshCalls)
	}
	if _, ok := savedBundle(t, "test"); !ok {
		t.Error("the sign-in was deleted")
	}
}

func TestRefreshWithoutRotationKeepsRefreshToken(t *testing.T) {
	f := newFakeIdP(t)
	f.rotate = false
	a, _ := newTestAuth(t, f, Options{})
	s := signedIn(t, f, a, 30)
	before, _ := savedBundle(t, "test")
	if err := listSites(s); err != nil {
		t.Fatal(err)
	}
	after, _ := savedBundle(t, "test")
	if after.RefreshToken != before.RefreshToken || after.AccessToken == before.AccessToken {
		t.Errorf("before %q/%q after %q/%q", before.AccessToken, before.RefreshToken, after.AccessToken, after.RefreshToken)
	}
}

func TestInvalidGrantClearsTheSignIn(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	s := signedIn(t, f, a, 30)
	f.revokeAll()
	err := listSites(s)
	if !errors.Is(err, ErrSignInRequired) {
		t.Fatalf("error = %v, want ErrSignInRequired", err)
	}
	if !strings.Contains(err.Error(), "the server no longer accepts the saved sign-in to test") ||
		!strings.Contains(err.Error(), "The refresh token provided is expired, revoked, malformed, or invalid.") {
		t.Errorf("message: %v", err)
	}
	if _, ok := savedBundle(t, "test"); ok {
		t.Error("the dead tokens are still in the keyring")
	}
	if _, err := a.Restore(context.Background()); !errors.Is(err, ErrSignInRequired) {
		t.Errorf("Restore after invalid_grant: %v", err)
	}
	if err := listSites(s); !errors.Is(err, ErrSignInRequired) || !NeedsSignIn(err) {
		t.Errorf("second call: %v", err)
	}
}

func TestNeedsSignIn(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{ErrSignInRequired, true},
		{fmt.Errorf("GET /x: %w", &webex.APIError{Status: 401}), true},
		{&webex.APIError{Status: 403}, false},
		{errors.New("connection refused"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := NeedsSignIn(tt.err); got != tt.want {
			t.Errorf("NeedsSignIn(%v) = %v", tt.err, got)
		}
	}
}

func TestSignOutAndForget(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	signedIn(t, f, a, 3600)
	if err := a.SignOut(); err != nil {
		t.Fatal(err)
	}
	if _, ok := savedBundle(t, "test"); ok {
		t.Error("tokens left after sign-out")
	}
	if _, err := a.Restore(context.Background()); !errors.Is(err, ErrSignInRequired) || err.Error() != "sign-in required: you are not signed in to test" {
		t.Errorf("Restore: %v", err)
	}
	if !a.HasClientSecret() {
		t.Error("sign-out deleted the client secret")
	}
	if err := a.Forget(); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(KeyringService, secretKey("test")); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("client secret left after Forget: %v", err)
	}
}

func TestKeyringUnavailableKeepsSignInInMemory(t *testing.T) {
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	f := newFakeIdP(t)
	keyring.MockInitWithError(errors.New("dbus: the name org.freedesktop.secrets was not provided"))
	kr := NewKeyring()
	a, err := New(f.profile(), Options{Keyring: kr})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetClientSecret(fakeSecret); err != nil {
		t.Fatal(err)
	}
	s := signedIn(t, f, a, 30)
	want := "The system keyring is not available (dbus: the name org.freedesktop.secrets was not provided). You are signed in for this run only: the sign-in is kept in memory, never written to a file, and you will have to sign in again next time."
	if s.KeyringWarning.String() != want {
		t.Errorf("warning = %q", s.KeyringWarning.String())
	}
	if !errors.Is(kr.Unavailable(), ErrKeyringUnavailable) {
		t.Errorf("Unavailable() = %v", kr.Unavailable())
	}
	if err := listSites(s); err != nil { // a refresh, saved to memory
		t.Fatal(err)
	}
	if s2, err := a.Restore(context.Background()); err != nil || s2.KeyringWarning.String() != want {
		t.Errorf("Restore in the same run: %v", err)
	}
	// The next run has nothing: no file was written instead.
	b, _ := New(f.profile(), Options{Keyring: NewKeyring(), ClientSecret: fakeSecret})
	if _, err := b.Restore(context.Background()); !errors.Is(err, ErrSignInRequired) {
		t.Errorf("Restore in a new run: %v", err)
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("files written to the data directory: %v", entries)
	}
}

// hangingKeyring never answers, like a keyring waiting for a prompt nobody sees.
type hangingKeyring struct{ release chan struct{} }

func (h hangingKeyring) Set(string, string, string) error   { <-h.release; return nil }
func (h hangingKeyring) Get(string, string) (string, error) { <-h.release; return "", nil }
func (h hangingKeyring) Delete(string, string) error        { <-h.release; return nil }
func (h hangingKeyring) DeleteAll(string) error             { <-h.release; return nil }

func TestKeyringTimeout(t *testing.T) {
	h := hangingKeyring{make(chan struct{})}
	defer close(h.release)
	kr := newKeyring(h, 50*time.Millisecond)
	start := time.Now()
	if err := kr.Set("p/client-secret", "x"); err != nil {
		t.Fatal(err)
	}
	if got, err := kr.Get("p/client-secret"); err != nil || got != "x" {
		t.Errorf("Get = %q, %v: want the secret from memory", got, err)
	}
	if !strings.Contains(kr.Warning().String(), "a keyring write did not finish within 50ms") {
		t.Errorf("warning %q", kr.Warning().String())
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v: later calls must not wait for the hung keyring", time.Since(start))
	}
}

// smallKeyring refuses secrets longer than limit, like Windows' 2560-byte cap.
type smallKeyring struct {
	limit int
	m     map[string]string
}

func (s *smallKeyring) Set(_, user, pass string) error {
	if len(pass) > s.limit {
		return keyring.ErrSetDataTooBig
	}
	s.m[user] = pass
	return nil
}
func (s *smallKeyring) Get(_, user string) (string, error) {
	if v, ok := s.m[user]; ok {
		return v, nil
	}
	return "", keyring.ErrNotFound
}
func (s *smallKeyring) Delete(_, user string) error { delete(s.m, user); return nil }
func (s *smallKeyring) DeleteAll(string) error      { return nil }

func TestTooBigForTheKeyring(t *testing.T) {
	long := strings.Repeat("a", 3000)
	tok := &savedSignIn{AccessToken: long, RefreshToken: "ref-1", Expiry: time.Now().Add(time.Hour),
		Identity: Identity{Name: "Ada", OrgID: fakeOrgUUID}}
	tests := []struct {
		name        string
		limit       int
		wantAccess  bool // the keyring holds the access token
		wantStored  bool // the keyring holds anything
		wantWarning string
	}{
		{"fits", 10000, true, true, ""},
		{"refresh token only", 2560, false, true, ""},
		{"nothing fits", 10, false, false, "The sign-in is too large for the system keyring. You are signed in for this run only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			back := &smallKeyring{limit: tt.limit, m: map[string]string{}}
			kr := newKeyring(back, time.Second)
			if err := tok.save(kr, "p"); err != nil {
				t.Fatal(err)
			}
			stored, ok := back.m[tokenKey("p")]
			if ok != tt.wantStored || strings.Contains(stored, long) != tt.wantAccess {
				t.Errorf("keyring holds %d bytes (stored %v)", len(stored), ok)
			}
			if ok && !strings.Contains(stored, `"refresh_token":"ref-1"`) {
				t.Errorf("refresh token not stored")
			}
			if !strings.HasPrefix(kr.Warning().String(), tt.wantWarning) || (tt.wantWarning == "") != (kr.Warning().String() == "") {
				t.Errorf("warning %q", kr.Warning().String())
			}
			got, err := loadSignIn(kr, "p")
			if err != nil || got.RefreshToken != "ref-1" || got.Identity.OrgID != fakeOrgUUID {
				t.Errorf("loaded %+v, %v", got, err)
			}
		})
	}
}

func TestSessionRefusesInsecureHosts(t *testing.T) {
	f := newFakeIdP(t)
	a, _ := newTestAuth(t, f, Options{})
	s := signedIn(t, f, a, 3600)
	sent := false
	a.opts.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		sent = true
		return nil, errors.New("sent")
	})}
	s2, _ := a.Restore(context.Background())
	for _, s := range []*Session{s, s2} {
		_, err := s.HTTPClient().Get("http://bulkops.example.com/organization/x")
		if err == nil || !strings.Contains(err.Error(), "HTTPS is required") {
			t.Errorf("error = %v", err)
		}
	}
	if sent {
		t.Error("a request left for a plain-HTTP remote host")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestWebexProfileNeedsClientSecret(t *testing.T) {
	keyring.MockInit()
	p, err := WebexProfile("Acme", "eu2", "C123")
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(p, Options{Keyring: NewKeyring()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.SignIn(context.Background(), func(string) error { return nil })
	if err == nil || err.Error() != "profile Acme: no client secret is saved; enter the client secret of your Webex integration" {
		t.Errorf("error = %v", err)
	}
	if _, err := New(EmbeddedProfile(), Options{}); err == nil || !strings.Contains(err.Error(), "the embedded sandbox is not running") {
		t.Errorf("embedded without address: %v", err)
	}
}

// The embedded sandbox forgets its sessions when it stops, so its sign-in never touches
// the OS keyring (no prompt when trying the app) and warns about nothing.
func TestEmbeddedSandboxKeepsSignInInMemory(t *testing.T) {
	f := newFakeIdP(t)
	keyring.MockInit()
	p := EmbeddedProfile().WithAddress(f.srv.URL, fakeClientID)
	p.RedirectPorts = []int{0}
	a, err := New(p, Options{ClientSecret: fakeSecret})
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.SignIn(context.Background(), AutoBrowser(nil))
	if err != nil {
		t.Fatal(err)
	}
	if s.KeyringWarning.String() != "" {
		t.Errorf("warning %q", s.KeyringWarning.String())
	}
	if _, ok := savedBundle(t, EmbeddedName); ok {
		t.Error("the embedded sandbox's tokens went to the OS keyring")
	}
	again, _ := New(p, Options{ClientSecret: fakeSecret})
	if r, err := again.Restore(context.Background()); err != nil || r.Identity != s.Identity {
		t.Errorf("Restore in the same run: %v", err)
	}
}
