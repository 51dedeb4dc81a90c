package version

import (
	"runtime"
	"testing"
)

// A test binary is built without -X and without a module version: "dev".
func TestStringFallsBackToDev(t *testing.T) {
	if Version != "" {
		t.Skip("built with -X version.Version")
	}
	if got := String(); got != "dev" {
		t.Errorf("String() = %q, want dev", got)
	}
}

func TestUserAgentNamesVersionAndPlatform(t *testing.T) {
	defer func(v string) { Version = v }(Version)
	Version = "v1.2.0-3-gabcdef0-dirty"
	want := "Bulkops/v1.2.0-3-gabcdef0-dirty (" + runtime.GOOS + "; " + runtime.GOARCH + ")"
	if got := UserAgent(); got != want {
		t.Errorf("UserAgent() = %q, want %q", got, want)
	}
}
