package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary stand in for bulkops in a child process (a runner that
// submit starts in the background): with BULKOPS_TEST_AS_BULKOPS=1 it runs the command.
func TestMain(m *testing.M) {
	if os.Getenv("BULKOPS_TEST_AS_BULKOPS") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
