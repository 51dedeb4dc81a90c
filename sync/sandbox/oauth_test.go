package sandbox

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// signIn is a browser and an app of one test: it follows the sign-in up to the
// redirect to the app and stops there.
type signIn struct {
	t      *testing.T
	c      *tc
	cfg    *oauth2.Config
	ctx    context.Context
	noHops *http.Client
}

func newSignIn(t *testing.T, opt Options) *signIn {
	c := newTC(t, opt)
	cl := c.s.Client()
	hc := c.hc
	return &signIn{t: t, c: c,
		cfg: &oauth2.Config{ClientID: cl.ID, ClientSecret: cl.Secret, RedirectURL: cl.RedirectURIs[0],
			Scopes: []string{"cjp:config_read", "cjp:config_write", "spark:people_read"},
			// An explicit auth style: the auto-detection would resend a refused code in
			// another form and see "already used" instead of the real refusal.
			Endpoint: oauth2.Endpoint{AuthURL: c.url + "/v1/authorize", TokenURL: c.url + "/v1/access_token",
				AuthStyle: oauth2.AuthStyleInHeader}},
		ctx: context.WithValue(context.Background(), oauth2.HTTPClient, hc),
		noHops: &http.Client{Transport: hc.Transport, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}},
	}
}

// redirect GETs or POSTs u and returns the query of the redirect to the app.
func (si *signIn) redirect(resp *http.Response, err error) url.Values {
	si.t.Helper()
	if err != nil {
		si.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		b, _ := io.ReadAll(resp.Body)
		si.t.Fatalf("status %d, want a redirect: %s", resp.StatusCode, b)
	}
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != si.cfg.RedirectURL {
		si.t.Fatalf("redirected to %s, want %s", got, si.cfg.RedirectURL)
	}
	return loc.Query()
}

func TestSignInWithPKCE(t *testing.T) {
	si := newSignIn(t, Options{Seed: SeedEmpty, AutoApprove: true})
	verifier := oauth2.GenerateVerifier()
	q := si.redirect(si.noHops.Get(si.cfg.AuthCodeURL("st-1", oauth2.S256ChallengeOption(verifier))))
	if q.Get("state") != "st-1" || q.Get("code") == "" {
		t.Fatalf("redirect query %v", q)
	}
	si.cfg.Endpoint.AuthStyle = oauth2.AuthStyleInParams // client_id and client_secret in the form
	tok, err := si.cfg.Exchange(si.ctx, q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.Expiry.Before(time.Now().Add(11*time.Hour)) || tok.Type() != "Bearer" {
		t.Errorf("token: refresh %t, expiry %v, type %s", tok.RefreshToken != "", tok.Expiry, tok.Type())
	}
	// The token works on the config API and on people/me.
	c := si.c
	c.token = tok.AccessToken
	c.object("GET", "v2/work-type", nil, http.StatusOK)
	me := c.object("GET", "/v1/people/me", nil, http.StatusOK)
	raw, err := base64.RawStdEncoding.DecodeString(me["orgId"].(string))
	if err != nil || string(raw) != "ciscospark://us/ORGANIZATION/"+c.s.OrgID() {
		t.Errorf("people/me orgId %q decodes to %q (%v)", me["orgId"], raw, err)
	}
	if me["emails"].([]any)[0] != AdminEmail {
		t.Errorf("people/me emails %v", me["emails"])
	}
	// A code is good once.
	if _, err := si.cfg.Exchange(si.ctx, q.Get("code"), oauth2.VerifierOption(verifier)); !isGrantError(err, "invalid_grant") {
		t.Errorf("second exchange: %v", err)
	}
}

func TestSignInRefusals(t *testing.T) {
	si := newSignIn(t, Options{Seed: SeedEmpty, AutoApprove: true})
	code := func(verifier string) string {
		return si.redirect(si.noHops.Get(si.cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(verifier)))).Get("code")
	}
	v := oauth2.GenerateVerifier()
	if _, err := si.cfg.Exchange(si.ctx, code(v), oauth2.VerifierOption(oauth2.GenerateVerifier())); !isGrantError(err, "code_verifier does not match") {
		t.Errorf("wrong verifier: %v", err)
	}
	if _, err := si.cfg.Exchange(si.ctx, code(v)); !isGrantError(err, "code_verifier is required") {
		t.Errorf("no verifier: %v", err)
	}
	other := *si.cfg
	other.RedirectURL = si.c.s.Client().RedirectURIs[1]
	if _, err := other.Exchange(si.ctx, code(v), oauth2.VerifierOption(v)); !isGrantError(err, "redirect_uri does not match") {
		t.Errorf("other redirect_uri at exchange: %v", err)
	}
	wrong := *si.cfg
	wrong.ClientSecret = "guess"
	if _, err := wrong.Exchange(si.ctx, code(v), oauth2.VerifierOption(v)); !isGrantError(err, "invalid_client") {
		t.Errorf("wrong secret: %v", err)
	}
	if _, err := si.cfg.Exchange(si.ctx, "made-up", oauth2.VerifierOption(v)); !isGrantError(err, "invalid_grant") {
		t.Errorf("unknown code: %v", err)
	}

	// Errors the authorize endpoint itself answers.
	bad := func(mod func(url.Values)) (int, string) {
		u, _ := url.Parse(si.cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(v)))
		q := u.Query()
		mod(q)
		u.RawQuery = q.Encode()
		resp, err := si.noHops.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location") + string(b)
	}
	for name, tt := range map[string]struct {
		mod    func(url.Values)
		status int
		want   string
	}{
		"unregistered redirect": {func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:9999/callback") }, 400, "is not registered"},
		"unknown client":        {func(q url.Values) { q.Set("client_id", "someone") }, 400, "Unknown integration"},
		"plain PKCE":            {func(q url.Values) { q.Set("code_challenge_method", "plain") }, 302, "error=invalid_request"},
		"foreign scope":         {func(q url.Values) { q.Set("scope", "spark:all") }, 302, "error=invalid_scope"},
		"implicit grant":        {func(q url.Values) { q.Set("response_type", "token") }, 302, "error=unsupported_response_type"},
	} {
		if status, body := bad(tt.mod); status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %.200s, want %d %q", name, status, body, tt.status, tt.want)
		}
	}
}

