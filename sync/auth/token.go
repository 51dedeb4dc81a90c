package auth

import (
	"context"
	"net/http"
	"strings"

	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// TokenSession is a session on an access token given from outside (an environment
// variable of a CI job): it is used as it is for this run, never renewed, never saved,
// and the keyring is not touched. The identity host is asked who the token belongs to,
// which also checks it. p needs its addresses; a client id is not needed.
func TokenSession(ctx context.Context, p Profile, token string) (*Session, error) {
	token = strings.TrimSpace(token)
	if token == "" {
		return nil, i18n.Errorf("the access token is empty")
	}
	src := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token, TokenType: "Bearer"})
	hc := &http.Client{Transport: &oauth2.Transport{Source: src, Base: secureTransport{http.DefaultTransport}}}
	id, err := fetchIdentity(ctx, hc, p.IdentityURL)
	if err != nil {
		return nil, i18n.Errorf("the access token was not accepted by %s: %w", p, err)
	}
	return &Session{Profile: p, Identity: id, source: src, hc: hc}, nil
}
