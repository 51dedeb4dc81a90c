package sandbox

import (
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
)

// reported are the violations the package's sandboxes reported (sandboxtest does the
// same for the other packages; this one cannot import it).
var reported struct {
	mu   sync.Mutex
	list []Violation
}

// TestMain checks the spec in every sandbox the tests start and fails the package on a
// violation its tests did not expect.
func TestMain(m *testing.M) {
	Harness = func(o *Options) {
		o.CheckSpec = true
		next := o.OnViolation
		o.OnViolation = func(v Violation) {
			reported.mu.Lock()
			reported.list = append(reported.list, v)
			reported.mu.Unlock()
			if next != nil {
				next(v)
			}
		}
	}
	code := m.Run()
	if len(reported.list) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: the sandbox recorded %d spec violations:\n", len(reported.list))
		for _, v := range reported.list {
			fmt.Fprintln(os.Stderr, "  "+v.String())
		}
		code = max(code, 1)
	}
	os.Exit(code)
}

// forgetReported takes vs out of the reported violations: a test caused them on purpose.
func forgetReported(vs []Violation) {
	reported.mu.Lock()
	defer reported.mu.Unlock()
	reported.list = slices.DeleteFunc(reported.list, func(v Violation) bool { return slices.Contains(vs, v) })
}

// wasReported reports whether v reached the package's TestMain.
func wasReported(v Violation) bool {
	reported.mu.Lock()
	defer reported.mu.Unlock()
	return slices.Contains(reported.list, v)
}
