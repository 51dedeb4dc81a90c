package single

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Outcome is what Open did.
type Outcome int

const (
	// Claimed: this process has the window; no other was open.
	Claimed Outcome = iota
	// Handed: the open window took the files; this process opens nothing.
	Handed
	// TookOver: a process held the window's claim but did not answer (one left behind
	// whose window is gone, or one hung); this process has the claim now.
	TookOver
)

// Open is how a start of the window begins: it claims the window of dir, or hands files
// to the window open already. A holder of the claim that does not answer within wait
// loses it: Open takes the claim over, so that a process left behind without a window
// cannot keep every later start from opening one. The error of a hand-over that failed
// is returned with TookOver, for the caller to say why.
func Open(dir string, files []string, wait time.Duration) (*Primary, Outcome, error) {
	abs, err := absolute(files)
	if err != nil {
		return nil, Claimed, err
	}
	deadline := time.Now().Add(wait)
	var held os.FileInfo // the lock file the unanswering holder locked
	for {
		p, err := Claim(dir)
		if err == nil {
			return p, Claimed, nil
		}
		if !errors.Is(err, ErrRunning) {
			return nil, Claimed, err
		}
		if held == nil {
			held, _ = os.Stat(filepath.Join(dir, lockFile))
		}
		herr := hand(dir, abs, replyWait(deadline))
		if herr == nil {
			return nil, Handed, nil
		}
		if time.Now().After(deadline) {
			p, err := takeOver(dir, held)
			if err != nil {
				return nil, TookOver, fmt.Errorf("the open window did not answer (%v), and its claim could not be taken: %w", herr, err)
			}
			return p, TookOver, herr
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// takeOver removes the lock file the silent holder has locked, and claims a new one:
// the holder keeps its lock on a file no start will look at again. Where an open file
// cannot be removed (Windows), the claim cannot be taken. A lock file that is no longer
// the one held (another start took it over meanwhile) is left alone.
func takeOver(dir string, held os.FileInfo) (*Primary, error) {
	path := filepath.Join(dir, lockFile)
	cur, err := os.Stat(path)
	if err != nil || held == nil || !os.SameFile(cur, held) {
		return nil, ErrRunning
	}
	if err := os.Remove(path); err != nil {
		return nil, err
	}
	return Claim(dir)
}
