package auth

import (
	"net/http"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
	"golang.org/x/oauth2"
)

// Session is a signed-in state: who, which organization, and an HTTP client that adds
// (and renews) the access token.
type Session struct {
	Profile  Profile
	Identity Identity
	// KeyringWarning is not zero when the sign-in could not be saved in the system
	// keyring and lasts for this run only; show it to the user in their language.
	KeyringWarning i18n.Msg

	source oauth2.TokenSource
	hc     *http.Client
}

// HTTPClient returns the authenticated client. It refuses to send the token to any
// address that is not HTTPS (loopback excepted). A request made after the server stopped
// accepting the refresh token fails with an error matching ErrSignInRequired.
func (s *Session) HTTPClient() *http.Client { return s.hc }

// TokenSource gives the current access token, renewing it when needed. Never print it.
func (s *Session) TokenSource() oauth2.TokenSource { return s.source }

// API returns a client of the Contact Center configuration API of the signed-in
// organization.
func (s *Session) API(opts webex.Options) (*webex.Client, error) {
	return webex.New(s.Profile.APIURL, s.Identity.OrgID, s.hc, opts)
}

// Describe is the one line to show before anything is submitted, e.g.
// "Ada Lovelace <ada@example.com>, organization 1eb6…, profile Acme (Webex us1)".
func (s *Session) Describe() i18n.Msg {
	return i18n.M("%s, profile %s", s.Identity, s.Profile)
}

// secureTransport refuses to send a request to an address a token must not reach. It is
// the innermost transport, so the check also covers requests the token was added to.
type secureTransport struct{ base http.RoundTripper }

func (t secureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := webex.CheckSecure(r.URL); err != nil {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, err
	}
	return t.base.RoundTrip(r)
}
