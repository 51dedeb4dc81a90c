package sandbox

import (
	"errors"
	"net/http"
	"syscall"
	"testing"
	"time"
)

func TestParseFaults(t *testing.T) {
	f, err := ParseFaults("latency=50ms, 500=0.05,503=0.02,reset=0.01,lost=0.01,429=0.05")
	want := Faults{Latency: 50 * time.Millisecond, Error500: 0.05, Error503: 0.02, Reset: 0.01, Lost: 0.01, Extra429: 0.05}
	if err != nil || f != want {
		t.Fatalf("ParseFaults: %+v, %v", f, err)
	}
	if back, _ := ParseFaults(f.String()); back != f {
		t.Errorf("String %q does not read back: %+v", f.String(), back)
	}
	if f, err := ParseFaults(""); err != nil || f != (Faults{}) {
		t.Errorf("empty spec: %+v %v", f, err)
	}
	for _, bad := range []string{"latency", "latency=fast", "500=2", "503=-0.1", "teapot=0.1", "500=0.6,503=0.6", "429=x"} {
		if _, err := ParseFaults(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestFaultsEach: a share of 1 makes every request get that fault.
func TestFaultsEach(t *testing.T) {
	for _, tt := range []struct {
		faults Faults
		status int
	}{
		{Faults{Error500: 1}, 500},
		{Faults{Error503: 1}, 503},
		{Faults{Extra429: 1}, 429},
	} {
		c := newTC(t, Options{Seed: SeedEmpty, Faults: tt.faults})
		status, h, b := c.call("GET", "v2/site", nil)
		if status != tt.status {
			t.Errorf("%+v: %d %s", tt.faults, status, b)
		}
		if status == 429 && h.Get("Retry-After") == "" {
			t.Error("injected 429 without Retry-After")
		}
	}
	// Sign-in is never disturbed.
	c := newTC(t, Options{Seed: SeedEmpty, Faults: Faults{Error500: 1}})
	if status, _, _ := c.call("GET", "/v1/people/me", nil); status != http.StatusOK {
		t.Errorf("people/me under faults: %d", status)
	}
}

// TestFaultsReset: a reset drops the connection before the request is processed; a
// lost answer drops it after.
func TestFaultsReset(t *testing.T) {
	for _, tt := range []struct {
		faults  Faults
		applied bool
	}{{Faults{Reset: 1}, false}, {Faults{Lost: 1}, true}} {
		c := newTC(t, Options{Seed: SeedEmpty, Faults: tt.faults})
		req, _ := http.NewRequest("POST", c.abs("work-type/bulk"), jsonBody(map[string]any{"items": []any{
			save(1, map[string]any{"name": "Reset Test", "workTypeCode": "IDLE_CODE", "active": true})}}))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+c.token)
		resp, err := c.hc.Do(req)
		if err == nil {
			resp.Body.Close()
			t.Fatalf("%+v: got %d, want a dropped connection", tt.faults, resp.StatusCode)
		}
		if !errors.Is(err, syscall.ECONNRESET) {
			t.Logf("%+v: %v (not ECONNRESET on this platform)", tt.faults, err)
		}
		c.s.mu.RLock()
		_, applied := c.s.st.tables["work-type"].names["\x00reset test"]
		c.s.mu.RUnlock()
		if applied != tt.applied {
			t.Errorf("%+v: request applied %v, want %v", tt.faults, applied, tt.applied)
		}
	}
}

// TestFaultShares: with a fixed seed the dice give each fault about its share.
func TestFaultShares(t *testing.T) {
	d := newDice(Faults{Error500: 0.1, Error503: 0.05, Extra429: 0.2}, 42)
	counts := map[fault]int{}
	const n = 20000
	for range n {
		counts[d.roll()]++
	}
	for f, share := range map[fault]float64{fault500: 0.1, fault503: 0.05, fault429: 0.2, noFault: 0.65} {
		if got := float64(counts[f]) / n; got < share-0.015 || got > share+0.015 {
			t.Errorf("fault %d: share %.3f, want %.2f", f, got, share)
		}
	}
	if counts[faultReset]+counts[faultLost] != 0 {
		t.Errorf("faults that were not asked for: %v", counts)
	}
}

// TestLatency: every config API request waits at least the configured latency.
func TestLatency(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, Faults: Faults{Latency: 30 * time.Millisecond}})
	start := time.Now()
	c.object("GET", "v2/site", nil, http.StatusOK)
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answered after %s, before the 30ms latency", d)
	}
}
