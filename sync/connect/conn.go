package connect

import (
	"context"
	"path/filepath"

	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
)

// Conn is a signed-in connection to one organization.
type Conn struct {
	Profile  auth.Profile
	Identity auth.Identity
	API      *webex.Client
	OrgID    string
	// KeyringWarning is not zero when the sign-in is kept in memory only; show it.
	KeyringWarning i18n.Msg

	embedded *embedded      // nil for a profile of its own
	org      *jobs.OrgCache // what was read of the organization (Org)
}

// Options tune Open. The zero value is right for the app.
type Options struct {
	// DataDir is the data directory; "" means datadir.Path().
	DataDir string
	// Client tunes the API client (rate, retries). Zero fields take the client's
	// defaults; for the embedded sandbox the rate is the sandbox's.
	Client webex.Options
	// SandboxRate is the embedded sandbox's limit in requests per minute when this
	// process starts it (default 300, Webex's own).
	SandboxRate int
	// Keyring holds the tokens of profiles of their own; nil means the OS keyring.
	Keyring *auth.Keyring
}

func (o Options) dataDir() (string, error) {
	if o.DataDir != "" {
		return o.DataDir, nil
	}
	return datadir.Path()
}

// Open connects through the profile named profileName, or, when it is "", through the
// profile in use (the embedded sandbox unless the user chose another). A profile of
// its own must have been signed in to before (bulkops login, or the window's sign-in):
// otherwise the error matches auth.ErrSignInRequired. With BULKOPS_TOKEN set, that token is
// used instead (openWithToken).
func Open(ctx context.Context, profileName string, o Options) (*Conn, error) {
	dir, err := o.dataDir()
	if err != nil {
		return nil, err
	}
	ps, err := auth.LoadProfilesFile(filepath.Join(dir, auth.ProfilesFile))
	if err != nil {
		return nil, err
	}
	p := ps.Active()
	if profileName != "" {
		var ok bool
		if p, ok = ps.Get(profileName); !ok {
			return nil, i18n.Errorf("no profile %q: bulkops login --profile %s creates it", profileName, profileName)
		}
	}
	if token := tokenFromEnv(); token != "" {
		return openWithToken(ctx, p, profileName != "", token, o)
	}
	if p.Kind == auth.KindEmbedded {
		return openEmbedded(ctx, dir, p, o)
	}
	a, err := auth.New(p, auth.Options{Keyring: o.Keyring})
	if err != nil {
		return nil, err
	}
	s, err := a.Restore(ctx)
	if err != nil {
		if auth.NeedsSignIn(err) {
			if down := a.KeyringUnavailable(); down != nil { // the cause, not the symptom
				return nil, i18n.Errorf("not signed in to %s: the system keyring is not available (%v), so no sign-in is kept between runs "+
					"(bulkops login --profile %s signs in once it is): %w", p, down, p.Name, err)
			}
			return nil, i18n.Errorf("not signed in to %s (bulkops login --profile %s): %w", p, p.Name, err)
		}
		return nil, err
	}
	return fromSession(s, o.Client, nil)
}

// FromSession is the connection of a session signed in to just now (the window's sign-in
// dialog uses auth directly, then connects through it).
func FromSession(s *auth.Session, o Options) (*Conn, error) { return fromSession(s, o.Client, nil) }

func fromSession(s *auth.Session, opts webex.Options, emb *embedded) (*Conn, error) {
	api, err := s.API(opts)
	if err != nil {
		return nil, err
	}
	return &Conn{Profile: s.Profile, Identity: s.Identity, API: api, OrgID: s.Identity.OrgID,
		KeyringWarning: s.KeyringWarning, embedded: emb, org: jobs.NewOrgCache(api, jobs.OrgTTL)}, nil
}

// Embedded reports whether the connection is the embedded sandbox.
func (c *Conn) Embedded() bool { return c.embedded != nil }

// Label names the connection for the title bar and the command line: "Sandbox
// (embedded)" (in the language asked for), or "Acme — admin@acme.com".
func (c *Conn) Label(code string) string {
	if c.Embedded() {
		return jobs.OrgShown(code, c.orgName())
	}
	who := c.Identity.Email
	if who == "" {
		who = c.Identity.Name
	}
	return c.Profile.Name + " — " + who
}

// SubmittedBy is how jobs submitted through this connection name their submitter.
func (c *Conn) SubmittedBy() string {
	switch {
	case c.Identity.Email != "":
		return c.Identity.Email
	case c.Identity.Name != "":
		return c.Identity.Name
	}
	return "unknown user"
}

// Org is what was read of the organization, kept for jobs.OrgTTL: the previews before
// a submit and the editor's names read through it, so that they share the reads. An
// engine is given the API itself; invalidate Org when a job ends (it changed the
// organization).
func (c *Conn) Org() *jobs.OrgCache { return c.org }

// Engine returns a job engine for this connection's organization on store.
func (c *Conn) Engine(store *jobs.Store) *jobs.Engine {
	return &jobs.Engine{Store: store, API: c.API, OrgID: c.OrgID, OrgName: c.orgName()}
}

// OrgName is the organization's name as the jobs of this connection store it.
func (c *Conn) OrgName() string { return c.orgName() }

func (c *Conn) orgName() string {
	if c.Embedded() {
		return c.embedded.orgName()
	}
	return c.Profile.Name
}

// Close releases the connection; a process serving the embedded sandbox stops it
// (writing its state) and lets the next process take over.
func (c *Conn) Close() error {
	if c.embedded != nil {
		return c.embedded.close()
	}
	return nil
}
