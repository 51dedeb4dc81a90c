package sandbox

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"golang.org/x/oauth2"
)

// A sandbox with a public client (no secret, PKCE) and a confidential one.
func publicAndConfidential(t *testing.T) (pub, conf *signIn, forms *formLog) {
	t.Helper()
	si := newSignIn(t, Options{Seed: SeedEmpty, AutoApprove: true, Clients: []Client{
		{ID: "bulkops-embedded", Public: true, RedirectURIs: DefaultRedirectURIs},
		{ID: "confidential", Secret: "conf-secret-value", RedirectURIs: DefaultRedirectURIs},
	}})
	if si.cfg.ClientSecret != "" {
		t.Fatalf("the public client has a secret")
	}
	// What the token endpoint receives, to show what x/oauth2 sends for a public client.
	forms = &formLog{next: si.c.hc.Transport}
	si.ctx = context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: forms})
	si.cfg.Endpoint.AuthStyle = oauth2.AuthStyleInParams // as sync/auth sends it
	other := *si
	cfg := *si.cfg
	cfg.ClientID, cfg.ClientSecret = "confidential", "conf-secret-value"
	other.cfg = &cfg
	return si, &other, forms
}

// code runs the browser's part of a sign-in and returns the authorization code; with a
// verifier the request carries its S256 challenge.
func (si *signIn) code(verifier string) string {
	si.t.Helper()
	var opts []oauth2.AuthCodeOption
	if verifier != "" {
		opts = append(opts, oauth2.S256ChallengeOption(verifier))
	}
	q := si.redirect(si.noHops.Get(si.cfg.AuthCodeURL("st", opts...)))
	if q.Get("code") == "" {
		si.t.Fatalf("no code: %v", q)
	}
	return q.Get("code")
}

