package connect

import (
	"context"
	"os"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
)

// A machine without a keyring (a CI job, a container) is given its sign-in as gh is
// given GH_TOKEN: an access token in an environment variable. It is read for the run,
// used as it is (not renewed: it must outlast the run), and never written anywhere.
const (
	// EnvToken holds the access token.
	EnvToken = "BULKOPS_TOKEN"
	// EnvRegion names the Webex data center (us1, eu1…) when no stored profile is named.
	EnvRegion = "BULKOPS_REGION"
)

// tokenFromEnv is the token of EnvToken, "" when it is not set.
func tokenFromEnv() string { return strings.TrimSpace(os.Getenv(EnvToken)) }

// openWithToken connects with the token of EnvToken: to the organization of the profile
// named or in use when it is one of the user's own, else to the data center EnvRegion
// names.
func openWithToken(ctx context.Context, p auth.Profile, named bool, token string, o Options) (*Conn, error) {
	if region := os.Getenv(EnvRegion); region != "" && (!named || p.Kind == auth.KindEmbedded) {
		api, err := auth.RegionAPIURL(region)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", EnvRegion, err)
		}
		p = auth.Profile{Name: EnvToken, Kind: auth.KindWebex, IdentityURL: auth.WebexIdentityURL, APIURL: api, Region: region}
	}
	if p.Kind == auth.KindEmbedded {
		return nil, i18n.Errorf("%s is set, but no organization is named: set %s (us1, eu1, eu2, anz1, ca1, jp1, sg1) or give --profile", EnvToken, EnvRegion)
	}
	s, err := auth.TokenSession(ctx, p, token)
	if err != nil {
		return nil, err
	}
	s.KeyringWarning = i18n.M("%s is set: its token is used as it is for this run, bypassing the sign-in kept in the keyring (unset it to use that)", EnvToken)
	return fromSession(s, o.Client, nil)
}
