//go:build !nogui

package main

import (
	"flag"
	"fmt"
	"io"

	"fyne.io/fyne/v2/app"
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
	if claim != nil {
		defer claim.Close()
	}
	w, err := openWindow(app.NewWithID(appID), windowOptions{view: *view, files: files})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		return 1
	}
	w.serveOthers(claim)
	w.shell.Window().ShowAndRun()
	w.close()
	return 0
}