func TestConsentPage(t *testing.T) {
	si := newSignIn(t, Options{Seed: SeedEmpty})
	v := oauth2.GenerateVerifier()
	ticketRE := regexp.MustCompile(`name="ticket" value="([^"]+)"`)
	page := func() string {
		resp, err := si.noHops.Get(si.cfg.AuthCodeURL("st-9", oauth2.S256ChallengeOption(v)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || !strings.Contains(string(b), ">Allow</button>") || !strings.Contains(string(b), "cjp:config_write") {
			t.Fatalf("consent page: %d %s", resp.StatusCode, b)
		}
		return ticketRE.FindStringSubmatch(string(b))[1]
	}
	answer := func(ticket, decision string) (*http.Response, error) {
		return si.noHops.PostForm(si.c.url+"/v1/authorize", url.Values{"ticket": {ticket}, "decision": {decision}})
	}
	if q := si.redirect(answer(page(), "deny")); q.Get("error") != "access_denied" || q.Get("state") != "st-9" {
		t.Errorf("deny: %v", q)
	}
	ticket := page()
	q := si.redirect(answer(ticket, "allow"))
	if _, err := si.cfg.Exchange(si.ctx, q.Get("code"), oauth2.VerifierOption(v)); err != nil || q.Get("state") != "st-9" {
		t.Errorf("allow: %v, state %q", err, q.Get("state"))
	}
	resp, err := answer(ticket, "allow")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a ticket answered twice: %d", resp.StatusCode)
	}
}

func TestRefreshRotates(t *testing.T) {
	si := newSignIn(t, Options{Seed: SeedEmpty, AutoApprove: true, TokenTTL: time.Hour})
	clock := newClock(si.c.s)
	v := oauth2.GenerateVerifier()
	q := si.redirect(si.noHops.Get(si.cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(v))))
	first, err := si.cfg.Exchange(si.ctx, q.Get("code"), oauth2.VerifierOption(v))
	if err != nil {
		t.Fatal(err)
	}
	refresh := func(rt string) (*oauth2.Token, error) {
		return si.cfg.TokenSource(si.ctx, &oauth2.Token{RefreshToken: rt}).Token()
	}
	clock.add(2 * time.Hour) // the access token has expired
	si.c.token = first.AccessToken
	si.c.object("GET", "v2/site", nil, http.StatusUnauthorized)
	second, err := refresh(first.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if second.RefreshToken == first.RefreshToken || second.AccessToken == first.AccessToken {
		t.Error("refresh did not rotate the tokens")
	}
	si.c.token = second.AccessToken
	si.c.object("GET", "v2/site", nil, http.StatusOK)
	if _, err := refresh(first.RefreshToken); !isGrantError(err, "invalid_grant") {
		t.Errorf("reuse of a rotated refresh token: %v", err)
	}
	if _, err := refresh("unknown"); !isGrantError(err, "invalid_grant") {
		t.Errorf("unknown refresh token: %v", err)
	}
	si.c.s.Revoke(second.RefreshToken)
	if _, err := refresh(second.RefreshToken); !isGrantError(err, "invalid_grant") {
		t.Errorf("revoked refresh token: %v", err)
	}
}

func TestPeopleMeNeedsScope(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty})
	c.token = c.s.MintToken("cjp:config_read")
	status, _, b := c.call("GET", "/v1/people/me", nil)
	if status != http.StatusForbidden || !strings.Contains(string(b), "spark:people_read") {
		t.Errorf("people/me without spark:people_read: %d %s", status, b)
	}
	c.token = ""
	if status, _, _ := c.call("GET", "/v1/people/me", nil); status != http.StatusUnauthorized {
		t.Errorf("people/me without a token: %d", status)
	}
}

// isGrantError reports whether err is an OAuth error whose code or text contains want.
func isGrantError(err error, want string) bool {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return false
	}
	return strings.Contains(re.ErrorCode+" "+re.ErrorDescription, want)
}
