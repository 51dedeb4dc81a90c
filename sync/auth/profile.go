package auth

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// Kind says what a profile signs in to.
type Kind string

const (
	// KindEmbedded is the sandbox the app starts itself; its address changes per run,
	// so the caller fills IdentityURL and APIURL with WithAddress before signing in.
	KindEmbedded Kind = "sandbox-embedded"
	// KindSandbox is a standalone sandbox (bulkops sandbox) reached by URL.
	KindSandbox Kind = "sandbox"
	// KindWebex is a real Webex organization.
	KindWebex Kind = "webex"
)

// EmbeddedName is the name of the embedded sandbox's profile, the default.
const EmbeddedName = "sandbox"

// EmptyName is the profile of a second embedded sandbox, an organization that starts
// empty (only the system defaults), to copy the demo organization or a workbook into.
// It is built in but not listed: a stored profile of that name wins.
const EmptyName = "empty"

// WebexIdentityURL is Webex's global identity host: authorize, token, people/me.
const WebexIdentityURL = "https://webexapis.com"

// RedirectPath is the path of the loopback redirect URI.
const RedirectPath = "/callback"

// DefaultRedirectPorts are tried in order for the loopback redirect. Each
// http://127.0.0.1:<port>/callback must be registered on the admin's integration (the
// sandbox registers these for its default client).
var DefaultRedirectPorts = []int{53682, 53683, 53684}

// Scopes are the OAuth scopes Bulkops asks for: read and write the configuration, and
// read the signed-in person (for the organization id).
var Scopes = []string{"cjp:config_read", "cjp:config_write", "spark:people_read"}

// Profile is one place to sign in to. It holds no secret: the client secret and the
// tokens are in the keyring under the profile's name.
type Profile struct {
	Name          string `json:"name"`
	Kind          Kind   `json:"kind"`
	IdentityURL   string `json:"identityUrl,omitempty"` // authorize, token, people/me
	APIURL        string `json:"apiUrl,omitempty"`      // the Contact Center configuration API
	ClientID      string `json:"clientId,omitempty"`
	Region        string `json:"region,omitempty"` // Webex data center, e.g. us1
	RedirectPorts []int  `json:"redirectPorts,omitempty"`
}

// Region is a Webex Contact Center data center.
type Region struct{ Code, Label string }

// Regions are the data centers whose public API host is known (Cisco's samples, api.md
// §1; live-api.md). India's api.wxcc-in1.cisco.com is first-hand: Cisco's JavaScript SDK
// maps it to its "prodin1" environment (webex/webex-js-sdk, packages/@webex/contact-center/
// src/services/ApiAiAssistant.ts). An organization elsewhere is reached with a custom API
// address (WebexProfileAt).
var Regions = []Region{
	{"us1", "United States"}, {"eu1", "United Kingdom"}, {"eu2", "Germany"},
	{"anz1", "Australia"}, {"ca1", "Canada"}, {"jp1", "Japan"}, {"sg1", "Singapore"}, {"in1", "India"},
}

// RegionAPIURL is the Contact Center API host of a data center of Regions.
func RegionAPIURL(region string) (string, error) {
	region = strings.ToLower(strings.TrimSpace(region))
	for _, r := range Regions {
		if r.Code == region {
			return "https://api.wxcc-" + region + ".cisco.com", nil
		}
	}
	codes := make([]string, len(Regions))
	for i, r := range Regions {
		codes[i] = r.Code
	}
	return "", i18n.Errorf("region %q has no known public Webex Contact Center host: use one of %s, or give the API address of the organization as a custom URL",
		region, strings.Join(codes, ", "))
}

// EmbeddedProfile is the default profile: the sandbox the app runs itself.
func EmbeddedProfile() Profile {
	return Profile{Name: EmbeddedName, Kind: KindEmbedded}
}

// EmptyProfile is the built-in profile of the second embedded sandbox (EmptyName).
func EmptyProfile() Profile {
	return Profile{Name: EmptyName, Kind: KindEmbedded}
}

// WithAddress returns p pointing at a sandbox serving both hosts at url (the embedded
// sandbox's address of this run) and, when clientID is not empty, using that client.
func (p Profile) WithAddress(url, clientID string) Profile {
	p.IdentityURL, p.APIURL = strings.TrimRight(url, "/"), strings.TrimRight(url, "/")
	if clientID != "" {
		p.ClientID = clientID
	}
	return p
}

