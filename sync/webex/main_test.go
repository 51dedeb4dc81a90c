package webex_test

import (
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
)

// TestMain fails the package when a sandbox saw a request outside Cisco's spec.
func TestMain(m *testing.M) { sandboxtest.Main(m) }
