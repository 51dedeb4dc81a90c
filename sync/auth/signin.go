package auth

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// SignIn runs the authorization code flow with PKCE: it listens on 127.0.0.1 (the
// profile's ports in order), calls openBrowser with the authorize URL, waits for the
// browser to come back with the code, checks the state, exchanges the code with the PKCE
// verifier, finds out who signed in, and saves the tokens. It ends after
// Options.SignInTimeout or when ctx is cancelled.
//
// openBrowser opens the URL in the system browser (fyne's App.OpenURL); it may also show
// the URL for the user to open. For the embedded sandbox, AutoBrowser does the browser's
// part without one.
func (a *Authenticator) SignIn(ctx context.Context, openBrowser func(url string) error) (*Session, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, a.opts.SignInTimeout, errSignInTimeout)
	defer cancel()
	secret, err := a.clientSecret()
	if err != nil {
		return nil, err
	}
	ln, port, err := listenLoopback(a.profile.ports())
	if err != nil {
		return nil, err
	}
	cfg := a.config(secret, redirectURI(port))
	state, verifier := randomState(), oauth2.GenerateVerifier()
	results := make(chan callbackResult, 1)
	srv := &http.Server{Handler: callbackHandler(state, results, a.language()), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer func() {
		// Let the browser get its "you can close this tab" page before closing.
		sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer scancel()
		srv.Shutdown(sctx)
	}()

	authURL := cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier))
	browser := make(chan error, 1)
	go func() { browser <- openBrowser(authURL) }()
	code, err := a.waitForCode(ctx, results, browser)
	if err != nil {
		return nil, err
	}
	tok, err := cfg.Exchange(a.tokenContext(ctx), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, tokenError(i18n.M("signing in to %s", a.profile.Name), err)
	}
	return a.finish(ctx, tok)
}

// waitForCode waits for the redirect, a browser that could not be opened, or the end.
func (a *Authenticator) waitForCode(ctx context.Context, results <-chan callbackResult, browser <-chan error) (string, error) {
	for {
		select {
		case res := <-results:
			if res.err != nil {
				return "", i18n.Errorf("signing in to %s: %w", a.profile.Name, res.err)
			}
			return res.code, nil
		case err := <-browser:
			if err != nil {
				return "", i18n.Errorf("signing in to %s: the browser could not be opened: %w", a.profile.Name, err)
			}
			browser = nil // opened; keep waiting for the redirect
		case <-ctx.Done():
			return "", flowError(ctx, a.opts.SignInTimeout.String())
		}
	}
}
