package connections

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
	"github.com/bulkops/bulkops/ui/words"
)

// Session is a signed-in connection as the window uses it.
type Session struct {
	Profile  auth.Profile
	Identity auth.Identity
	// OrgName names the organization for people: the name the administrator gave the
	// connection ("Acme"), or "Sandbox (embedded)".
	OrgName string
	// User is how jobs name who submitted them (the e-mail address).
	User string
	API  *webex.Client
	// Org is what was read of the organization (connect.Conn.Org), shared by the editor's
	// names and the checks before a submit; nil for a session a test made.
	Org *jobs.OrgCache
	// KeyringWarning is not zero when secrets stay in memory for this run only.
	KeyringWarning i18n.Msg

	conn *connect.Conn // released by Close; nil for a session a test made
}

// Close releases the connection (the embedded sandbox this process serves is handed
// over to the next process that needs it).
func (s *Session) Close() error {
	if s == nil || s.conn == nil {
		return nil
	}
	return s.conn.Close()
}

// Sandbox reports whether the session is with a sandbox rather than a real organization.
func (s *Session) Sandbox() bool { return s.Profile.Kind != auth.KindWebex }

// Label names the connection whole: who signed in, to which organization, with its id.
func (s *Session) Label() string {
	return lang.L("{{.User}} — {{.Org}} ({{.OrgID}})", map[string]any{
		"User": userLabel(s.Identity), "Org": s.OrgLabel(), "OrgID": s.Identity.OrgID})
}

// OrgLabel names the organization for the status bar, in the window's language (the
// embedded sandbox's name is translated; the jobs keep it in English).
func (s *Session) OrgLabel() string { return jobs.OrgShown(words.Language(), s.OrgName) }

func userLabel(id auth.Identity) string {
	switch {
	case id.Name != "" && id.Email != "":
		return id.Name + " <" + id.Email + ">"
	case id.Name != "":
		return id.Name
	}
	return id.Email
}

// Service signs in and out of the places profiles name. AuthService is the one on
// sync/auth; tests may give another.
type Service interface {
	// Restore connects with the saved sign-in, without a browser; an error matching
	// auth.ErrSignInRequired when there is none.
	Restore(ctx context.Context, p auth.Profile) (*Session, error)
	// SignIn signs in through the browser: openBrowser shows the sign-in page.
	SignIn(ctx context.Context, p auth.Profile, openBrowser func(url string) error) (*Session, error)
	// SignOut deletes the saved sign-in of p.
	SignOut(p auth.Profile) error
	// SetClientSecret keeps the integration's client secret of p in the keyring; the
	// warning is not zero when the keyring is unavailable and it stays in memory.
	SetClientSecret(p auth.Profile, secret string) (warning i18n.Msg, err error)
	// Forget deletes every secret of p, before p is removed.
	Forget(p auth.Profile) error
}
