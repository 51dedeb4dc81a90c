package auth

import (
	"context"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

const (
	// refreshTimeout bounds one refresh request.
	refreshTimeout = 30 * time.Second
	// earlyExpiry renews a token this long before it expires, so that a long bulk
	// request does not meet an expired token.
	earlyExpiry = time.Minute
)

// persistingSource renews the sign-in and saves the tokens back to the keyring when they
// change (x/oauth2 has no hook for that). It sits under an oauth2.ReuseTokenSource, so
// it runs only when the access token is about to expire.
//
// The app and a command may be signed in to the same profile at once, and each renewal
// may void the previous refresh token. So before renewing it reads the keyring: a token
// another program renewed meanwhile is taken as it is, and a refused refresh token is
// deleted only if the keyring still holds that very token.
type persistingSource struct {
	mu      sync.Mutex
	cfg     *oauth2.Config
	hc      *http.Client // for the token endpoint
	kr      *Keyring
	profile string
	saved   *savedSignIn // what the keyring holds, as far as this session knows
}

func (p *persistingSource) Token() (*oauth2.Token, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for range 2 {
		if cur := p.stored(); cur != nil {
			p.saved = cur
		}
		if p.saved == nil || p.saved.RefreshToken == "" {
			return nil, i18n.Errorf("%w: the sign-in to %s has expired and cannot be renewed", ErrSignInRequired, p.profile)
		}
		if p.saved.AccessToken != "" && time.Until(p.saved.Expiry) > earlyExpiry {
			return p.saved.token(), nil
		}
		used := p.saved.RefreshToken
		tok, err := p.refresh(used)
		if err == nil {
			return tok, p.persist(tok)
		}
		if !isInvalidGrant(err) {
			return nil, tokenError(i18n.M("renewing the sign-in to %s", p.profile), err)
		}
		if cur := p.stored(); cur != nil && cur.RefreshToken != used {
			continue // another program renewed it while this request was under way
		}
		p.kr.Delete(tokenKey(p.profile))
		p.saved = nil
		return nil, i18n.Errorf("%w: the server no longer accepts the saved sign-in to %s (%v)",
			ErrSignInRequired, p.profile, tokenError(i18n.M("refresh"), err))
	}
	return nil, i18n.Errorf("%w: the sign-in to %s keeps changing; sign in again", ErrSignInRequired, p.profile)
}

// refresh asks the token endpoint for new tokens.
func (p *persistingSource) refresh(refreshToken string) (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), oauth2.HTTPClient, p.hc), refreshTimeout)
	defer cancel()
	// A token without an access token is invalid, so this refreshes at once.
	return p.cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: refreshToken}).Token()
}

// persist saves tok when it differs from what is saved; Webex may answer a refresh with
// the same tokens (ecosystem.md §4.3).
func (p *persistingSource) persist(tok *oauth2.Token) error {
	if tok.AccessToken == p.saved.AccessToken && tok.RefreshToken == p.saved.RefreshToken &&
		tok.Expiry.Equal(p.saved.Expiry) {
		return nil
	}
	next := newSavedSignIn(tok, p.saved.Identity, p.saved)
	if err := next.save(p.kr, p.profile); err != nil {
		return i18n.Errorf("saving the renewed sign-in to %s: %w", p.profile, err)
	}
	p.saved = next
	return nil
}

// stored is the sign-in the keyring holds now, or nil.
func (p *persistingSource) stored() *savedSignIn {
	cur, err := loadSignIn(p.kr, p.profile)
	if err != nil || cur.RefreshToken == "" {
		return nil
	}
	if cur.Identity.OrgID == "" && p.saved != nil {
		cur.Identity = p.saved.Identity
	}
	return cur
}

// setIdentity records who the sign-in belongs to, for a saved sign-in that lacked it.
func (p *persistingSource) setIdentity(id Identity) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.saved == nil {
		return i18n.Errorf("%w: the sign-in to %s ended", ErrSignInRequired, p.profile)
	}
	next := *p.saved
	next.Identity = id
	if err := next.save(p.kr, p.profile); err != nil {
		return i18n.Errorf("saving the sign-in to %s: %w", p.profile, err)
	}
	p.saved = &next
	return nil
}
