package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// Options tune an Authenticator. The zero value is right for the app.
type Options struct {
	// Keyring holds the secrets; nil means the process-wide OS keyring, or for the
	// embedded sandbox a process-wide MemoryKeyring.
	Keyring *Keyring
	// ClientSecret, when set, is used instead of the one in the keyring: the embedded
	// sandbox's credentials are given by the app at each start.
	ClientSecret string
	// HTTPClient's transport carries every call (token, identity, API); nil means the
	// default transport.
	HTTPClient *http.Client
	// SignInTimeout bounds a browser or device sign-in (default 5 min).
	SignInTimeout time.Duration
	// Scopes replace the default Scopes.
	Scopes []string
	// Language is the language of the page the browser shows once it is back from the
	// sign-in ("en", "cs"); "" is the command line's (i18n.FromEnv).
	Language string
}

// Authenticator signs in to one profile.
type Authenticator struct {
	profile Profile
	opts    Options
	kr      *Keyring
}

var (
	defaultKeyring  = sync.OnceValue(NewKeyring)
	embeddedKeyring = sync.OnceValue(MemoryKeyring)
)

// New returns an Authenticator for p, which must have its addresses (for the embedded
// sandbox: p.WithAddress of this run's sandbox).
func New(p Profile, opts Options) (*Authenticator, error) {
	if p.Kind == KindEmbedded && p.IdentityURL == "" {
		return nil, i18n.Errorf("profile %s: the embedded sandbox is not running (no address)", p)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if opts.SignInTimeout <= 0 {
		opts.SignInTimeout = 5 * time.Minute
	}
	if len(opts.Scopes) == 0 {
		opts.Scopes = Scopes
	}
	kr := opts.Keyring
	switch {
	case kr != nil:
	case p.Kind == KindEmbedded:
		kr = embeddedKeyring()
	default:
		kr = defaultKeyring()
	}
	return &Authenticator{profile: p, opts: opts, kr: kr}, nil
}

// Profile is the profile this Authenticator signs in to.
func (a *Authenticator) Profile() Profile { return a.profile }

// SetClientSecret stores the integration's client secret in the keyring (in memory when
// there is none: see Keyring.Warning).
func (a *Authenticator) SetClientSecret(secret string) error {
	secret = strings.TrimSpace(secret)
	if secret == "" {
		return i18n.Errorf("profile %s: the client secret is empty", a.profile.Name)
	}
	return a.kr.Set(secretKey(a.profile.Name), secret)
}

// HasClientSecret reports whether a client secret is available for this profile.
func (a *Authenticator) HasClientSecret() bool {
	s, err := a.clientSecret()
	return err == nil && s != ""
}

// KeyringUnavailable says why the OS keyring is not used for this profile (errors.Is
// ErrKeyringUnavailable), or nil while it works: then no sign-in is kept between runs.
func (a *Authenticator) KeyringUnavailable() error { return a.kr.Unavailable() }

// SignOut deletes the saved tokens of the profile.
func (a *Authenticator) SignOut() error {
	return a.kr.Delete(tokenKey(a.profile.Name))
}

// ForgetClientSecret deletes the integration's client secret of the profile: the next
// sign-in needs it again (a rotated secret is entered so).
func (a *Authenticator) ForgetClientSecret() error {
	return a.kr.Delete(secretKey(a.profile.Name))
}

// Forget deletes every secret of the profile: tokens and client secret.
func (a *Authenticator) Forget() error {
	return errors.Join(a.SignOut(), a.ForgetClientSecret())
}

// Restore returns the saved sign-in without a browser, for the start of the app or of a
// command; ErrSignInRequired when there is none.
func (a *Authenticator) Restore(ctx context.Context) (*Session, error) {
	saved, err := loadSignIn(a.kr, a.profile.Name)
	if err != nil {
		return nil, err
	}
	s, ps, err := a.session(saved)
	if err != nil {
		return nil, err
	}
	if saved.Identity.OrgID == "" {
		if s.Identity, err = fetchIdentity(ctx, s.hc, a.profile.IdentityURL); err != nil {
			return nil, err
		}
		if err := ps.setIdentity(s.Identity); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// finish completes a sign-in with its first token: find out who signed in (with that
// very token, which is valid even when it expires soon), save, and return the session.
func (a *Authenticator) finish(ctx context.Context, tok *oauth2.Token) (*Session, error) {
	first := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(tok), Base: a.transport()}}
	id, err := fetchIdentity(ctx, first, a.profile.IdentityURL)
	if err != nil {
		return nil, err
	}
	saved := newSavedSignIn(tok, id, nil)
	if err := saved.save(a.kr, a.profile.Name); err != nil {
		return nil, i18n.Errorf("saving the sign-in to %s: %w", a.profile.Name, err)
	}
	s, _, err := a.session(saved)
	return s, err
}

// session builds the Session of a saved sign-in.
func (a *Authenticator) session(saved *savedSignIn) (*Session, *persistingSource, error) {
	secret, err := a.clientSecret()
	if err != nil {
		return nil, nil, err
	}
	ps := &persistingSource{cfg: a.config(secret, ""), hc: a.tokenClient(), kr: a.kr,
		profile: a.profile.Name, saved: saved}
	src := oauth2.ReuseTokenSourceWithExpiry(saved.token(), ps, earlyExpiry)
	return &Session{
		Profile:        a.profile,
		Identity:       saved.Identity,
		KeyringWarning: a.kr.Warning(),
		source:         src,
		hc:             &http.Client{Transport: &oauth2.Transport{Source: src, Base: a.transport()}},
	}, ps, nil
}

// config is the OAuth configuration of the profile's identity host.
func (a *Authenticator) config(secret, redirect string) *oauth2.Config {
	id := strings.TrimRight(a.profile.IdentityURL, "/")
	return &oauth2.Config{
		ClientID:     a.profile.ClientID,
		ClientSecret: secret,
		RedirectURL:  redirect,
		Scopes:       a.opts.Scopes,
		Endpoint: oauth2.Endpoint{
			AuthURL:       id + "/v1/authorize",
			TokenURL:      id + "/v1/access_token",
			DeviceAuthURL: id + "/v1/device/authorize",
			AuthStyle:     oauth2.AuthStyleInParams, // Webex takes client_id/secret as form fields
		},
	}
}

// clientSecret is the given secret, else the one in the keyring. A sandbox may do
// without one.
func (a *Authenticator) clientSecret() (string, error) {
	if a.opts.ClientSecret != "" {
		return a.opts.ClientSecret, nil
	}
	s, err := a.kr.Get(secretKey(a.profile.Name))
	if err == nil || a.profile.Kind != KindWebex {
		return s, nil
	}
	return "", i18n.Errorf("profile %s: no client secret is saved; enter the client secret of your Webex integration", a.profile.Name)
}

// transport is the base of every request: the caller's transport behind the HTTPS check.
func (a *Authenticator) transport() http.RoundTripper {
	base := http.DefaultTransport
	if a.opts.HTTPClient != nil && a.opts.HTTPClient.Transport != nil {
		base = a.opts.HTTPClient.Transport
	}
	return secureTransport{base}
}

// tokenClient is the client of the token endpoint: bounded, and never redirected.
func (a *Authenticator) tokenClient() *http.Client {
	return &http.Client{
		Transport: a.transport(),
		Timeout:   refreshTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

func (a *Authenticator) tokenContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, a.tokenClient())
}

// language is the language of what the sign-in shows in the browser.
func (a *Authenticator) language() string {
	if a.opts.Language != "" {
		return a.opts.Language
	}
	return i18n.FromEnv()
}
