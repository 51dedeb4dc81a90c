//go:build !nogui && (linux || freebsd || openbsd || netbsd || dragonfly)

package main

import (
	"os"

	"github.com/bulkops/bulkops/internal/i18n"
)

// noDisplay says why the window cannot open here: on X11 and Wayland a window needs
// DISPLAY or WAYLAND_DISPLAY, and without them GLFW ends the process in a panic.
func noDisplay() error {
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return i18n.Errorf("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); run bulkops help for the commands, which need none")
}
