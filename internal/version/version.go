// Package version tells which release of Bulkops this binary is. The Makefile sets it at
// link time from `git describe --tags --always --dirty`:
//
//	go build -ldflags "-X github.com/bulkops/bulkops/internal/version.Version=v1.2.0" ./cmd/bulkops
//
// It is shown by `bulkops --version`, in the window's About dialog and in the User-Agent
// of every API call, so that a log line or a support request names the build exactly.
package version

import (
	"runtime"
	"runtime/debug"
)

// Version is set with -ldflags -X; empty when the binary was built without it.
var Version string

// String returns the version: the one set at link time, else the module version Go
// recorded (go install …@v1.2.0), else "dev".
func String() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Platform names the operating system and processor the binary was built for, as in
// "linux; amd64".
func Platform() string { return runtime.GOOS + "; " + runtime.GOARCH }

// UserAgent is the User-Agent header Bulkops sends: Bulkops/VERSION (os; arch).
func UserAgent() string { return "Bulkops/" + String() + " (" + Platform() + ")" }
