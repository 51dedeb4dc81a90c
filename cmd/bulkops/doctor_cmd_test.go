package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bulkops doctor against the embedded sandbox: a line per check, all ok, a summary, a
// report file with the same lines and what was checked, and nothing written to the
// organization (its objects are as before).
func TestDoctorAgainstEmbeddedSandbox(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	run := func(args ...string) (int, string, string) {
		return runCLIWith(t, func(string, ...string) error { return nil }, args...)
	}
	dir := t.TempDir()
	if code, _, errs := run("export", "--object", "site", "-o", filepath.Join(dir, "before.csv")); code != 0 {
		t.Fatal(errs)
	}
	report := filepath.Join(t.TempDir(), "doctor.txt")
	code, out, errs := run("doctor", "--report", report)
	if code != 0 || strings.Contains(out, "\nFAIL  ") || strings.Contains(out, "\nwarn  ") {
		t.Fatalf("doctor: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"checking Sandbox (embedded)", "ok    API host 127.0.0.1:", "ok    organization Bulkops Sandbox",
		"ok    queue: list v2/contact-service-queue", " checks: ", " 0 warnings, 0 failed", "report written to " + report} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	got, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	text := string(got)
	if !strings.HasPrefix(text, "Bulkops doctor report\n") || !strings.Contains(text, "ok    site: read site/") ||
		!strings.Contains(text, "organization: ") || strings.Contains(strings.ToLower(text), "bearer") {
		t.Errorf("report:\n%s", text)
	}
	run("export", "--object", "site", "-o", filepath.Join(dir, "after.csv"))
	before, _ := os.ReadFile(filepath.Join(dir, "before.csv"))
	after, _ := os.ReadFile(filepath.Join(dir, "after.csv"))
	if len(before) == 0 || string(before) != string(after) {
		t.Errorf("the organization's sites changed:\n%s\nthen\n%s", before, after)
	}
}
