package sandbox

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	at := time.Unix(0, 0)
	l := newLimiter(60, 3) // one a second, three banked
	for i := range 3 {
		if ok, _ := l.allow("a", at); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	if ok, after := l.allow("a", at); ok || after != 1 {
		t.Errorf("4th request: ok=%v retry after %d, want refused, 1 s", ok, after)
	}
	if ok, _ := l.allow("b", at); !ok {
		t.Error("another client id shares the first one's bucket")
	}
	if ok, _ := l.allow("a", at.Add(999*time.Millisecond)); ok {
		t.Error("a token came back before a second passed")
	}
	if ok, _ := l.allow("a", at.Add(1001*time.Millisecond)); !ok {
		t.Error("no token a second later")
	}
	if ok, _ := l.allow("a", at.Add(time.Hour)); !ok {
		t.Error("no token after an idle hour")
	}
	slow := newLimiter(6, 1) // one every 10 s
	slow.allow("a", at)
	if _, after := slow.allow("a", at.Add(2500*time.Millisecond)); after != 8 {
		t.Errorf("Retry-After %d, want 8 (7.5 s rounded up)", after)
	}
	if newLimiter(0, 0) != nil {
		t.Error("rate 0 is not off")
	}
}

func TestRateLimitOverHTTP(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, Rate: 120, Burst: 5})
	clock := newClock(c.s)
	for i := range 5 {
		if status, _, _ := c.call("GET", "v2/site", nil); status != http.StatusOK {
			t.Fatalf("request %d: %d", i+1, status)
		}
	}
	status, h, b := c.call("GET", "v2/site", nil)
	if status != http.StatusTooManyRequests || h.Get("Retry-After") != "1" {
		t.Fatalf("6th request: %d Retry-After %q %s", status, h.Get("Retry-After"), b)
	}
	if after, err := strconv.Atoi(h.Get("Retry-After")); err != nil || after < 1 {
		t.Errorf("Retry-After %q is not whole seconds", h.Get("Retry-After"))
	}
	clock.add(time.Second) // two tokens at 2 a second
	for i := range 2 {
		if status, _, _ := c.call("GET", "v2/site", nil); status != http.StatusOK {
			t.Errorf("after waiting, request %d: %d", i+1, status)
		}
	}
	if status, _, _ := c.call("GET", "v2/site", nil); status != http.StatusTooManyRequests {
		t.Errorf("the bucket refilled more than the rate: %d", status)
	}
}
