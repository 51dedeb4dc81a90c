//go:build nogui

package main

import (
	"bytes"
	"strings"
	"testing"
)

// bulkops-cli with no command, a --view or a file says it has no window.
func TestNoWindowInTheCLIBuild(t *testing.T) {
	for _, args := range [][]string{nil, {"--view", "jobs"}, {"nogui_test.go"}} {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != 2 || !strings.Contains(errs.String(), "this build has no window") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs.String())
		}
	}
}
