package webex

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Object is one configuration object as JSON gives it. Numbers are json.Number, so an
// object read and written back keeps every digit.
type Object = map[string]any

// Client talks to one organization on one host. It is safe for concurrent use; all
// goroutines share its rate budget.
type Client struct {
	base    *url.URL
	orgID   string
	hc      *http.Client
	opts    Options
	limiter *rate.Limiter

	pauseMu    sync.Mutex
	pauseUntil time.Time // set by a 429: nobody sends before it

	sleep func(ctxDone <-chan struct{}, d time.Duration) bool // replaced in tests

	flagMu  sync.Mutex
	flagOff map[string]bool // fields the organization refuses: their feature flag is off (flagged.go)

	requests    atomic.Int64
	rateLimited atomic.Int64
	retries     atomic.Int64
}

// Stats counts what a Client has done, for benchmarks and diagnostics.
type Stats struct {
	Requests    int64 // attempts sent, retries included
	RateLimited int64 // 429 answers received
	Retries     int64 // attempts repeated after a 429, a 5xx or a connection error
}

// New returns a client for the organization orgID (the plain UUID) at baseURL. Paths
// given to its methods are relative to baseURL/organization/<orgID>; with an empty orgID
// they are relative to baseURL itself (the identity host). httpClient must authenticate
// the requests; nil means http.DefaultClient (no authentication, for tests).
func New(baseURL, orgID string, httpClient *http.Client, opts Options) (*Client, error) {
	base, err := CheckBaseURL(baseURL)
	if err != nil {
		return nil, err
	}
	if strings.ContainsAny(orgID, "/?#") {
		return nil, fmt.Errorf("organization id %q is not valid", orgID)
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	opts = opts.withDefaults()
	// Spend Burst at once and the rest evenly over the minute, so that no 60-second
	// window holds more than RatePerMinute requests.
	perReq := time.Minute / time.Duration(max(1, opts.RatePerMinute-opts.Burst))
	return &Client{
		base:    base,
		orgID:   orgID,
		hc:      secureRedirects(httpClient),
		opts:    opts,
		limiter: rate.NewLimiter(rate.Every(perReq), opts.Burst),
		sleep:   sleepCtx,
	}, nil
}

// OrgID is the organization the client is bound to.
func (c *Client) OrgID() string { return c.orgID }

// BaseURL is the host root the client talks to.
func (c *Client) BaseURL() string { return c.base.String() }

// Stats returns the counters so far.
func (c *Client) Stats() Stats {
	return Stats{
		Requests:    c.requests.Load(),
		RateLimited: c.rateLimited.Load(),
		Retries:     c.retries.Load(),
	}
}

// endpoint builds the absolute URL of path (relative to the organization, already
// escaped: ids are joined with idPath) with query.
func (c *Client) endpoint(path string, query url.Values) string {
	u := *c.base
	full := u.EscapedPath()
	if c.orgID != "" {
		full += "/organization/" + url.PathEscape(c.orgID)
	}
	if path != "" { // "" is the organization itself (Organization)
		full += "/" + strings.TrimLeft(path, "/")
	}
	u.Path, u.RawPath = full, full
	if unescaped, err := url.PathUnescape(full); err == nil {
		u.Path = unescaped
	}
	if len(query) > 0 {
		u.RawQuery = query.Encode()
	}
	return u.String()
}

// secureRedirects copies hc with a redirect policy that never follows a redirect to a
// host a token must not reach (the authenticating transport would add the token again).
func secureRedirects(hc *http.Client) *http.Client {
	cp := *hc
	next := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := CheckSecure(req.URL); err != nil {
			return fmt.Errorf("refused redirect: %w", err)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &cp
}
