package main

import (
	"os"
	"runtime"
	"strconv"
)

// restoreGOMAXPROCS undoes what a library's init does to GOMAXPROCS: the software
// painter Fyne links (github.com/anthonynsimon/bild) sets it to the machine's CPU count,
// over the GOMAXPROCS a user set and over the runtime's own default, which follows a
// container's CPU quota. A user's setting wins, as the runtime means it to; else the
// runtime's default.
func restoreGOMAXPROCS() {
	if n, err := strconv.Atoi(os.Getenv("GOMAXPROCS")); err == nil && n > 0 {
		runtime.GOMAXPROCS(n)
		return
	}
	runtime.SetDefaultGOMAXPROCS()
}
