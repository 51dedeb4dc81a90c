package sandbox

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer Run may write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	faults, err := ParseFaults("latency=1ms")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		done <- Serve(ctx, Options{Addr: "127.0.0.1:0", DataFile: filepath.Join(dir, StateFileName), Seed: SeedEmpty,
			Faults: faults, AutoApprove: true, CheckSpec: true}, &out)
	}()
	urlRE := regexp.MustCompile(`running at (http://127\.0\.0\.1:\d+)`)
	var base string
	for deadline := time.Now().Add(5 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no URL printed: %q", out.String())
		}
	}
	for _, want := range []string{"Client id:        " + DefaultClientID, "Client secret:", "Redirect URIs:    http://127.0.0.1:53682/callback",
		"Organization id:", filepath.Join(dir, StateFileName), "Rate limit:       off", "Faults:           latency=1ms", "Spec check:       on"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("banner lacks %q", want)
		}
	}
	resp, err := http.Get(base + "/")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, StateFileName)); err != nil {
		t.Errorf("no state file: %v", err)
	}
}

func TestStartListensOnLoopback(t *testing.T) {
	r, err := Start(Options{Seed: SeedEmpty, Addr: ":0"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.Loopback() || !strings.HasPrefix(r.URL(), "http://127.0.0.1:") {
		t.Errorf("an address without host listens on %s", r.URL())
	}
}
