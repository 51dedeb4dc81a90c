package connections

import (
	"errors"
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestMain makes the OS keyring unavailable for these tests, as on a machine without a
// secret service: nothing touches the real keyring, and secrets stay in memory.
func TestMain(m *testing.M) {
	keyring.MockInitWithError(errors.New("no secret service in the tests"))
	os.Exit(m.Run())
}
