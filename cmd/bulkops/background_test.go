package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/bulkops/bulkops/sync/jobs"
)

// runCLIWith runs bulkops args as runCLI does, with startRunner standing in for the
// background runner.
func runCLIWith(t *testing.T, startRunner func(profile string, ids ...string) error, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = runWith(&deps{stdout: &out, stderr: &errb, startRunner: startRunner}, args)
	return code, out.String(), errb.String()
}

// submitNew submits a small sheet with the background runner held back, so that the job
// stays New, and returns its id.
func submitNew(t *testing.T) string {
	t.Helper()
	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\n")
	code, out, errs := runCLIWith(t, func(string, ...string) error { return nil }, "submit", sites)
	id := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(id, "BO-") {
		t.Fatalf("submit: exit %d %q\n%s", code, out, errs)
	}
	return id
}

// A background run that cannot connect notes why on the job: bulkops jobs prints it,
// and it is gone once the job runs.
func TestBackgroundRunFailureIsNoted(t *testing.T) {
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	id := submitNew(t)
	code, _, errs := runCLI(t, "run-job", "--background", "--profile", "nosuch", id)
	if code != 1 || !strings.Contains(errs, `bulkops: no profile "nosuch"`) {
		t.Fatalf("run-job --background: exit %d\n%s", code, errs)
	}
	code, out, _ := runCLI(t, "jobs")
	want := regexp.MustCompile(`(?m)^note: ` + id + ` \(New\): its background run failed at \d{4}-\d\d-\d\d \d\d:\d\d: ` +
		`no profile "nosuch": bulkops login --profile nosuch creates it; bulkops run-job ` + id + ` --profile nosuch runs it again ` +
		`\(log: ` + regexp.QuoteMeta(filepath.Join(home, "run-job.log")) + `\)$`)
	if code != 0 || !want.MatchString(out) {
		t.Fatalf("jobs does not print the failure:\n%s", out)
	}
	if code, _, errs = runCLI(t, "run-job", id); code != 0 {
		t.Fatalf("run-job: exit %d\n%s", code, errs)
	}
	if _, out, _ = runCLI(t, "jobs"); strings.Contains(out, "note:") {
		t.Errorf("the note stays after the job ran:\n%s", out)
	}
}

// The runner submit starts is a real detached process: its output goes to run-job.log
// (0600), and its failure reaches the job in the store.
func TestDetachedRunnerLogsAndNotes(t *testing.T) {
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	id := submitNew(t)
	t.Setenv("BULKOPS_TEST_AS_BULKOPS", "1") // the test binary is the child's bulkops
	if err := startDetached("nosuch", id); err != nil {
		t.Fatal(err)
	}
	store, err := jobs.Open(filepath.Join(home, jobs.DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var j jobs.Job
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if j, err = store.Get(context.Background(), id); err == nil && j.Reason != "" {
			break
		}
	}
	if !strings.Contains(j.Reason, `its background run failed at `) || !strings.Contains(j.Reason, `no profile "nosuch"`) {
		t.Fatalf("the job's reason is %q", j.Reason)
	}
	log := filepath.Join(home, "run-job.log")
	b, err := os.ReadFile(log)
	fi, _ := os.Stat(log)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("log: %v, mode %v", err, fi.Mode().Perm())
	}
	if !strings.Contains(string(b), " bulkops run-job --background "+id+" --profile nosuch (started by process ") ||
		!strings.Contains(string(b), `bulkops: no profile "nosuch": bulkops login --profile nosuch creates it`) {
		t.Errorf("log:\n%s", b)
	}
}

// A background run that connects but cannot run the job (here: signed in to another
// organization) notes the engine's reason on the job.
func TestBackgroundRunErrorIsNoted(t *testing.T) {
	keyring.MockInit()
	home := t.TempDir()
	t.Setenv("BULKOPS_HOME", home)
	id := submitNew(t)
	sb := startLabSandbox(t)
	loginLab(t, sb, "lab")
	if code, _, errs := runCLI(t, "run-job", "--background", "--profile", "lab", id); code != 2 {
		t.Fatalf("run-job --background: exit %d\n%s", code, errs)
	}
	_, out, _ := runCLI(t, "jobs")
	if !strings.Contains(out, "note: "+id+" (New): its background run failed at ") ||
		!strings.Contains(out, "job "+id+" belongs to organization \"Sandbox (embedded)\"") {
		t.Errorf("jobs:\n%s", out)
	}
}