func TestPublicClientSignsInAndRefreshesWithoutSecret(t *testing.T) {
	pub, _, forms := publicAndConfidential(t)
	v := oauth2.GenerateVerifier()
	tok, err := pub.cfg.Exchange(pub.ctx, pub.code(v), oauth2.VerifierOption(v))
	if err != nil {
		t.Fatal(err)
	}
	pub.c.token = tok.AccessToken
	pub.c.object("GET", "v2/work-type", nil, http.StatusOK)
	again, err := pub.cfg.TokenSource(pub.ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
	if err != nil {
		t.Fatalf("refresh of a public client: %v", err)
	}
	if again.AccessToken == tok.AccessToken || again.RefreshToken == tok.RefreshToken {
		t.Error("the refresh did not rotate the tokens")
	}
	pub.c.token = again.AccessToken
	pub.c.object("GET", "v2/work-type", nil, http.StatusOK)
	// x/oauth2 with an empty ClientSecret and AuthStyleInParams names the client and
	// sends no secret, for the code and for the refresh.
	got := forms.all()
	if len(got) != 2 {
		t.Fatalf("%d token requests, want 2", len(got))
	}
	for _, f := range got {
		if f.Get("client_id") != "bulkops-embedded" || f.Has("client_secret") {
			t.Errorf("%s request: client_id %q, client_secret sent %v", f.Get("grant_type"), f.Get("client_id"), f.Has("client_secret"))
		}
	}
	// HTTP Basic with an empty password names a public client just as well.
	basic := *pub.cfg
	basic.Endpoint.AuthStyle = oauth2.AuthStyleInHeader
	if _, err := basic.Exchange(pub.ctx, pub.code(v), oauth2.VerifierOption(v)); err != nil {
		t.Errorf("public client in a Basic header: %v", err)
	}
}

func TestPublicAndConfidentialClientRefusals(t *testing.T) {
	pub, conf, _ := publicAndConfidential(t)
	v := oauth2.GenerateVerifier()
	withSecret := *pub.cfg
	withSecret.ClientSecret = "made-up"
	noSecret := *conf.cfg
	noSecret.ClientSecret = ""
	pubTok, err := pub.cfg.Exchange(pub.ctx, pub.code(v), oauth2.VerifierOption(v))
	if err != nil {
		t.Fatal(err)
	}
	confTok, err := conf.cfg.Exchange(conf.ctx, conf.code(v), oauth2.VerifierOption(v))
	if err != nil {
		t.Fatal(err)
	}
	refresh := func(cfg *oauth2.Config, rt string) error {
		_, err := cfg.TokenSource(pub.ctx, &oauth2.Token{RefreshToken: rt}).Token()
		return err
	}
	for _, tt := range []struct {
		name string
		try  func() error
		want string // "" = accepted
	}{
		{"public: no verifier", func() error {
			_, err := pub.cfg.Exchange(pub.ctx, pub.code(v))
			return err
		}, "invalid_grant code_verifier is required"},
		{"public: wrong verifier", func() error {
			_, err := pub.cfg.Exchange(pub.ctx, pub.code(v), oauth2.VerifierOption(oauth2.GenerateVerifier()))
			return err
		}, "invalid_grant code_verifier does not match"},
		{"public: a secret it does not have", func() error {
			_, err := withSecret.Exchange(pub.ctx, pub.code(v), oauth2.VerifierOption(v))
			return err
		}, "invalid_client"},
		{"confidential: no secret", func() error {
			_, err := noSecret.Exchange(conf.ctx, conf.code(v), oauth2.VerifierOption(v))
			return err
		}, "invalid_client"},
		{"confidential: secret, no PKCE", func() error {
			_, err := conf.cfg.Exchange(conf.ctx, conf.code(""))
			return err
		}, ""},
		{"confidential: refresh without secret", func() error { return refresh(&noSecret, confTok.RefreshToken) }, "invalid_client"},
		{"confidential: refresh with secret", func() error { return refresh(conf.cfg, confTok.RefreshToken) }, ""},
		{"public token refreshed by another client", func() error { return refresh(conf.cfg, pubTok.RefreshToken) }, "invalid_grant"},
		{"public: refresh with a secret", func() error { return refresh(&withSecret, pubTok.RefreshToken) }, "invalid_client"},
	} {
		err := tt.try()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && !isGrantError(err, tt.want):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// The authorize endpoint asks a public client for a code challenge (RFC 7636 §4.4.1).
	resp, err := pub.noHops.Get(pub.cfg.AuthCodeURL("st"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if q := loc.Query(); resp.StatusCode != http.StatusFound || q.Get("error") != "invalid_request" ||
		!strings.Contains(q.Get("error_description"), "code challenge required") || q.Get("state") != "st" {
		t.Errorf("public client without PKCE: %d, error %q %q, code issued %v", resp.StatusCode, q.Get("error"),
			q.Get("error_description"), q.Has("code"))
	}
}

func TestPublicClientOptionsAndBanner(t *testing.T) {
	if _, err := New(Options{Seed: SeedEmpty, Clients: []Client{{ID: "p", Public: true, Secret: "x"}}}); err == nil ||
		!strings.Contains(err.Error(), "a public client has no secret") {
		t.Errorf("a public client with a secret: %v", err)
	}
	r, err := Start(Options{Seed: SeedEmpty, Clients: []Client{{ID: "p", Public: true, RedirectURIs: DefaultRedirectURIs}}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if c := r.Client(); c.Secret != "" || !c.Public {
		t.Errorf("a public client was given a secret (%d characters)", len(c.Secret))
	}
	var b bytes.Buffer
	printBanner(&b, r, r.opt)
	if !strings.Contains(b.String(), "Client secret:    none (a public client: sign in with PKCE)") {
		t.Errorf("banner:\n%s", b.String())
	}
}

// formLog is a transport that keeps the form of every token request.
type formLog struct {
	next  http.RoundTripper
	mu    sync.Mutex
	forms []url.Values
}

func (f *formLog) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path == "/v1/access_token" && r.Body != nil {
		b, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(b))
		form, _ := url.ParseQuery(string(b))
		f.mu.Lock()
		f.forms = append(f.forms, form)
		f.mu.Unlock()
	}
	return f.next.RoundTrip(r)
}

func (f *formLog) all() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.forms...)
}
