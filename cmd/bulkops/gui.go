package main

import (
	"fyne.io/fyne/v2/app"

	"github.com/bulkops/bulkops/ui"
)

// startGUI opens the window and runs until it is closed. This is the one place that
// creates the Fyne app; the window itself is built by package ui.
func startGUI() int {
	a := app.NewWithID("io.bulkops.desktop")
	ui.New(a, ui.Options{}).Window().ShowAndRun()
	return 0
}
