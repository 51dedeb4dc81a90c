package webex

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// APIError is a non-successful answer of the API: a whole request that failed, or one
// failed item of a bulk request. It carries the server's own words and its trackingId
// (what Cisco support asks for), and never any request header.
type APIError struct {
	Status     int    // HTTP status, or the item's status in a bulk answer
	Method     string // request method; empty for a bulk item
	Path       string // request path; empty for a bulk item
	TrackingID string // the server's trackingId, from the body or the TrackingID header
	Key        string // error.key / code when the server sends one
	Reason     string // error.reason, or the top-level message
	Messages   []string
	// ReferencedBy are the types of the objects that still use the one a delete was
	// refused for (a 412's error.referencedEntities, e.g. ["user", "team"]).
	ReferencedBy []string
	// RetryAfter is set on a 429 the client gave up waiting for.
	RetryAfter time.Duration
}

// Error reads like "POST /organization/…/site/bulk: 409 Conflict: Similar entity is
// already present (trackingId ccconfig_…)".
func (e *APIError) Error() string {
	var b strings.Builder
	if e.Method != "" {
		fmt.Fprintf(&b, "%s %s: ", e.Method, e.Path)
	}
	fmt.Fprintf(&b, "%d %s", e.Status, http.StatusText(e.Status))
	if m := e.said(); m != "" {
		b.WriteString(": " + m)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.TrackingID != "" {
		fmt.Fprintf(&b, " (trackingId %s)", e.TrackingID)
	}
	return b.String()
}

// Message is the server's explanation alone, fit to show on the cell or row it concerns:
// the reason and the detail messages joined, or the status text when the server said
// nothing.
func (e *APIError) Message() string {
	if m := e.said(); m != "" {
		return m
	}
	return http.StatusText(e.Status)
}

// said joins what the server said: the reason and the detail messages.
func (e *APIError) said() string {
	parts := make([]string, 0, 1+len(e.Messages))
	if e.Reason != "" {
		parts = append(parts, e.Reason)
	}
	for _, m := range e.Messages {
		if m != "" && m != e.Reason {
			parts = append(parts, m)
		}
	}
	return strings.Join(parts, "; ")
}

// Temporary reports whether sending the same request later may succeed.
func (e *APIError) Temporary() bool {
	return e.Status == http.StatusTooManyRequests || retryableStatus(e.Status)
}
