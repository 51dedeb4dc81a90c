package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// The sync commands end to end against the embedded sandbox in a fresh data directory:
// a sheet with errors of its own is refused; a good one runs, with the rows only the
// organization can judge failing in the job; the dashboard, the detail, the error file
// and the export show it; a second job is refused while one is active.
func TestSyncCommands(t *testing.T) {
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	var started []string
	runCLI := func(t *testing.T, args ...string) (int, string, string) {
		return runCLIWith(t, func(profile string, ids ...string) error { started = append(started, ids...); return nil }, args...)
	}

	bad := writeFile(t, "bad.csv", "Name,Multimedia Profile\nBad Site!,\n")
	code, out, errs := runCLI(t, "submit", bad)
	if code != 1 || !strings.Contains(out, `bad.csv:2:Name: error: Name "Bad Site!" may contain only`) ||
		!strings.Contains(errs, "not submitted") {
		t.Fatalf("submit of a sheet with errors: exit %d\n%s%s", code, out, errs)
	}

	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\nPrague,Digital Only\n")
	code, out, errs = runCLI(t, "submit", "--wait", sites)
	id := strings.TrimSpace(out)
	if code != 1 || !strings.HasPrefix(id, "BO-") || !strings.Contains(errs, "Completed With Errors: 2 succeeded, 1 failed of 3") {
		t.Fatalf("submit --wait: exit %d, out %q\n%s", code, out, errs)
	}
	// Before it submits, it says what the job will do, as the job then does it.
	preview := "1 to create, 1 to update, 0 unchanged in Sandbox (embedded) ("
	failing := " requests, under a second at 300/min; 1 row will fail in the organization:\n" +
		`  row 3, Multimedia Profile: Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)` + "\n"
	if i := strings.Index(errs, preview); i < 0 || !strings.Contains(errs[i:], failing) || i > strings.Index(errs, "submitted to") {
		t.Errorf("submit --wait does not preview the job first:\n%s", errs)
	}

	code, out, _ = runCLI(t, "jobs")
	if code != 0 || !strings.Contains(out, "JOB ID") || !strings.Contains(out, id+"  sites.csv  Site    Completed With Errors  2 ok, 1 failed") {
		t.Errorf("jobs: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "job", strings.ToLower(id))
	if code != 0 || !strings.Contains(out, "Rows:          3: 2 succeeded, 1 failed, 0 to do (100% done)") {
		t.Errorf("job: exit %d\n%s", code, out)
	}

	errFile := filepath.Join(t.TempDir(), "errors.csv")
	if code, out, errs = runCLI(t, "errors", id, "-o", errFile); code != 0 {
		t.Fatalf("errors: exit %d %s", code, errs)
	}
	got, _ := os.ReadFile(errFile)
	want := "Name,Multimedia Profile,Error Message\r\n" +
		`Ostrava,Voice Onyl,"Multimedia Profile ""Voice Onyl"" does not exist in the organization (did you mean ""Voice Only""?)"` + "\r\n"
	if string(got) != want || !strings.Contains(out, "1 failed row ") {
		t.Errorf("error file:\n%s\nwant:\n%s", got, want)
	}
	// -o .xlsx is a workbook Bulkops reads back (it was CSV text under an .xlsx name).
	errBook := filepath.Join(t.TempDir(), "errors.xlsx")
	if code, _, errs = runCLI(t, "errors", id, "-o", errBook); code != 0 {
		t.Fatalf("errors -o .xlsx: exit %d %s", code, errs)
	}
	if back, err := sheets.ReadFile(errBook, sheets.ReadOptions{}); err != nil || len(back.Rows) != 1 ||
		back.Value(0, "Name") != "Ostrava" || !strings.Contains(back.Rows[0].Message, "does not exist") {
		t.Errorf("errors.xlsx reads back as %v, %v", back, err)
	}

	exp := filepath.Join(t.TempDir(), "sites_export.csv")
	code, out, errs = runCLI(t, "export", "--object", "site", "-o", exp)
	body, _ := os.ReadFile(exp)
	if code != 0 || !strings.Contains(string(body), "Brno,Voice Only\r\n") || !strings.Contains(out, "4 rows of Site") {
		t.Errorf("export: exit %d %s%s\n%s", code, out, errs, body)
	}

	// Without --wait the job is handed to a background runner; meanwhile it is active.
	code, out, errs = runCLI(t, "submit", sites)
	second := strings.TrimSpace(out)
	if code != 0 || len(started) != 1 || started[0] != second {
		t.Fatalf("submit: exit %d, runners started %v", code, started)
	}
	// Brno and Prague are as the first job left them: nothing to send for them.
	if !strings.Contains(errs, "0 to create, 0 to update, 2 unchanged in Sandbox (embedded) (") {
		t.Errorf("the second preview does not count Brno and Prague, saved by the first job, as unchanged:\n%s", errs)
	}
	code, _, errs = runCLI(t, "submit", sites)
	if code != 1 || !strings.Contains(errs, second+" (sites.csv, submitted by") || !strings.Contains(errs, "only one job can be active at a time") {
		t.Errorf("second submit: exit %d\n%s", code, errs)
	}
	code, _, errs = runCLI(t, "run-job", second)
	if code != 1 || !strings.Contains(errs, "Completed With Errors") {
		t.Errorf("run-job: exit %d\n%s", code, errs)
	}

	// Several files: each failing row is named with its file.
	more := writeFile(t, "more.csv", "Name,Multimedia Profile\nZlin,Digital Onyl\nKolin,Voice Only\n")
	code, _, errs = runCLI(t, "submit", "--wait", sites, more)
	if code != 1 || !strings.Contains(errs, "1 to create, 0 to update, 2 unchanged in Sandbox (embedded) (") || !strings.Contains(errs, "3 succeeded, 2 failed of 5") ||
		!strings.Contains(errs, "2 rows will fail in the organization:\n  sites.csv row 3, Multimedia Profile:") ||
		!strings.Contains(errs, `  more.csv row 2, Multimedia Profile: Multimedia Profile "Digital Onyl" does not exist`) {
		t.Errorf("submit of two files: exit %d\n%s", code, errs)
	}
}
