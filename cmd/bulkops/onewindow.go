//go:build !nogui

package main

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/internal/single"
)

// oneWindow claims the one window of the data directory. When a window is open already,
// the files go to it and handed is true: this start opens nothing. A window that holds
// the claim but does not answer loses it to this start, which says so. claim is nil
// when the data directory cannot be locked (the window then opens without the hand-over).
func oneWindow(files []string, stderr io.Writer) (claim *single.Primary, handed bool) {
	dir, err := datadir.Path()
	if err != nil {
		return nil, false
	}
	claim, outcome, err := single.Open(dir, files, 5*time.Second)
	switch {
	case outcome == single.Handed:
		if len(files) > 0 {
			fmt.Fprintln(stderr, say("bulkops: opened in the Bulkops window already open"))
		}
		return nil, true
	case outcome == single.TookOver && claim != nil:
		fmt.Fprintln(stderr, "bulkops:", say("a Bulkops process holds the window but did not answer (%s); opening a window here instead", sayErr(err)))
		return claim, false
	case outcome == single.TookOver:
		fmt.Fprintln(stderr, "bulkops:", say("a Bulkops window is open but did not answer: %v", sayErr(err)))
		return nil, true
	case err != nil:
		fyne.LogError("one window", err)
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
