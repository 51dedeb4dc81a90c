// Package single keeps one window per user and data directory. The first `bulkops` to
// open a window takes a lock in the data directory and listens on a loopback port,
// written with a secret beside the lock; a later one finds the lock held and hands its
// files to the first instead of opening a second window, which would offer the same
// drafts and could discard the files the first one still uses. A holder of the lock
// that does not answer (a process left behind whose window is gone) loses it to the next
// start (see Open).
package single

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/flock"
)

// The files in the data directory: the lock the window holds while it is open, and
// where it listens, with the secret a request must carry.
const (
	lockFile = "window.lock"
	addrFile = "window.addr"
)

// ErrRunning is returned by Claim when a window of the data directory is open.
var ErrRunning = errors.New("a Bulkops window is already open")

// Primary is the claim of the one window: its lock, and once it serves, its listener.
type Primary struct {
	dir  string
	lock *flock.Lock
	mu   sync.Mutex // over ln: Stop may come from a signal's goroutine as the window ends
	ln   net.Listener
	addr []byte // what Serve wrote to addrFile: a later primary may have written its own
}

// request is what a later start sends: the files to open (absolute paths; none only
// brings the window to the front).
type request struct {
	Secret string   `json:"secret"`
	Files  []string `json:"files"`
}

// Claim takes the window lock of dir; ErrRunning when another process holds it.
func Claim(dir string) (*Primary, error) {
	l, err := flock.TryLock(filepath.Join(dir, lockFile))
	if errors.Is(err, flock.ErrLocked) {
		return nil, ErrRunning
	}
	if err != nil {
		return nil, err
	}
	return &Primary{dir: dir, lock: l}, nil
}

// Serve listens for later starts, and calls open (on its own goroutine) with the files
// each hands over.
func (p *Primary) Serve(open func(files []string)) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		ln.Close()
		return err
	}
	key := hex.EncodeToString(secret)
	p.addr = []byte(ln.Addr().String() + "\n" + key + "\n")
	if err := atomicfile.WriteBytes(filepath.Join(p.dir, addrFile), 0o600, p.addr); err != nil {
		ln.Close()
		return err
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return // closed
			}
			go answer(c, key, open)
		}
	}()
	return nil
}

// answer takes one request: a wrong secret gets nothing.
func answer(c net.Conn, key string, open func([]string)) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	var r request
	if err := json.NewDecoder(bufio.NewReader(c)).Decode(&r); err != nil || r.Secret != key {
		return
	}
	open(r.Files)
	fmt.Fprintln(c, "ok")
}

// Stop stops listening: a window that is going away takes no more files, and later
// starts wait for its claim to end instead. The address is removed only while it is
// still this window's (a start that took the claim over has written its own).
func (p *Primary) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln == nil {
		return
	}
	p.ln.Close()
	p.ln = nil
	path := filepath.Join(p.dir, addrFile)
	if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, p.addr) {
		os.Remove(path)
	}
}

// Close stops listening and lets the next start have the window.
func (p *Primary) Close() {
	p.Stop()
	p.lock.Unlock()
}

// Hand gives files to the open window of dir (made absolute: the window's working
// directory is another), waiting up to wait for a window that is still starting.
func Hand(dir string, files []string, wait time.Duration) error {
	abs, err := absolute(files)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(wait)
	for {
		err := hand(dir, abs, replyWait(deadline))
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// absolute is files made absolute.
func absolute(files []string) ([]string, error) {
	abs := make([]string, 0, len(files))
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		abs = append(abs, a)
	}
	return abs, nil
}

// replyWait is how long one hand-over waits for the window's answer: an open window
// answers at once, so at most two seconds, and no longer than what is left of the wait.
func replyWait(deadline time.Time) time.Duration {
	return min(2*time.Second, max(200*time.Millisecond, time.Until(deadline)))
}

// hand sends files to the window whose address is in dir and waits up to reply for
// its answer.
func hand(dir string, files []string, reply time.Duration) error {
	data, err := os.ReadFile(filepath.Join(dir, addrFile))
	if err != nil {
		return err
	}
	addr, key, ok := strings.Cut(strings.TrimSpace(string(data)), "\n")
	if !ok {
		return fmt.Errorf("%s: no secret", addrFile)
	}
	c, err := net.DialTimeout("tcp", addr, reply)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(reply))
	if err := json.NewEncoder(c).Encode(request{Secret: key, Files: files}); err != nil {
		return err
	}
	got, err := bufio.NewReader(c).ReadString('\n')
	if strings.TrimSpace(got) != "ok" {
		return fmt.Errorf("the open window did not take the files: %v", err)
	}
	return nil
}
