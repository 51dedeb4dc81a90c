// Package sandboxtest makes a test binary fail when any sandbox it started saw a request
// that Cisco's spec does not allow or gave a response the spec does not describe. Every
// package whose tests talk to a sandbox has a one-line TestMain calling Main.
package sandboxtest

import (
	"os"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Main runs the tests and exits: with failure, listing them, if sandboxes recorded spec
// violations (sandbox.SpecViolations). A TestMain of one line: sandboxtest.Main(m).
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main for a TestMain that does more: it runs the tests and returns the exit code,
// 1 at least when there were spec violations.
func Run(m *testing.M) int {
	code := m.Run()
	if sandbox.ReportViolations(os.Stderr) {
		code = max(code, 1)
	}
	return code
}
