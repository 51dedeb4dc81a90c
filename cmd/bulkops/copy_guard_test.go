package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An export of one type to .xlsx records its organization as export --all does: plan
// into another organization names both, submit without --yes and a terminal refuses the
// copy, and into its own organization neither says a word of a copy.
func TestSingleTypeExportGuardsACopy(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	book := filepath.Join(t.TempDir(), "teams.xlsx")
	if code, out, errs := runCLI(t, "export", "--object", "team", "-o", book, "--quiet"); code != 0 {
		t.Fatal(code, out, errs)
	}
	const copyOf = "teams.xlsx was exported from Sandbox (embedded) ("
	code, out, errs := runCLI(t, "plan", book, "--profile", "empty")
	if code != 0 || !strings.Contains(out, copyOf) || !strings.Contains(out, "submitting it to Empty sandbox (embedded) (") {
		t.Errorf("plan into another organization: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "submit", book, "--profile", "empty", "--wait")
	if code != 1 || strings.TrimSpace(out) != "" || !strings.Contains(errs, copyOf) || !strings.Contains(errs, "give --yes to copy") {
		t.Errorf("submit into another organization without --yes: exit %d\n%s%s", code, out, errs)
	}
	if _, list, _ := runCLI(t, "jobs"); strings.Contains(list, "BO-") {
		t.Errorf("the refused copy made a job:\n%s", list)
	}
	code, out, errs = runCLI(t, "plan", book)
	if code != 0 || strings.Contains(out+errs, "was exported from") {
		t.Errorf("plan into its own organization: exit %d\n%s%s", code, out, errs)
	}
}
