// Package datadir locates Bulkops' data directory: $BULKOPS_HOME, else the OS user
// configuration directory + /bulkops. The job store, the embedded sandbox's state,
// connection profiles and drafts live there; secrets never do (they go to the keyring).
package datadir

import (
	"fmt"
	"os"
	"path/filepath"
)

// Path returns the data directory, creating it (mode 0700) when missing.
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
