package single

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// A process that holds the window's claim and accepts a hand-over but never answers
// (one left behind whose window is gone) loses the claim: the next start takes it over
// within its wait, says why, and later starts hand their files to the new window. The
// old holder's end removes neither the new window's address nor its claim.
func TestOpenTakesOverFromASilentWindow(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("an open lock file cannot be removed on Windows")
	}
	dir := t.TempDir()
	old, err := Claim(dir)
	if err != nil {
		t.Fatal(err)
	}
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close() // accepted, never answered
		}
	}()
	old.addr = []byte(silent.Addr().String() + "\nsecret\n")
	if err := os.WriteFile(filepath.Join(dir, addrFile), old.addr, 0o600); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	p, outcome, err := Open(dir, []string{"a.csv"}, 500*time.Millisecond)
	if outcome != TookOver || p == nil {
		t.Fatalf("Open: %v, %v; want the claim taken over", outcome, err)
	}
	defer p.Close()
	if err == nil {
		t.Error("no reason given for taking the claim over")
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("taking over took %s", took)
	}
	if _, err := Claim(dir); !errors.Is(err, ErrRunning) {
		t.Fatalf("a claim after the take-over: %v; want ErrRunning", err)
	}
	got := make(chan []string, 1)
	if err := p.Serve(func(files []string) { got <- files }); err != nil {
		t.Fatal(err)
	}
	old.Close() // the process left behind ends at last
	if _, err := Claim(dir); !errors.Is(err, ErrRunning) {
		t.Fatalf("the old holder's end freed the new claim: %v", err)
	}
	q, outcome, err := Open(dir, []string{"b.csv"}, time.Second)
	if outcome != Handed || q != nil || err != nil {
		t.Fatalf("a later start: %v, %v; want the files handed to the new window", outcome, err)
	}
	if files := <-got; len(files) != 1 || filepath.Base(files[0]) != "b.csv" {
		t.Errorf("the new window got %q", files)
	}
}

// With no window open, Open claims it; with one that answers, it hands the files over.
func TestOpenClaimsOrHands(t *testing.T) {
	dir := t.TempDir()
	p, outcome, err := Open(dir, nil, time.Second)
	if err != nil || outcome != Claimed || p == nil {
		t.Fatalf("Open with no window: %v, %v", outcome, err)
	}
	defer p.Close()
	got := make(chan []string, 1)
	if err := p.Serve(func(files []string) { got <- files }); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if q, outcome, err := Open(dir, []string{"teams.csv"}, 5*time.Second); err != nil || outcome != Handed || q != nil {
		t.Fatalf("Open with a window: %v, %v", outcome, err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("handing over took %s", took)
	}
	if files := <-got; len(files) != 1 || filepath.Base(files[0]) != "teams.csv" {
		t.Errorf("the window got %q", files)
	}
}
