//go:build nogui

package main

import (
	"fmt"
	"io"
)

// This is bulkops-cli: the commands without the window, built with CGO off and without
// Fyne, so that it starts where there is no display and no OpenGL or X11 library (a
// server, CI, an SSH session). The window is in the full bulkops.

// edition is what --version adds to the version.
const edition = ", command line only"

// startGUI says that this build has no window.
func startGUI(args []string, stderr io.Writer) int {
	fmt.Fprintln(stderr, "bulkops:", say("this build has no window (bulkops-cli, the command line only); "+
		"use the full bulkops to open it, or run bulkops help for the commands"))
	return 2
}
