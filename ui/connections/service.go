package connections

import (
	"context"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/ui/conn"
)

// Service signs in and out of the places profiles name. AuthService is the one on
// sync/auth; tests may give another.
type Service interface {
	// Restore connects with the saved sign-in, without a browser; an error matching
	// auth.ErrSignInRequired when there is none.
	Restore(ctx context.Context, p auth.Profile) (*conn.Connection, error)
	// SignIn signs in through the browser: openBrowser shows the sign-in page.
	SignIn(ctx context.Context, p auth.Profile, openBrowser func(url string) error) (*conn.Connection, error)
	// SignOut deletes the saved sign-in of p.
	SignOut(p auth.Profile) error
	// SetClientSecret keeps the integration's client secret of p in the keyring; the
	// warning is not zero when the keyring is unavailable and it stays in memory.
	SetClientSecret(p auth.Profile, secret string) (warning i18n.Msg, err error)
	// Forget deletes every secret of p, before p is removed.
	Forget(p auth.Profile) error
}
