// Package conn is the connection the window works with, as one value from the
// connections page (which signs in and makes it) to the status bar, the editor's names
// and the bulk operations (which submit through it): who signed in, to which
// organization, its API, what was read of it, and the job engine on it.
package conn

import (
	"context"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// Connection is the organization the window works with. Signed in, it has an API; the
// zero value is "not connected" (the dashboard lists nothing and nothing can be
// submitted), and SignedOut is a profile chosen but not signed in to.
type Connection struct {
	Profile  auth.Profile
	Identity auth.Identity // who signed in
	// OrgID is the organization's id: the jobs of the dashboard are this org's.
	OrgID string
	// OrgName names the organization for people: the name the administrator gave the
	// connection ("Acme"), or "Sandbox (embedded)"; stored with each job.
	OrgName string
	// User is who submits, stored with each job (the e-mail address).
	User string
	// API reaches the organization; nil while signed out (the jobs are still listed).
	API jobs.API
	// Org is what was read of the organization (connect.Conn.Org), shared by the editor's
	// names and the checks before a submit. Nil: the bulk views keep one of their own.
	Org *jobs.OrgCache
	// KeyringWarning is not zero when secrets stay in memory for this run only.
	KeyringWarning i18n.Msg

	conn *connect.Conn // released by Close; nil for a connection a test made
}

// Of is the window's connection of c; warning, when c has none of its own, says that the
// sign-in was kept in memory only.
func Of(c *connect.Conn, warning i18n.Msg) *Connection {
	if !c.KeyringWarning.IsZero() {
		warning = c.KeyringWarning
	}
	return &Connection{Profile: c.Profile, Identity: c.Identity, OrgID: c.OrgID, OrgName: c.OrgName(),
		API: c.API, Org: c.Org(), User: c.SubmittedBy(), KeyringWarning: warning, conn: c}
}

// SignedOut is the connection of profile p while it is not signed in to: its jobs are
// listed, nothing can be submitted.
func SignedOut(p auth.Profile) *Connection { return &Connection{Profile: p, OrgName: p.Name} }

// Connected reports whether jobs can be submitted and run.
func (c *Connection) Connected() bool { return c != nil && c.OrgID != "" && c.API != nil }

// Engine is the job engine on store for this connection's organization, the one the
// window's jobs run on: sync/connect's, as the command line's is (a connection a test
// made, with no connect.Conn, gets one on its fields).
func (c *Connection) Engine(store *jobs.Store) *jobs.Engine {
	if c.conn != nil {
		return c.conn.Engine(store)
	}
	return &jobs.Engine{Store: store, API: c.API, OrgID: c.OrgID, OrgName: c.OrgName}
}

// Close releases the connection (the embedded sandbox this process serves is handed
// over to the next process that needs it).
func (c *Connection) Close() error {
	if c == nil || c.conn == nil {
		return nil
	}
	return c.conn.Close()
}

// Sandbox reports whether the connection is with a sandbox rather than a real organization.
func (c *Connection) Sandbox() bool { return c.Profile.Kind != auth.KindWebex }

// Label names the connection whole: who signed in, to which organization, with its id;
// or that its profile is not signed in to.
func (c *Connection) Label() string {
	if c.signedOut() {
		return words.T("%s: not signed in", c.Profile.Name)
	}
	return words.T("%s — %s (%s)", userLabel(c.Identity), c.OrgLabel(), c.OrgID)
}

// OrgLabel names the organization for people, in the window's language (the embedded
// sandbox's name is translated; the jobs keep it in English): its name, else its id.
func (c *Connection) OrgLabel() string {
	return jobs.OrgName(jobs.OrgShown(words.Language(), c.OrgName), c.OrgID)
}

// Short is the status bar's name of the connection: its organization's, or that its
// profile is not signed in to (the whole Label, in its tip, pushes the sheet's counts
// off a small window).
func (c *Connection) Short() string {
	if c.signedOut() {
		return c.Label()
	}
	return c.OrgLabel()
}

// Known returns the names the organization holds by object type, read through Org
// (which the checks before a submit share), or the API when there is no Org.
func (c *Connection) Known(ctx context.Context) (sheets.Known, error) {
	if c.Org != nil {
		return OrgNames(c.Org)(ctx)
	}
	return OrgNames(c.API)(ctx)
}

// signedOut reports whether no one signed in (SignedOut's connection).
func (c *Connection) signedOut() bool { return c.Identity == (auth.Identity{}) && c.API == nil }

func userLabel(id auth.Identity) string {
	switch {
	case id.Name != "" && id.Email != "":
		return id.Name + " <" + id.Email + ">"
	case id.Name != "":
		return id.Name
	}
	return id.Email
}
