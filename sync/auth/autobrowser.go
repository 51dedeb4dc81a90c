package auth

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// AutoBrowser returns an openBrowser for SignIn that does the browser's part itself: it
// GETs the authorize URL and follows the redirect to the loopback listener. It works only
// with a server that approves without asking anything (the sandbox run with
// auto-approve), so the default experience needs no browser; it refuses any host that is
// not loopback, so it can never stand in for a person at a real identity host. hc may be
// nil.
func AutoBrowser(hc *http.Client) func(string) error {
	return func(raw string) error {
		u, err := url.Parse(raw)
		if err != nil || !webex.IsLoopbackHost(u.Hostname()) {
			return i18n.Errorf("automatic sign-in works only with a sandbox on this computer, not %s", hostOf(raw))
		}
		c := &http.Client{Timeout: 30 * time.Second}
		if hc != nil {
			c.Transport = hc.Transport
		}
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if !webex.IsLoopbackHost(req.URL.Hostname()) || len(via) >= 10 {
				return i18n.Errorf("automatic sign-in was redirected to %s", req.URL.Host)
			}
			return nil
		}
		resp, err := c.Get(raw)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		if resp.StatusCode != http.StatusOK {
			return i18n.Errorf("automatic sign-in: %s answered %s %s", resp.Request.URL.Host, resp.Status, strings.TrimSpace(string(body)))
		}
		return nil
	}
}

// hostOf names the host of raw for a message, or says "that address" in its language.
func hostOf(raw string) any {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return i18n.M("that address")
}
