package connections

import (
	"context"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/words"
)

// AuthService connects with sync/connect (the embedded sandbox, shared with the command
// line, and restored sign-ins) and signs in and out with sync/auth. Secrets go to the
// process-wide keyring that both use, so a sign-in made here is the one connect
// restores; where the OS keyring is unavailable that keyring keeps them in memory and
// the session says so.
type AuthService struct {
	// Options open connections; DataDir must be the folder the page's profiles come from.
	Options connect.Options
}

// Restore connects with the saved sign-in (the embedded sandbox signs in by itself).
func (s *AuthService) Restore(ctx context.Context, p auth.Profile) (*conn.Connection, error) {
	c, err := connect.Open(ctx, p.Name, s.Options)
	if err != nil {
		return nil, err
	}
	return conn.Of(c, i18n.Msg{}), nil
}

// SignIn signs in through the browser, then connects with that sign-in. The embedded
// sandbox needs no browser.
func (s *AuthService) SignIn(ctx context.Context, p auth.Profile, openBrowser func(string) error) (*conn.Connection, error) {
	if p.Kind == auth.KindEmbedded {
		return s.Restore(ctx, p)
	}
	// The page the browser shows after the sign-in speaks the window's language.
	a, err := auth.New(p, auth.Options{Language: words.Language()})
	if err != nil {
		return nil, err
	}
	sess, err := a.SignIn(ctx, openBrowser)
	if err != nil {
		return nil, err
	}
	c, err := connect.Open(ctx, p.Name, s.Options)
	if err != nil {
		return nil, err
	}
	return conn.Of(c, sess.KeyringWarning), nil
}

// SignOut deletes the saved tokens of p.
func (s *AuthService) SignOut(p auth.Profile) error {
	a, err := auth.New(p, auth.Options{})
	if err != nil {
		return err
	}
	return a.SignOut()
}

// SetClientSecret stores the integration's client secret of p in the keyring. Whether
// the keyring was usable is told by the session at sign-in.
func (s *AuthService) SetClientSecret(p auth.Profile, secret string) (i18n.Msg, error) {
	a, err := auth.New(p, auth.Options{})
	if err != nil {
		return i18n.Msg{}, err
	}
	return i18n.Msg{}, a.SetClientSecret(secret)
}

// Forget deletes every secret of p.
func (s *AuthService) Forget(p auth.Profile) error {
	a, err := auth.New(p, auth.Options{})
	if err != nil {
		return err
	}
	return a.Forget()
}
