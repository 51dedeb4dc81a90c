package webex

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// retryableStatus reports the server errors that usually go away when asked again.
func retryableStatus(status int) bool {
	switch status {
	case http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// transient reports whether a failed attempt (no answer at all) is worth repeating: a
// reset, refused or dropped connection, or an attempt that timed out. A certificate
// error, an unknown host or an error of the authenticating transport (such as "sign in
// again") is not.
func transient(err error) bool {
	var p permanent
	if errors.As(err, &p) || errors.Is(err, context.Canceled) {
		return false
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ETIMEDOUT) {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsTimeout || dns.IsTemporary
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection reset") || strings.Contains(msg, "forcibly closed") ||
		strings.Contains(msg, "server closed idle connection") || strings.Contains(msg, "broken pipe")
}

// backoff is exponential backoff with full jitter: a random wait in [0, base·2^(n-1)],
// capped at BackoffMax, so that clients that failed together do not return together.
func (c *Client) backoff(n int) time.Duration {
	d := c.opts.BackoffMax
	if n < 31 {
		d = min(c.opts.BackoffBase<<(n-1), c.opts.BackoffMax)
	}
	return rand.N(d + 1)
}

// parseRetryAfter reads a Retry-After value in seconds or as an HTTP date; def when it is
// missing or unreadable.
func parseRetryAfter(v string, now time.Time, def time.Duration) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return def
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs > 1e6 {
			return def
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return def
}

// sleepCtx waits d; false when done closed first.
func sleepCtx(done <-chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-done:
		return false
	}
}
