//go:build !nogui

package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/internal/single"
)

// oneWindow claims the one window of the data directory. When a window is open already,
// the files go to it and handed is true: this start opens nothing. claim is nil when the
// data directory cannot be locked (the window then opens without the hand-over).
func oneWindow(files []string, stderr io.Writer) (claim *single.Primary, handed bool) {
	dir, err := datadir.Path()
	if err != nil {
		return nil, false
	}
	claim, err = single.Claim(dir)
	if errors.Is(err, single.ErrRunning) {
		if err := single.Hand(dir, files, 5*time.Second); err != nil {
			fmt.Fprintln(stderr, "bulkops:", say("a Bulkops window is open but did not answer: %v", sayErr(err)))
			return nil, true
		}
		if len(files) > 0 {
			fmt.Fprintln(stderr, say("bulkops: opened in the Bulkops window already open"))
		}
		return nil, true
	}
	if err != nil {
		fyne.LogError("one window", err)
		return nil, false
	}
	return claim, false
}

// serveOthers opens the files later starts hand over, and brings the window to the front.
func (w *window) serveOthers(claim *single.Primary) {
	if claim == nil {
		return
	}
	err := claim.Serve(func(files []string) {
		fyne.Do(func() {
			w.shell.OpenFiles(files)
			w.shell.Window().RequestFocus()
		})
	})
	if err != nil {
		fyne.LogError("one window", err)
	}
}
