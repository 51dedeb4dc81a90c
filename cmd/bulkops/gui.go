//go:build !nogui

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

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
	w, err := openWindow(app.NewWithID(appID), windowOptions{view: *view, files: files})
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
	w.shell.Window().ShowAndRun()
	g.done()
	return 0
}

// exitGuard is the guard that ends the window's process (see exitGuard): as quitting
// begins the claim stops taking files; at the end the drafts are written (a SIGTERM
// does not go through the window's quit), the jobs stop, the store closes, the claim
// goes. Once the main loop has ended nothing else touches the window.
func (w *window) exitGuard(claim *single.Primary, stderr io.Writer) *exitGuard {
	g := newExitGuard(func() {
		w.shell.SaveDrafts()
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
