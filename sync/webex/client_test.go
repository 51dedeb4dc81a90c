package webex

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestRetryPolicy(t *testing.T) {
	date := time.Now().Add(20 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name      string
		opts      Options
		steps     []func(http.ResponseWriter, *http.Request)
		wantErr   string // "" = success
		wantHits  int
		wantStats Stats
		check     func(t *testing.T, sleeps []time.Duration)
	}{
		{name: "429 honours Retry-After seconds",
			steps:    []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "7"), status(200)},
			wantHits: 2, wantStats: Stats{Requests: 2, RateLimited: 1, Retries: 1},
			check: func(t *testing.T, s []time.Duration) {
				if len(s) != 1 || s[0] < 6*time.Second || s[0] > 7*time.Second {
					t.Errorf("waited %v, want one wait of about 7s", s)
				}
			}},
		{name: "429 honours Retry-After date",
			steps:    []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", date), status(200)},
			wantHits: 2, wantStats: Stats{Requests: 2, RateLimited: 1, Retries: 1},
			check: func(t *testing.T, s []time.Duration) {
				if len(s) != 1 || s[0] < 15*time.Second || s[0] > 21*time.Second {
					t.Errorf("waited %v, want one wait of about 20s", s)
				}
			}},
		{name: "429 without Retry-After waits 1s",
			steps:    []func(http.ResponseWriter, *http.Request){status(429), status(200)},
			wantHits: 2, wantStats: Stats{Requests: 2, RateLimited: 1, Retries: 1},
			check: func(t *testing.T, s []time.Duration) {
				if len(s) != 1 || s[0] < 900*time.Millisecond || s[0] > time.Second {
					t.Errorf("waited %v, want about 1s", s)
				}
			}},
		{name: "429s are not counted against MaxRetries",
			opts:     Options{MaxRetries: 1},
			steps:    []func(http.ResponseWriter, *http.Request){status(429), status(429), status(429), status(500), status(200)},
			wantHits: 5, wantStats: Stats{Requests: 5, RateLimited: 3, Retries: 4}},
		{name: "429 forever gives up after MaxRateLimitRetries",
			opts:     Options{MaxRateLimitRetries: 2},
			steps:    []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "3")},
			wantErr:  "GET /organization/org-1/site/x1: 429 Too Many Requests: server says Too Many Requests (retry after 3s) (trackingId ccconfig_t1)",
			wantHits: 3, wantStats: Stats{Requests: 3, RateLimited: 3, Retries: 2}},
		{name: "Retry-After beyond MaxRetryAfter is returned, not waited",
			opts:     Options{MaxRetryAfter: time.Minute},
			steps:    []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "3600")},
			wantErr:  "(retry after 1h0m0s)",
			wantHits: 1, wantStats: Stats{Requests: 1, RateLimited: 1}},
		{name: "500 then success",
			steps:    []func(http.ResponseWriter, *http.Request){status(500), status(200)},
			wantHits: 2, wantStats: Stats{Requests: 2, Retries: 1}},
		{name: "502 503 504 are retried",
			steps:    []func(http.ResponseWriter, *http.Request){status(502), status(503), status(504), status(200)},
			wantHits: 4, wantStats: Stats{Requests: 4, Retries: 3},
			check: func(t *testing.T, s []time.Duration) {
				for i, d := range s {
					if limit := time.Duration(500<<i) * time.Millisecond; d < 0 || d > limit {
						t.Errorf("backoff %d = %v, want within [0, %v]", i+1, d, limit)
					}
				}
			}},
		{name: "503 Retry-After longer than the backoff is honoured",
			steps:    []func(http.ResponseWriter, *http.Request){status(503, "Retry-After", "9"), status(200)},
			wantHits: 2, wantStats: Stats{Requests: 2, Retries: 1},
			check: func(t *testing.T, s []time.Duration) {
				if len(s) != 1 || s[0] != 9*time.Second {
					t.Errorf("waited %v, want 9s", s)
				}
			}},
		{name: "5xx forever gives up after MaxRetries",
			opts:     Options{MaxRetries: 3},
			steps:    []func(http.ResponseWriter, *http.Request){status(500)},
			wantErr:  "GET /organization/org-1/site/x1: 500 Internal Server Error: server says Internal Server Error (trackingId ccconfig_t1)",
			wantHits: 4, wantStats: Stats{Requests: 4, Retries: 3}},
		{name: "400 is not retried",
			steps:    []func(http.ResponseWriter, *http.Request){status(400), status(200)},
			wantErr:  "400 Bad Request: server says Bad Request",
			wantHits: 1, wantStats: Stats{Requests: 1}},
		{name: "401 is not retried",
			steps:    []func(http.ResponseWriter, *http.Request){status(401), status(200)},
			wantErr:  "401 Unauthorized",
			wantHits: 1, wantStats: Stats{Requests: 1}},
		{name: "connection reset then success",
			steps:    []func(http.ResponseWriter, *http.Request){reset, reset, status(200)},
			wantHits: 3, wantStats: Stats{Requests: 3, Retries: 2}},
		{name: "connection reset forever gives up",
			opts:     Options{MaxRetries: 2},
			steps:    []func(http.ResponseWriter, *http.Request){reset},
			wantErr:  "(gave up after 3 attempts)",
			wantHits: 3, wantStats: Stats{Requests: 3, Retries: 2}},
		{name: "no retries when MaxRetries is negative",
			opts:     Options{MaxRetries: -1},
			steps:    []func(http.ResponseWriter, *http.Request){status(500), status(200)},
			wantErr:  "500 Internal Server Error",
			wantHits: 1, wantStats: Stats{Requests: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{t: t, steps: tt.steps}
			c, log := newTestClient(t, s, tt.opts, false)
			obj, err := c.Get(context.Background(), "site", "x1")
			noSecret(t, err)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if obj["name"] != "Chicago" {
					t.Errorf("object = %v", obj)
				}
			} else if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v\nwant it to contain %q", err, tt.wantErr)
			}
			if got := int(s.hits.Load()); got != tt.wantHits {
				t.Errorf("server saw %d requests, want %d", got, tt.wantHits)
			}
			if got := c.Stats(); got != tt.wantStats {
				t.Errorf("Stats() = %+v, want %+v", got, tt.wantStats)
			}
			if tt.check != nil {
				tt.check(t, log.all())
			}
		})
	}
}