// SandboxProfile is a standalone sandbox at url.
func SandboxProfile(name, url, clientID string) (Profile, error) {
	p := Profile{Name: name, Kind: KindSandbox}.WithAddress(strings.TrimSpace(url), clientID)
	return p, p.Validate()
}

// WebexProfile is a Webex organization in region, signed in to with the admin's own
// integration clientID.
func WebexProfile(name, region, clientID string) (Profile, error) {
	api, err := RegionAPIURL(region)
	if err != nil {
		return Profile{}, i18n.Errorf("profile %q: %w", name, err)
	}
	p := Profile{Name: name, Kind: KindWebex, IdentityURL: WebexIdentityURL, APIURL: api,
		ClientID: strings.TrimSpace(clientID), Region: strings.ToLower(strings.TrimSpace(region))}
	return p, p.Validate()
}

// WebexProfileAt is a Webex organization whose Contact Center API is at apiURL (an
// HTTPS address), for a data center Regions does not list.
func WebexProfileAt(name, apiURL, clientID string) (Profile, error) {
	p := Profile{Name: name, Kind: KindWebex, IdentityURL: WebexIdentityURL,
		APIURL: strings.TrimRight(strings.TrimSpace(apiURL), "/"), ClientID: strings.TrimSpace(clientID)}
	return p, p.Validate()
}

// profileName is compiled on first use: its Unicode classes take 2.5 MB and a few ms, which
// every command would pay at start-up.
var profileName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,63}$`)
})

// Validate checks the profile and refuses any host that is not HTTPS, except a loopback
// address. The embedded sandbox may be stored without an address.
func (p Profile) Validate() error {
	if !profileName().MatchString(p.Name) {
		return i18n.Errorf("profile name %q: use 1 to 64 letters, digits, spaces or . _ ( ) -", p.Name)
	}
	switch p.Kind {
	case KindEmbedded:
		if p.IdentityURL == "" && p.APIURL == "" {
			return nil
		}
	case KindSandbox, KindWebex:
		if strings.TrimSpace(p.ClientID) == "" {
			return i18n.Errorf("profile %q: the client id is missing", p.Name)
		}
		if p.Kind == KindWebex && p.Region != "" {
			if _, err := RegionAPIURL(p.Region); err != nil { // a region this version does not know
				return i18n.Errorf("profile %q: %w; sign in to it again with another region or a custom URL", p.Name, err)
			}
		}
	default:
		return i18n.Errorf("profile %q: unknown kind %q", p.Name, p.Kind)
	}
	if _, err := webex.CheckBaseURL(p.IdentityURL); err != nil {
		return i18n.Errorf("profile %q, identity host: %w", p.Name, err)
	}
	if _, err := webex.CheckBaseURL(p.APIURL); err != nil {
		return i18n.Errorf("profile %q, API host: %w", p.Name, err)
	}
	for _, port := range p.RedirectPorts {
		if port < 0 || port > 65535 || (port == 0 && p.Kind == KindWebex) {
			return i18n.Errorf("profile %q: redirect port %d is not valid", p.Name, port)
		}
	}
	return nil
}

// ports are the loopback ports to try. Port 0 (any free port) only suits a server that
// accepts any loopback redirect; Webex and the sandbox want registered URIs.
func (p Profile) ports() []int {
	if len(p.RedirectPorts) > 0 {
		return p.RedirectPorts
	}
	return DefaultRedirectPorts
}

// RedirectURIs are the redirect URIs to register on the Webex integration.
func (p Profile) RedirectURIs() []string {
	var out []string
	for _, port := range p.ports() {
		if port != 0 {
			out = append(out, redirectURI(port))
		}
	}
	return out
}

func redirectURI(port int) string {
	return "http://127.0.0.1:" + strconv.Itoa(port) + RedirectPath
}

// String names the profile for people: "Acme (Webex us1)", "sandbox (embedded sandbox)".
func (p Profile) String() string { return p.In(i18n.English) }

// In names the profile in language code; a message that has a profile as an argument
// renders it so.
func (p Profile) In(code string) string {
	var m i18n.Msg
	switch {
	case p.Kind == KindEmbedded:
		m = i18n.M("%s (embedded sandbox)", p.Name)
	case p.Kind == KindSandbox:
		m = i18n.M("%s (sandbox at %s)", p.Name, p.APIURL)
	case p.Region == "":
		m = i18n.M("%s (Webex at %s)", p.Name, p.APIURL)
	default:
		m = i18n.M("%s (Webex %s)", p.Name, p.Region)
	}
	return m.In(code)
}
