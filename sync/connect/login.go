package connect

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
)

// LoginOptions say where to sign in. A new profile needs ClientID and either Region (a
// Webex organization) or URL (a standalone sandbox); an existing one needs neither.
type LoginOptions struct {
	Profile  string // the profile's name
	Region   string // Webex data center, e.g. us1
	URL      string // a standalone sandbox's address
	ClientID string // the Webex integration's client id
	// Secret asks for the integration's client secret; it is called when the keyring
	// does not have one yet, or when NewSecret is set. The answer goes to the keyring only.
	Secret func() (string, error)
	// NewSecret replaces the client secret stored for the profile (a rotated one): Secret
	// is asked even when one is stored.
	NewSecret bool
	// ReplaceSecret, when not nil, is asked when a client secret is stored and NewSecret
	// is not set: an empty answer keeps the stored secret, another replaces it.
	ReplaceSecret func() (string, error)
	// OpenBrowser shows the sign-in page (system browser, or print the address).
	OpenBrowser func(url string) error
	// ShowCode, when not nil, signs in with the device grant instead of the browser on
	// this computer (SSH, a container): it shows the code to enter and where.
	ShowCode func(userCode, verificationURL string)
	DataDir  string        // "" = the data directory
	Keyring  *auth.Keyring // nil = the OS keyring
}

// Login creates or updates a profile, signs in through the browser, stores the tokens in
// the keyring and makes the profile the one in use.
func Login(ctx context.Context, o LoginOptions) (*auth.Session, error) {
	dir, err := Options{DataDir: o.DataDir}.dataDir()
	if err != nil {
		return nil, err
	}
	if o.Profile == "" || o.Profile == auth.EmbeddedName {
		return nil, i18n.Errorf("the embedded sandbox needs no sign-in: every command uses it until you log in to a profile of your own")
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
	replacement, err := o.secretToUse(a)
	if err != nil {
		return nil, err
	}
	if replacement != "" {
		// Signed in with the new secret first: a mistyped one does not replace a good one.
		if a, err = auth.New(p, auth.Options{Keyring: o.Keyring, ClientSecret: replacement}); err != nil {
			return nil, err
		}
	}
	var s *auth.Session
	if o.ShowCode != nil {
		s, err = a.SignInDevice(ctx, o.ShowCode)
	} else {
		s, err = a.SignIn(ctx, o.OpenBrowser)
	}
	if err != nil {
		return nil, err
	}
	if replacement != "" {
		if err := a.SetClientSecret(replacement); err != nil {
			return nil, err
		}
	}
	if err := ps.Put(p); err != nil {
		return nil, err
	}
	if err := ps.Use(p.Name); err != nil {
		return nil, err
	}
	return s, ps.Save()
}

// secretToUse asks for the client secret as o says: a first one is stored at once; a
// replacement of a stored one is returned, to be stored once the sign-in with it works;
// "" keeps the stored one.
func (o LoginOptions) secretToUse(a *auth.Authenticator) (string, error) {
	stored := a.HasClientSecret()
	ask := o.Secret
	switch {
	case stored && o.NewSecret:
	case stored && o.ReplaceSecret != nil:
		ask = o.ReplaceSecret
	case stored:
		return "", nil
	}
	if ask == nil {
		return "", i18n.Errorf("profile %s: the client secret of integration %s is needed", a.Profile().Name, a.Profile().ClientID)
	}
	secret, err := ask()
	if err != nil {
		return "", err
	}
	secret = strings.TrimSpace(secret)
	switch {
	case secret == "" && stored && !o.NewSecret:
		return "", nil // Enter: keep it
	case secret == "":
		return "", i18n.Errorf("no client secret given")
	case stored:
		return secret, nil
	}
	return "", a.SetClientSecret(secret)
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
	return auth.Profile{}, i18n.Errorf("profile %q is new: give --region (one of %s) and --client-id of your Webex integration, or --url of a sandbox",
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
func Logout(name string, o Options) (auth.Profile, error) { return logout(name, o, false) }

// LogoutForget is Logout that also deletes the profile's client secret from the keyring:
// the next login asks for it again.
func LogoutForget(name string, o Options) (auth.Profile, error) { return logout(name, o, true) }

func logout(name string, o Options, forget bool) (auth.Profile, error) {
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
			return p, i18n.Errorf("no profile %q", name)
		}
	}
	if p.Kind == auth.KindEmbedded {
		return p, i18n.Errorf("the embedded sandbox has no sign-in to end")
	}
	a, err := auth.New(p, auth.Options{Keyring: o.Keyring})
	if err != nil {
		return p, err
	}
	if forget {
		return p, a.Forget()
	}
	return p, a.SignOut()
}