func TestRateLimitedErrorKeepsRetryAfter(t *testing.T) {
	s := &script{t: t, steps: []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "3600")}}
	c, _ := newTestClient(t, s, Options{MaxRetryAfter: time.Minute}, false)
	_, err := c.Get(context.Background(), "site", "x1")
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 429 || ae.RetryAfter != time.Hour || ae.TrackingID != "ccconfig_t1" {
		t.Fatalf("error = %#v", err)
	}
}

func TestA429PausesTheWholeClient(t *testing.T) {
	s := &script{t: t, steps: []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "30"), status(200)}}
	c, log := newTestClient(t, s, Options{}, false)
	if _, err := c.Get(context.Background(), "site", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(context.Background(), "site", "b"); err != nil {
		t.Fatal(err)
	}
	// Both calls waited for the pause: the retry of the first and the second call.
	var long int
	for _, d := range log.all() {
		if d > 25*time.Second {
			long++
		}
	}
	if long != 2 {
		t.Errorf("waits %v: want the second call to wait out the 429 pause as well", log.all())
	}
}

func TestCancelStopsWaiting(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		steps []func(http.ResponseWriter, *http.Request)
		calls int
	}{
		{"during Retry-After", Options{}, []func(http.ResponseWriter, *http.Request){status(429, "Retry-After", "60")}, 1},
		{"during backoff", Options{BackoffBase: time.Minute, BackoffMax: time.Minute},
			[]func(http.ResponseWriter, *http.Request){status(503)}, 1},
		{"during the rate limiter", Options{RatePerMinute: 2, Burst: 1}, []func(http.ResponseWriter, *http.Request){status(200)}, 2},
		{"during a slow answer", Options{}, []func(http.ResponseWriter, *http.Request){
			func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{t: t, steps: tt.steps}
			c, _ := newTestClient(t, s, tt.opts, true)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			var err error
			start := time.Now()
			for i := 0; i < tt.calls && err == nil; i++ {
				_, err = c.Get(ctx, "site", "x1")
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want context.Canceled", err)
			}
			if !strings.HasPrefix(err.Error(), "GET /organization/org-1/site/x1: ") {
				t.Errorf("error does not say which call: %v", err)
			}
			if time.Since(start) > 10*time.Second {
				t.Errorf("cancel took %v", time.Since(start))
			}
		})
	}
}

