package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// bulkops submit of a whole-organization workbook into the empty sandbox makes one job:
// bulkops jobs lists one row, bulkops job shows its steps, one per type, in order.
func TestSubmitWorkbookAsOneJob(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	book := filepath.Join(t.TempDir(), "org.xlsx")
	run := func(args ...string) (int, string, string) {
		t.Helper()
		return runCLIWith(t, func(string, ...string) error { return nil }, args...)
	}
	if code, out, errs := run("export", "--all", "-o", book, "--quiet"); code != 0 {
		t.Fatal(code, out, errs)
	}
	code, out, errs := run("submit", book, "--profile", "empty", "--wait", "--yes")
	if code != 1 { // completed with errors: the users the empty organization lacks
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "not copyable into") || !strings.Contains(errs, "Workbook: 23 types") {
		t.Errorf("the submit says:\n%s", errs)
	}
	id := strings.TrimSpace(out)
	_, list, _ := run("jobs")
	if n := strings.Count(list, "BO-"); n != 1 || !strings.Contains(list, id) {
		t.Errorf("bulkops jobs lists %d jobs:\n%s", n, list)
	}
	_, detail, _ := run("job", id)
	if !strings.Contains(detail, "1. Multimedia Profiles") || !strings.Contains(detail, "10. Site") || !strings.Contains(detail, "23. User") {
		t.Errorf("bulkops job %s:\n%s", id, detail)
	}
}
