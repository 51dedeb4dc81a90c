package main

import (
	"bytes"
	"testing"

	"github.com/bulkops/bulkops/internal/version"
)

// --version prints the version the Makefile linked in, and the platform.
func TestVersion(t *testing.T) {
	defer func(v string) { version.Version = v }(version.Version)
	version.Version = "v1.2.0-3-gabcdef0"
	for _, arg := range []string{"--version", "version"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, &out, &errs); code != 0 {
			t.Fatalf("%s: exit %d, stderr %q", arg, code, errs.String())
		}
		want := "bulkops v1.2.0-3-gabcdef0 (" + version.Platform() + ")" + edition + "\n"
		if out.String() != want {
			t.Errorf("%s printed %q, want %q", arg, out.String(), want)
		}
	}
}
