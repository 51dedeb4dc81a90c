package sandbox

import (
	"os"
	"testing"
)

// TestMain fails the package on a spec violation its tests did not expect
// (sandboxtest.Main, which this package cannot import, does the same for the others).
func TestMain(m *testing.M) {
	code := m.Run()
	if ReportViolations(os.Stderr) {
		code = max(code, 1)
	}
	os.Exit(code)
}
