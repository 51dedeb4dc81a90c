package connect

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/sync/auth"
)

// LoginOptions say where to sign in. A new profile needs ClientID and either Region (a
// Webex organization) or URL (a standalone sandbox); an existing one needs neither.
type LoginOptions struct {
	Profile  string // the profile's name
	Region   string // Webex data center, e.g. us1
	URL      string // a standalone sandbox's address
	ClientID string // the Webex integration's client id
	// Secret asks for the integration's client secret; it is called only when the
	// keyring does not have one yet, and the answer goes to the keyring only.
	Secret func() (string, error)
	// OpenBrowser shows the sign-in page (system browser, or print the address).
	OpenBrowser func(url string) error
	DataDir     string        // "" = the data directory
	Keyring     *auth.Keyring // nil = the OS keyring
}

// Login creates or updates a profile, signs in through the browser, stores the tokens in
// the keyring and makes the profile the one in use.
func Login(ctx context.Context, o LoginOptions) (*auth.Session, error) {
	dir, err := Options{DataDir: o.DataDir}.dataDir()
	if err != nil {
		return nil, err
	}
	if o.Profile == "" || o.Profile == auth.EmbeddedName {
		return nil, errors.New("the embedded sandbox needs no sign-in: every command uses it until you log in to a profile of your own")
	}
	ps, err := auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
	if err != nil {
		return nil, err
	}
	p, err := loginProfile(ps, o)
	if err != nil {
		return nil, err
	}
	a, err := auth.New(p, auth.Options{Keyring: o.Keyring})
	if err != nil {
		return nil, err
	}
	if !a.HasClientSecret() {
		if o.Secret == nil {
			return nil, fmt.Errorf("profile %s: the client secret of integration %s is needed", p.Name, p.ClientID)
		}
		secret, err := o.Secret()
		if err != nil {
			return nil, err
		}
		if secret = strings.TrimSpace(secret); secret == "" {
			return nil, errors.New("no client secret given")
		}
		if err := a.SetClientSecret(secret); err != nil {
			return nil, err
		}
	}
	s, err := a.SignIn(ctx, o.OpenBrowser)
	if err != nil {
		return nil, err
	}
	if err := ps.Put(p); err != nil {
		return nil, err
	}
	if err := ps.Use(p.Name); err != nil {
		return nil, err
	}
	return s, ps.Save()
}

// loginProfile is the profile o names: a new one built from o, or the stored one
// (updated with the region, address or client id o gives).
func loginProfile(ps *auth.ProfileSet, o LoginOptions) (auth.Profile, error) {
	old, exists := ps.Get(o.Profile)
	clientID := o.ClientID
	if clientID == "" && exists {
		clientID = old.ClientID
	}
	switch {
	case o.URL != "":
		return auth.SandboxProfile(o.Profile, o.URL, clientID)
	case o.Region != "":
		return auth.WebexProfile(o.Profile, o.Region, clientID)
	case exists && o.ClientID != "":
		old.ClientID = o.ClientID
		return old, old.Validate()
	case exists:
		return old, nil
	}
	return auth.Profile{}, fmt.Errorf("profile %q is new: give --region (one of %s) and --client-id of your Webex integration, or --url of a sandbox",
		o.Profile, regionCodes())
}

func regionCodes() string {
	codes := make([]string, len(auth.Regions))
	for i, r := range auth.Regions {
		codes[i] = r.Code
	}
	return strings.Join(codes, ", ")
}

// Logout signs out of a profile (the one in use when name is ""): its tokens are deleted
// from the keyring; the profile and its client secret stay for the next login.
func Logout(name string, o Options) (auth.Profile, error) {
	dir, err := o.dataDir()
	if err != nil {
		return auth.Profile{}, err
	}
	ps, err := auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
	if err != nil {
		return auth.Profile{}, err
	}
	p := ps.Active()
	if name != "" {
		var ok bool
		if p, ok = ps.Get(name); !ok {
			return p, fmt.Errorf("no profile %q", name)
		}
	}
	if p.Kind == auth.KindEmbedded {
		return p, errors.New("the embedded sandbox has no sign-in to end")
	}
	a, err := auth.New(p, auth.Options{Keyring: o.Keyring})
	if err != nil {
		return p, err
	}
	return p, a.SignOut()
}
