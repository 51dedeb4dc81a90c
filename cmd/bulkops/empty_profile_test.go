package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --profile empty is a second embedded organization beside the demo one: it starts
// without the demo's sites, and the demo's multimedia profiles and sites, exported and
// submitted to it, export back from it as they are in the demo organization.
func TestCopyIntoTheEmptySandbox(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLIWith(t, func(string, ...string) error { return nil }, args...)
		if code != 0 {
			t.Fatalf("bulkops %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
		}
		return out
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	run("export", "--object", "site", "-o", filepath.Join(dir, "empty-before.csv"), "--profile", "empty")
	if lines := strings.Count(read("empty-before.csv"), "\n"); lines != 1 {
		t.Fatalf("the empty organization has %d site rows:\n%s", lines-1, read("empty-before.csv"))
	}
	for _, key := range []string{"multimedia_profile", "site"} {
		run("export", "--object", key, "-o", filepath.Join(dir, key+".csv"))
		run("submit", filepath.Join(dir, key+".csv"), "--profile", "empty", "--wait", "--yes", "--quiet") // exit 0: completed
	}
	out := run("export", "--object", "site", "-o", filepath.Join(dir, "copy.csv"), "--profile", "empty")
	if !strings.Contains(out, "Empty sandbox (embedded)") {
		t.Errorf("export from the empty sandbox says %q", out)
	}
	if got, want := read("copy.csv"), read("site.csv"); got != want || strings.Count(want, "\n") < 3 {
		t.Errorf("the copy's sites:\n%s\nthe demo's:\n%s", got, want)
	}
}
