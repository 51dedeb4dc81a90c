package webex

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
)

// testToken is added to every request by the test transport; no error may ever show it.
const testToken = "tok-SECRET-123"

// sleepLog records the waits a client asked for instead of waiting.
type sleepLog struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleepLog) sleep(done <-chan struct{}, d time.Duration) bool {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	select {
	case <-done:
		return false
	default:
		return true
	}
}

func (s *sleepLog) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// script answers the n-th request (1-based) with steps[n-1], and the last step forever.
type script struct {
	t     *testing.T
	hits  atomic.Int32
	steps []func(w http.ResponseWriter, r *http.Request)
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
		s.t.Errorf("request without the test token: %q", got)
	}
	n := int(s.hits.Add(1))
	s.steps[min(n, len(s.steps))-1](w, r)
}

// newTestClient serves h on loopback and returns a client for organization "org-1" whose
// waits are recorded, not slept (unless realSleep).
func newTestClient(t *testing.T, h http.Handler, o Options, realSleep bool) (*Client, *sleepLog) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: testToken, Next: srv.Client().Transport}}
	if o.RatePerMinute == 0 {
		o.RatePerMinute = 60000
	}
	c, err := New(srv.URL, "org-1", hc, o)
	if err != nil {
		t.Fatal(err)
	}
	log := &sleepLog{}
	if !realSleep {
		c.sleep = log.sleep
	}
	return c, log
}

func status(code int, headerKV ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headerKV); i += 2 {
			w.Header().Set(headerKV[i], headerKV[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		if code >= 400 {
			w.Write([]byte(`{"trackingId":"ccconfig_t1","error":{"key":"` + http.StatusText(code) + `","reason":"server says ` + http.StatusText(code) + `"}}`))
		} else {
			w.Write([]byte(`{"id":"x1","name":"Chicago"}`))
		}
	}
}

// reset closes the connection without an answer (RST where the OS allows).
func reset(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), testToken) {
		t.Errorf("error shows the token: %v", err)
	}
}
