//go:build !nogui

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/bulkops/bulkops/internal/single"
)

// edition is what --version adds to the version: nothing, this build has the window.
const edition = ""

// appID is the application's id, as in FyneApp.toml: preferences are kept under it.
const appID = "io.bulkops.desktop"

// startGUI opens the window and returns when it closes. args are the window's own:
// --view NAME picks what it shows first (sheets, jobs, job:last, job:BO-…, connections),
// and files are opened as if dropped on it.
func startGUI(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("bulkops", flag.ContinueOnError)
	view := fs.String("view", "", say("what to show first: sheets, jobs, job:last, job:ID or connections"))
	files, ok := parseFlags(fs, args, stderr)
	if !ok {
		return 2
	}
	if err := checkView(*view); err != nil {
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		return 2
	}
	if err := noDisplay(); err != nil {
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		return 2
	}
	claim, handed := oneWindow(files, stderr)
	if handed {
		return 0
	}
	a := app.NewWithID(appID)
	w, err := openWindow(a, windowOptions{view: *view, files: files})
	if err != nil {
		if claim != nil {
			claim.Close()
		}
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		return 1
	}
	w.serveOthers(claim)
	g := w.exitGuard(claim, stderr)
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	go g.watch(sig)
	w.shell.Window().SetOnClosed(g.quit)
	keepTypedOnTerm(a, w)
	w.shell.Window().ShowAndRun()
	g.done()
	return 0
}

// exitGuard is the guard that ends the window's process (see exitGuard): as quitting
// begins the claim stops taking files; at the end the drafts are written (a SIGTERM
// does not go through the window's quit), the jobs stop, the store closes, the claim
// goes. The main loop has ended by then: no widget is touched.
func (w *window) exitGuard(claim *single.Primary, stderr io.Writer) *exitGuard {
	g := newExitGuard(func() {
		w.shell.SaveDrafts(false)
		w.close()
		if claim != nil {
			claim.Close()
		}
	}, stderr)
	if claim != nil {
		g.quitting = claim.Stop
	}
	return g
}

// keepTypedOnTerm keeps the cell being typed in as a draft when a signal ends the
// window. Fyne's own answer to SIGTERM quits the app, telling it first that it leaves the
// foreground, on the UI goroutine while the window is alive: the one moment the edit can
// be committed (the release after the loop writes the drafts, but must touch no widget).
// The signal is seen on a channel of its own, filled by the runtime before Fyne's
// handler can run; a focus lost with no signal pending does nothing.
func keepTypedOnTerm(a fyne.App, w *window) {
	term := make(chan os.Signal, 1)
	signal.Notify(term, os.Interrupt, syscall.SIGTERM)
	a.Lifecycle().SetOnExitedForeground(func() {
		select {
		case <-term:
			w.shell.SaveDrafts(true)
		default:
		}
	})
}
