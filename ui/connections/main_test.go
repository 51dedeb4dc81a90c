package connections

import (
	"errors"
	"os"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/zalando/go-keyring"
)

// TestMain makes the OS keyring unavailable for these tests, as on a machine without a
// secret service: nothing touches the real keyring, and secrets stay in memory.
func TestMain(m *testing.M) {
	keyring.MockInitWithError(errors.New("no secret service in the tests"))
	os.Exit(sandboxtest.Run(m)) // and fail on a request outside Cisco's spec
}
