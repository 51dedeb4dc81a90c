package webex

import (
	"time"

	"github.com/bulkops/bulkops/internal/version"
)

// Options tune a Client. The zero value gives the defaults noted on each field.
type Options struct {
	// RatePerMinute is the organization's request budget (default 300, Webex Contact
	// Center's documented default per client id). The limiter spends Burst of it at once
	// and spreads the rest evenly, so no 60-second window exceeds it.
	RatePerMinute int
	// Burst is how many requests may leave back to back (default 5).
	Burst int
	// MaxRetries bounds the retries after a 5xx answer or a failed connection (default 5;
	// negative means none).
	MaxRetries int
	// MaxRateLimitRetries bounds the retries after 429 answers (default 10; negative
	// means none). They are counted apart because a 429 means the request was not
	// processed at all.
	MaxRateLimitRetries int
	// BackoffBase and BackoffMax shape the exponential backoff with full jitter used
	// after 5xx answers and connection errors (defaults 500 ms and 30 s).
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits for by itself (default
	// 5 min); a longer one is returned as an *APIError with RetryAfter set.
	MaxRetryAfter time.Duration
	// AttemptTimeout bounds one request attempt including reading the answer (default
	// 2 min); an attempt that times out is retried like a dropped connection.
	AttemptTimeout time.Duration
	// UserAgent is sent with every request (default Bulkops/VERSION (os; arch), see
	// version.UserAgent).
	UserAgent string
	// MaxResponseBytes caps the size of one answer (default 64 MiB).
	MaxResponseBytes int64
}

func (o Options) withDefaults() Options {
	if o.RatePerMinute <= 0 {
		o.RatePerMinute = 300
	}
	if o.Burst <= 0 {
		o.Burst = 5
	}
	if o.Burst >= o.RatePerMinute {
		o.Burst = max(1, o.RatePerMinute/2)
	}
	o.MaxRetries = countDefault(o.MaxRetries, 5)
	o.MaxRateLimitRetries = countDefault(o.MaxRateLimitRetries, 10)
	if o.BackoffBase <= 0 {
		o.BackoffBase = 500 * time.Millisecond
	}
	if o.BackoffMax < o.BackoffBase {
		o.BackoffMax = max(30*time.Second, o.BackoffBase)
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 5 * time.Minute
	}
	if o.AttemptTimeout <= 0 {
		o.AttemptTimeout = 2 * time.Minute
	}
	if o.UserAgent == "" {
		o.UserAgent = version.UserAgent()
	}
	if o.MaxResponseBytes <= 0 {
		o.MaxResponseBytes = 64 << 20
	}
	return o
}

// countDefault maps 0 to def and a negative count to 0.
func countDefault(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}

// Estimate is how long n requests take at the client's rate limit: the burst at once,
// the rest evenly spread, as the limiter sends them (answers' own time not counted).
func (c *Client) Estimate(n int) time.Duration { return EstimateAt(n, c.opts) }

// Rate is the client's rate limit, requests a minute.
func (c *Client) Rate() int { return c.opts.withDefaults().RatePerMinute }

// EstimateAt is Estimate for a client with options o (the defaults where o leaves them).
func EstimateAt(n int, o Options) time.Duration {
	o = o.withDefaults()
	if n <= o.Burst {
		return 0
	}
	per := time.Minute / time.Duration(max(1, o.RatePerMinute-o.Burst))
	return time.Duration(n-o.Burst) * per
}
