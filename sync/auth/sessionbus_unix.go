//go:build (dragonfly && cgo) || (freebsd && cgo) || linux || netbsd || openbsd

package auth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// findSessionBus reports, without starting anything, whether a D-Bus session bus runs
// for this user, which the Secret Service keyring is reached through. The D-Bus library
// the keyring library uses would otherwise "autolaunch" one with dbus-launch when
// DBUS_SESSION_BUS_ADDRESS is not set, and the dbus-daemon it starts (and the keyring
// daemon that bus then activates) would outlive every command: a pair left behind per
// run. No bus means no keyring, with the usual warning.
//
// A bus found at $XDG_RUNTIME_DIR/bus, which the library does not look at itself, is
// given to it through DBUS_SESSION_BUS_ADDRESS.
func findSessionBus() error {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return nil
	}
	var dirs []string
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		dirs = append(dirs, d)
	}
	dirs = append(dirs, fmt.Sprintf("/run/user/%d", os.Getuid()))
	for _, d := range dirs {
		bus := filepath.Join(d, "bus")
		if fi, err := os.Stat(bus); err == nil && fi.Mode().Type() == os.ModeSocket {
			return os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+escapeBusPath(bus))
		}
	}
	return i18n.Errorf("no D-Bus session is running: DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus; " +
		"Bulkops does not start one, as it would outlive the command")
}

// escapeBusPath escapes a socket path as a D-Bus address value: bytes outside
// [-0-9A-Za-z_/.\] as %XX.
func escapeBusPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '-' || c == '_' || c == '/' || c == '.' || c == '\\' ||
			'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}
