package webex

import (
	"net"
	"net/url"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// CheckBaseURL parses raw as the root of an API or identity host and refuses anything a
// bearer token should not be sent to: plain HTTP is allowed only for this computer's
// loopback address (the sandbox), never for a remote host. It returns the URL without a
// trailing slash.
func CheckBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, i18n.Errorf("address %q is not a valid URL: %v", raw, err)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, i18n.Errorf("address %q has no host name", raw)
	}
	if u.User != nil {
		return nil, i18n.Errorf("address %q must not contain a user name or password", u.Redacted())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, i18n.Errorf("address %q must not contain a query or fragment", raw)
	}
	if err := CheckSecure(u); err != nil {
		return nil, err
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// CheckSecure returns an error unless u uses HTTPS or is plain HTTP to a loopback host.
func CheckSecure(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if IsLoopbackHost(u.Hostname()) {
			return nil
		}
		return i18n.Errorf("address %s: HTTPS is required (plain HTTP is only allowed for this computer's loopback address)", u.Redacted())
	default:
		return i18n.Errorf("address %s: scheme %q is not supported, use https://", u.Redacted(), u.Scheme)
	}
}

// IsLoopbackHost reports whether host names this computer: localhost, 127.0.0.0/8 or ::1.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
