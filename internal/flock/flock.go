// Package flock takes advisory locks on files that the operating system releases when
// the holding process ends, however it ends. Bulkops uses them to tell a job that is
// being run by a live process from one left behind by a crash, and to elect the process
// that hosts the embedded sandbox.
package flock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrLocked is returned by TryLock when another process (or another Lock in this one)
// holds the lock.
var ErrLocked = errors.New("locked by another process")

// Lock is a held lock. Release it with Unlock; if the process dies, the system does.
type Lock struct {
	f    *os.File
	path string
}

// TryLock takes the lock on path without waiting, creating the file (and its directory)
// when missing. It returns ErrLocked (wrapped, with the path) when the lock is held.
func TryLock(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("lock %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return &Lock{f: f, path: path}, nil
}

// Path is the lock file.
func (l *Lock) Path() string { return l.path }

// Unlock releases the lock. The file stays, so that the next TryLock does not race
// with a removal.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
