package sandbox

import (
	"fmt"
	"net/url"
	"time"
)

// Seeds: what a new organization starts with.
const (
	SeedDemo  = "demo"  // a believable contact center (the default)
	SeedEmpty = "empty" // only the system defaults a real tenant always has
)

// Defaults.
const (
	DefaultClientID   = "bulkops-desktop"
	DefaultRate       = 300 // requests per minute per client id, as Webex documents
	DefaultAddr       = "127.0.0.1:8085"
	DefaultTokenTTL   = 12 * time.Hour
	DefaultRefreshTTL = 60 * 24 * time.Hour
	DefaultMaxBody    = 20 << 20
	StateFileName     = "sandbox.json" // the state file inside a data directory
)

// DefaultRedirectURIs are the loopback callbacks the default client accepts.
var DefaultRedirectURIs = []string{
	"http://127.0.0.1:53682/callback",
	"http://127.0.0.1:53683/callback",
	"http://127.0.0.1:53684/callback",
}

// AllScopes are the scopes the sandbox knows; a client with no Scopes may ask for any.
var AllScopes = []string{"cjp:config", "cjp:config_read", "cjp:config_write", "spark:people_read", "spark:kms"}

// Client is a registered OAuth integration.
type Client struct {
	ID     string
	Secret string // "" in Options: generated at start, unless Public
	// Public marks a client that cannot keep a secret, like an installed app (RFC 8252
	// §8.4): it has none, must sign in with PKCE (RFC 7636), and sends only its id to
	// the token endpoint, also to refresh.
	Public       bool
	Name         string // shown on the consent page
	RedirectURIs []string
	Scopes       []string // the scopes it may request; empty = AllScopes
}

// Options configure a sandbox. The zero value is a demo organization in memory with no
// rate limit and no faults.
type Options struct {
	Seed  string // SeedDemo (default) or SeedEmpty; ignored when DataFile already exists
	OrgID string // the organization's UUID for a new organization; "" = random
	// OrgName is the name the tenant record gives the organization; "" = SandboxOrgName.
	OrgName string
	// Rate is the number of requests per minute each client id may make; 0 = no limit.
	Rate  int
	Burst int // bucket size; 0 = Rate
	// Faults are injected into the config API (never into sign-in) for reliability tests.
	Faults    Faults
	FaultSeed uint64 // seeds the fault dice; 0 = random
	// DataFile persists the organization (objects only, never tokens); "" = memory only.
	DataFile    string
	AutoApprove bool          // /v1/authorize redirects at once instead of showing the consent page
	TokenTTL    time.Duration // access token lifetime; 0 = 12 h
	RefreshTTL  time.Duration // refresh token lifetime; 0 = 60 days
	Clients     []Client      // registered integrations; empty = one DefaultClientID client
	MaxBody     int64         // largest request body; 0 = 20 MB
	Addr        string        // listen address for Start; "" = 127.0.0.1:0
	// CheckSpec checks every config API request and response against Cisco's spec: a
	// request the spec does not allow is answered "spec violation: METHOD PATH: field:
	// why" (400; 404/405 for an operation the spec lacks), a response it does not
	// describe is a sandbox bug; both are kept (Server.SpecViolations) and reported to
	// OnViolation. Test binaries turn it on for every sandbox (Harness); StrictEnv does
	// for a whole process.
	CheckSpec bool
	// OnViolation, when set, is told of each violation as it is recorded.
	OnViolation func(Violation)
	// OffSpecRequests is for tests that send requests the spec does not allow on purpose,
	// to see the live-like answer: such a request still reaches the handler, and its
	// violation is kept on this server (Server.SpecViolations) but not reported to
	// OnViolation. Violations in responses are always reported.
	OffSpecRequests bool
	// Unverified picks the sandbox's answer where no public record says what a live
	// tenant does; tests run the engine both ways, so that it depends on neither.
	Unverified Unverified
	// WorkItemFeature gives the tenant the work-item feature flag. Without it, as on
	// tenants that lack the feature, a multimedia profile's GET still carries workItem
	// but a write that sends it back is refused (live, wxcc-skills).
	WorkItemFeature bool
	// Logf, when set, receives one line per notable event (state saved, save failed).
	// It is never given a secret.
	Logf func(format string, args ...any)
}

// Unverified are live behaviours nobody has recorded (live-api.md, "Unknown either
// way"). The zero value is the lenient reading of each.
type Unverified struct {
	// EntryIDWall: address-book/{id}/entry/bulk refuses an id-bearing SAVE with "New
	// configuration cannot have an id", as most bulk routes do live.
	EntryIDWall bool
	// QueueNeedsDefaultMusic: a queue create without defaultMusicInQueueMediaFileId is
	// a 400 "defaultMusicInQueueMediaFileId is required" (achobgood/wxcc-toolkit says so;
	// wxcc-skills' verified list of required fields omits it).
	QueueNeedsDefaultMusic bool
	// BookPutDropsEntries: a v3/address-book PUT, whose DTO has no entries, leaves the
	// book without them.
	BookPutDropsEntries bool
}

// withDefaults fills the zero fields and checks the others.
func (o Options) withDefaults() (Options, error) {
	switch o.Seed {
	case "":
		o.Seed = SeedDemo
	case SeedDemo, SeedEmpty:
	default:
		return o, fmt.Errorf("sandbox: seed %q: want %s or %s", o.Seed, SeedDemo, SeedEmpty)
	}
	if o.OrgID != "" && !isUUID(o.OrgID) {
		return o, fmt.Errorf("sandbox: organization id %q is not a UUID", o.OrgID)
	}
	if o.Rate < 0 || o.Burst < 0 {
		return o, fmt.Errorf("sandbox: rate %d and burst %d must not be negative", o.Rate, o.Burst)
	}
	if o.Burst == 0 {
		o.Burst = o.Rate
	}
	if err := o.Faults.check(); err != nil {
		return o, err
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.RefreshTTL <= 0 {
		o.RefreshTTL = DefaultRefreshTTL
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	return o, o.defaultClients()
}

// defaultClients registers the default client when none is given and generates the
// secrets left empty, except for public clients, which have none.
func (o *Options) defaultClients() error {
	if len(o.Clients) == 0 {
		o.Clients = []Client{{ID: DefaultClientID, Name: "Bulkops", RedirectURIs: DefaultRedirectURIs}}
	}
	clients := make([]Client, len(o.Clients))
	seen := map[string]bool{}
	for i, c := range o.Clients {
		if c.ID == "" || seen[c.ID] {
			return fmt.Errorf("sandbox: client %d: id %q is empty or used twice", i+1, c.ID)
		}
		seen[c.ID] = true
		switch {
		case c.Public && c.Secret != "":
			return fmt.Errorf("sandbox: client %s: a public client has no secret", c.ID)
		case !c.Public && c.Secret == "":
			c.Secret = randomSecret(24)
		}
		if c.Name == "" {
			c.Name = c.ID
		}
		if len(c.Scopes) == 0 {
			c.Scopes = AllScopes
		}
		for _, ru := range c.RedirectURIs {
			if u, err := url.Parse(ru); err != nil || !u.IsAbs() || u.Fragment != "" {
				return fmt.Errorf("sandbox: client %s: redirect URI %q is not an absolute URL without fragment", c.ID, ru)
			}
		}
		clients[i] = c
	}
	o.Clients = clients
	return nil
}