func TestAttemptTimeoutIsRetried(t *testing.T) {
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
	s := &script{t: t, steps: []func(http.ResponseWriter, *http.Request){slow, status(200)}}
	c, _ := newTestClient(t, s, Options{AttemptTimeout: 100 * time.Millisecond}, false)
	if _, err := c.Get(context.Background(), "site", "x1"); err != nil {
		t.Fatal(err)
	}
	if got := c.Stats().Retries; got != 1 {
		t.Errorf("retries = %d, want 1", got)
	}
}

func TestRedirectToInsecureHostRefused(t *testing.T) {
	s := &script{t: t, steps: []func(http.ResponseWriter, *http.Request){
		func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://bulkops.invalid/steal", http.StatusFound)
		}}}
	c, _ := newTestClient(t, s, Options{}, false)
	_, err := c.Get(context.Background(), "site", "x1")
	if err == nil || !strings.Contains(err.Error(), "refused redirect") || !strings.Contains(err.Error(), "HTTPS is required") {
		t.Fatalf("error = %v", err)
	}
	noSecret(t, err)
}

func TestNewRefusesInsecureHosts(t *testing.T) {
	if _, err := New("http://api.wxcc-us1.cisco.com", "o", nil, Options{}); err == nil {
		t.Error("plain HTTP to a remote host accepted")
	}
	if _, err := New("https://api.wxcc-us1.cisco.com", "a/b", nil, Options{}); err == nil {
		t.Error("an org id with a slash accepted")
	}
}

// TestLimiterKeepsUnderTheRate replays a minute of eager requests on the limiter's own
// clock: no 60-second window may hold more than the organization's budget.
func TestLimiterKeepsUnderTheRate(t *testing.T) {
	tests := []struct{ perMinute, burst, min int }{
		{300, 0, 295}, {300, 20, 280}, {60, 1, 59}, {10, 50, 5}, {1, 0, 1}, {2, 0, 1},
	}
	for _, tt := range tests {
		c, err := New("https://example.com", "o", nil, Options{RatePerMinute: tt.perMinute, Burst: tt.burst})
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		allowed := 0
		for at := t0; at.Before(t0.Add(time.Minute)); at = at.Add(time.Millisecond) {
			if c.limiter.AllowN(at, 1) {
				allowed++
			}
		}
		if allowed > tt.perMinute || allowed < tt.min {
			t.Errorf("%d/min burst %d: %d requests in one minute, want %d..%d",
				tt.perMinute, tt.burst, allowed, tt.min, tt.perMinute)
		}
		if c.limiter.Limit() == rate.Inf {
			t.Error("limiter is unlimited")
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", time.Second}, {"0", 0}, {"2", 2 * time.Second}, {"1.5", 1500 * time.Millisecond},
		{"-3", time.Second}, {"soon", time.Second}, {"99999999", time.Second},
		{"Tue, 24 Nov 2026 12:00:30 GMT", 30 * time.Second},
		{"Tue, 24 Nov 2026 11:00:00 GMT", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now, time.Second); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
