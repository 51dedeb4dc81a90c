// Package single keeps one window per user and data directory. The first `bulkops` to
// open a window takes a lock in the data directory and listens on a loopback port,
// written with a secret beside the lock; a later one finds the lock held and hands its
// files to the first instead of opening a second window, which would offer the same
// drafts and could discard the files the first one still uses.
package single

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
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
	ln   net.Listener
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
	if err := atomicfile.WriteBytes(filepath.Join(p.dir, addrFile), 0o600, []byte(ln.Addr().String()+"\n"+key+"\n")); err != nil {
		ln.Close()
		return err
	}
	p.ln = ln
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

// Close stops listening and lets the next start have the window.
func (p *Primary) Close() {
	if p.ln != nil {
		p.ln.Close()
		os.Remove(filepath.Join(p.dir, addrFile))
	}
	p.lock.Unlock()
}

// Hand gives files to the open window of dir (made absolute: the window's working
// directory is another), waiting up to wait for a window that is still starting.
func Hand(dir string, files []string, wait time.Duration) error {
	abs := make([]string, 0, len(files))
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return err
		}
		abs = append(abs, a)
	}
	deadline := time.Now().Add(wait)
	for {
		err := hand(dir, abs)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func hand(dir string, files []string) error {
	data, err := os.ReadFile(filepath.Join(dir, addrFile))
	if err != nil {
		return err
	}
	addr, key, ok := strings.Cut(strings.TrimSpace(string(data)), "\n")
	if !ok {
		return fmt.Errorf("%s: no secret", addrFile)
	}
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if err := json.NewEncoder(c).Encode(request{Secret: key, Files: files}); err != nil {
		return err
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if strings.TrimSpace(reply) != "ok" {
		return fmt.Errorf("the open window did not take the files: %v", err)
	}
	return nil
}
