package main

import (
	"strings"
	"testing"
)

// `bulkops sandbox` parses its flags here, not in the library: bad ones are exit 2 with
// a message, -h lists them on stdout, --check-spec turns the spec check on.
func TestSandboxFlags(t *testing.T) {
	for _, args := range [][]string{{"--seed", "full"}, {"--faults", "500=3"}, {"--rate", "-1"}, {"--nope"}, {"extra"}} {
		code, _, errs := runCLI(t, append([]string{"sandbox"}, args...)...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	if code, out, _ := runCLI(t, "sandbox", "-h"); code != 0 || !strings.Contains(out, "--check-spec") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
	opt, err := sandboxOptions(sandboxFlags{check: true, rate: 0, seed: "empty", strictest: true})
	if err != nil || !opt.CheckSpec || opt.Rate != 0 || opt.Seed != "empty" || opt.WorkItemFeature ||
		!opt.Unverified.EntryIDWall || !opt.Unverified.QueueNeedsDefaultMusic {
		t.Errorf("options %+v %v", opt, err)
	}
}
