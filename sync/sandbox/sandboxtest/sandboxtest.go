// Package sandboxtest makes a test binary fail when any sandbox it started saw a request
// that Cisco's spec does not allow or gave a response the spec does not describe. Every
// package whose tests talk to a sandbox has a one-line TestMain calling Main.
package sandboxtest

import (
	"os"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Main runs the tests, then fails the binary, listing them, if sandboxes recorded spec
// violations (sandbox.SpecViolations).
func Main(m *testing.M) {
	code := m.Run()
	if sandbox.ReportViolations(os.Stderr) {
		code = max(code, 1)
	}
	os.Exit(code)
}
