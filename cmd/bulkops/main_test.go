package main

import (
	"os"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
)

// TestMain lets the test binary stand in for bulkops in a child process (a runner that
// submit starts in the background): with BULKOPS_TEST_AS_BULKOPS=1 it runs the command.
// Otherwise it runs the tests and fails the package when a sandbox saw a request outside
// Cisco's spec.
func TestMain(m *testing.M) {
	if os.Getenv("BULKOPS_TEST_AS_BULKOPS") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Setenv("BULKOPS_LANG", "en") // the tests read English output whatever the machine's locale
	os.Exit(sandboxtest.Run(m))
}
