package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
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
	// The wrong-organization guard: without --yes and a terminal the copy is refused,
	// and both organizations are named.
	code, out, errs := run("submit", book, "--profile", "empty", "--wait")
	if code == 0 || strings.TrimSpace(out) != "" || !strings.Contains(errs, "org.xlsx was exported from Sandbox (embedded) (") ||
		!strings.Contains(errs, "submitting it to Empty sandbox (embedded) (") || !strings.Contains(errs, "give --yes to copy") {
		t.Fatalf("a copy into another organization without --yes: exit %d\n%s%s", code, out, errs)
	}
	if _, list, _ := run("jobs"); strings.Contains(list, "BO-") {
		t.Fatalf("the refused copy made a job:\n%s", list)
	}
	// Its own organization's export is no copy: the plan says nothing of one.
	code, out, errs = run("plan", book)
	if code != 0 || strings.Contains(out+errs, "was exported from") {
		t.Errorf("plan of the export into its own organization: exit %d\n%s%s", code, out, errs)
	}
	checkWholeJobEstimate(t, out+errs)
	code, out, errs = run("submit", book, "--profile", "empty", "--wait", "--yes")
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
	if !strings.Contains(detail, "bulkops undo "+id) {
		t.Errorf("bulkops job %s offers no undo:\n%s", id, detail)
	}
	// Its undo is planned as one workbook job; without --yes or a terminal its deletes
	// are not sent.
	if code, out, errs := run("undo", id, "--profile", "empty"); code != 1 || !strings.Contains(out, "== 1. Queue (deletes)\n") || !strings.Contains(out, "0 rows failing") ||
		strings.Contains(out, "changed in the organization since the job") ||
		!strings.Contains(errs, "the job deletes") || !strings.Contains(errs, "not submitted") {
		t.Errorf("undo of a workbook job: exit %d\n%s%s", code, out, errs)
	}
	checkWorkbookErrors(t, run, id)
}

// checkWorkbookErrors: bulkops errors of a workbook job writes an error file per type,
// as a workbook with a worksheet per type or a zip of CSV files; --object picks one
// type; a single .csv for them all is refused with a message that says what to do.
func checkWorkbookErrors(t *testing.T, run func(...string) (int, string, string), id string) {
	t.Helper()
	dir := t.TempDir()
	book := filepath.Join(dir, "errors.xlsx")
	if code, out, errs := run("errors", id, "-o", book); code != 0 || !strings.Contains(out, "failed rows of job "+id) {
		t.Fatalf("errors -o .xlsx: exit %d\n%s%s", code, out, errs)
	}
	ss, err := sheets.ReadWorkbook(book, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, s := range ss {
		if types[s.Object.Key] > 0 {
			t.Errorf("errors.xlsx has two worksheets of %s", s.Object.Key)
		}
		types[s.Object.Key] = len(s.Rows)
		if len(s.Rows) == 0 || s.Rows[0].Message == "" {
			t.Errorf("%s: no failed row with its %s", s.File, sheets.ErrorMessageHeader)
		}
	}
	if len(ss) < 2 || types["user"] != 300 {
		t.Errorf("errors.xlsx holds %v (type: rows), want the 300 users and the other types that failed", types)
	}
	zipped := filepath.Join(dir, "errors.zip")
	if code, out, errs := run("errors", id, "-o", zipped); code != 0 {
		t.Fatalf("errors -o .zip: exit %d\n%s%s", code, out, errs)
	}
	zs, err := sheets.ReadZip(zipped, sheets.ReadOptions{})
	if err != nil || len(zs) != len(ss) {
		t.Fatalf("errors.zip reads as %d files (%v), want %d, one per type", len(zs), err, len(ss))
	}
	users := filepath.Join(dir, "users.csv")
	if code, out, errs := run("errors", id, "--object", "user", "-o", users); code != 0 {
		t.Fatalf("errors --object user: exit %d\n%s%s", code, out, errs)
	}
	if u, err := sheets.ReadFile(users, sheets.ReadOptions{}); err != nil || u.Object.Key != "user" || len(u.Rows) != 300 {
		t.Errorf("errors --object user wrote %v", err)
	}
	code, _, errs := run("errors", id, "-o", filepath.Join(dir, "all.csv"))
	if code == 0 || !strings.Contains(errs, "an error file per type") || !strings.Contains(errs, "--object") {
		t.Errorf("errors -o .csv of a workbook job: exit %d\n%s", code, errs)
	}
}

// checkWholeJobEstimate: a workbook's plan times all its requests at the rate limit as
// one run (its steps run back to back): N requests at 300/min take (N-5)/5 s once the
// burst of 5 is spent — not the steps' own estimates summed, which spent the burst once
// a step and said "about 1 s" for 76 requests that took 15 s.
func checkWholeJobEstimate(t *testing.T, plan string) {
	t.Helper()
	m := regexp.MustCompile(`(\d+) requests, about (?:(\d+) min )?(\d+) s at 300/min`).FindStringSubmatch(plan)
	if m == nil {
		t.Fatalf("the plan names no request count and time:\n%s", plan)
	}
	n, _ := strconv.Atoi(m[1])
	mins, _ := strconv.Atoi(m[2])
	secs, _ := strconv.Atoi(m[3])
	if want := (n - 5) / 5; n < 20 || abs(mins*60+secs-want) > 1 {
		t.Errorf("the plan says %s; %d requests at 300/min take about %d s", m[0], n, want)
	}
}

func abs(n int) int { return max(n, -n) }
