// Package sandboxtest makes a test binary fail when any sandbox it started saw a request
// that Cisco's spec does not allow or gave a response the spec does not describe. Every
// package whose tests talk to a sandbox has a one-line TestMain calling Main.
package sandboxtest

import (
	"fmt"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Main runs the tests and exits: with failure, listing them, if sandboxes recorded spec
// violations. A TestMain of one line: sandboxtest.Main(m).
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main for a TestMain that does more: it runs the tests with every sandbox they
// start checking the spec (sandbox.Harness), and returns the exit code, 1 at least when
// there were spec violations.
func Run(m *testing.M) int {
	var c Collector
	sandbox.Harness = c.Harness
	code := m.Run()
	if c.Report(os.Stderr) {
		code = max(code, 1)
	}
	return code
}

// Collector gathers the violations of the sandboxes whose Options it adjusted.
type Collector struct {
	mu   sync.Mutex
	list []sandbox.Violation
}

// Harness turns the spec check on in o and has its violations collected (a
// sandbox.Harness).
func (c *Collector) Harness(o *sandbox.Options) {
	o.CheckSpec = true
	next := o.OnViolation
	o.OnViolation = func(v sandbox.Violation) {
		c.mu.Lock()
		c.list = append(c.list, v)
		c.mu.Unlock()
		if next != nil {
			next(v)
		}
	}
}

// Forget drops vs from the collected violations: those a test caused on purpose.
func (c *Collector) Forget(vs []sandbox.Violation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	kept := c.list[:0]
	for _, v := range c.list {
		if !contains(vs, v) {
			kept = append(kept, v)
		}
	}
	c.list = kept
}

// Violations returns what was collected so far.
func (c *Collector) Violations() []sandbox.Violation {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]sandbox.Violation(nil), c.list...)
}

// Report writes the collected violations to w and reports whether there were any.
func (c *Collector) Report(w io.Writer) bool {
	vs := c.Violations()
	if len(vs) == 0 {
		return false
	}
	fmt.Fprintf(w, "FAIL: the sandbox recorded %d spec violations:\n", len(vs))
	for _, v := range vs {
		fmt.Fprintln(w, "  "+v.String())
	}
	return true
}

func contains(vs []sandbox.Violation, v sandbox.Violation) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}
