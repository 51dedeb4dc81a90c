package sandbox

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per client id: perMinute tokens a minute, at most burst
// banked. The real API limits each client id to 300 requests a minute (api.md §8.2).
type limiter struct {
	mu      sync.Mutex
	perSec  float64
	burst   float64
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// newLimiter returns nil (no limit) when perMinute is 0.
func newLimiter(perMinute, burst int) *limiter {
	if perMinute <= 0 {
		return nil
	}
	return &limiter{perSec: float64(perMinute) / 60, burst: float64(max(burst, 1)), buckets: map[string]*bucket{}}
}

// allow takes a token for key; when there is none it says after how many whole seconds
// there will be one.
func (l *limiter) allow(key string, now time.Time) (ok bool, retryAfter int) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = math.Min(l.burst, b.tokens+elapsed*l.perSec)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, max(1, int(math.Ceil((1-b.tokens)/l.perSec)))
}
