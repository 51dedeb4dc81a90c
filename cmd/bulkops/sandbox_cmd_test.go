package main

import (
	"bytes"
	"testing"
)

// `bulkops sandbox` parses its flags here, not in the library: bad ones are exit 2 with
// a message, -h lists them, --check-spec turns the spec check on.
func TestSandboxFlags(t *testing.T) {
	for _, args := range [][]string{{"--seed", "full"}, {"--faults", "500=3"}, {"--rate", "-1"}, {"--nope"}, {"extra"}} {
		var out, errOut bytes.Buffer
		if c := runSandbox(args, &out, &errOut); c != 2 || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, c, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if c := runSandbox([]string{"-h"}, &out, &errOut); c != 0 || !bytes.Contains(errOut.Bytes(), []byte("-check-spec")) {
		t.Errorf("-h: exit %d, %q", c, errOut.String())
	}
	opt, err := sandboxOptions([]string{"--check-spec", "--rate", "0", "--seed", "empty", "--strictest"}, &errOut)
	if err != nil || !opt.CheckSpec || opt.Rate != 0 || opt.Seed != "empty" || opt.WorkItemFeature ||
		!opt.Unverified.EntryIDWall || !opt.Unverified.QueueNeedsDefaultMusic {
		t.Errorf("options %+v %v", opt, err)
	}
}
