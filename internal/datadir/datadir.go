// Package datadir locates Bulkops' data directory: $BULKOPS_HOME, else the OS user
// configuration directory + /bulkops. The job store, the embedded sandbox's state,
// connection profiles and drafts live there; secrets never do (they go to the keyring).
// The directory and everything in it is the user's alone: 0700 and 0600 on Unix.
package datadir

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Path returns the data directory, creating it (mode 0700) when missing. The first call
// of a process also takes away any access of group and others found in it (see Secure).
func Path() (string, error) {
	dir := os.Getenv("BULKOPS_HOME")
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no data directory: set BULKOPS_HOME (%w)", err)
		}
		dir = filepath.Join(base, "bulkops")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("data directory %s: %w", dir, err)
	}
	if err := secureOnce(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// File returns the path of name inside the data directory.
func File(name string) (string, error) {
	dir, err := Path()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

var (
	securedMu sync.Mutex
	secured   = map[string]bool{}
)

// secureOnce runs Secure on dir the first time this process uses it: files created
// afterwards are created private, so once a run is enough.
func secureOnce(dir string) error {
	securedMu.Lock()
	defer securedMu.Unlock()
	if secured[dir] {
		return nil
	}
	if err := Secure(dir); err != nil {
		return err
	}
	secured[dir] = true
	return nil
}
