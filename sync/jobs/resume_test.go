package jobs

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/bulkops/bulkops/internal/flock"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// The kill test runs a job in a child process (this test binary again) that kills itself
// right after a batch is committed while other batches are in flight, then resumes the
// job here.
const childEnv = "BULKOPS_JOBS_TEST_CHILD"

func lockFor(s *Store, id string) (*flock.Lock, error) { return flock.TryLock(s.lockPath(id)) }

// runChild is the child's main: run the job named in the environment and die after
// the given number of committed batches.
func runChild() int {
	dieAfter, _ := strconv.Atoi(os.Getenv("CHILD_DIE_AFTER"))
	store, err := Open(os.Getenv("CHILD_STORE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: os.Getenv("CHILD_TOKEN")}}
	api, err := webex.New(os.Getenv("CHILD_URL"), os.Getenv("CHILD_ORG"), hc, webex.Options{RatePerMinute: 6_000_000, Burst: 1000})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	eng := &Engine{Store: store, API: api, OrgID: os.Getenv("CHILD_ORG"), BatchSize: 50, Parallel: 4}
	batches := 0
	_, err = eng.Run(context.Background(), os.Getenv("CHILD_JOB"), func(p Progress) {
		if p.Message != "sending" {
			return
		}
		if batches++; batches == dieAfter {
			self, _ := os.FindProcess(os.Getpid())
			self.Kill() // no defer, no cleanup: as a crash or a power cut
			time.Sleep(time.Minute)
		}
	})
	fmt.Fprintln(os.Stderr, "child finished without being killed:", err)
	return 4
}

func TestResumeAfterKillCreatesNothingTwice(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	bad := func(i int) bool { return i%97 == 0 }
	const n = 3000
	j, err := e.eng.Submit(ctx, e.pack("site", siteCSV("Crash", n, bad)), mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "CHILD_DIE_AFTER=12", "CHILD_STORE="+e.store.Path(),
		"CHILD_URL="+e.sb.URL(), "CHILD_ORG="+e.sb.OrgID(), "CHILD_TOKEN="+e.token, "CHILD_JOB="+j.ID)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.Exited() {
		t.Fatalf("the child was not killed: %v\n%s", err, out)
	}
	j, _ = e.store.Get(ctx, j.ID)
	created := 0
	for name, c := range e.names("site") {
		if len(name) > 6 && name[:6] == "Crash-" {
			created += c
		}
	}
	if j.Status != InProgress || j.Done() == 0 || j.Done() >= n {
		t.Fatalf("after the kill: %s with %d of %d rows done; want In Progress, part done", j.Status, j.Done(), n)
	}
	t.Logf("killed with %d rows recorded (%d succeeded); the organization had %d of them", j.Done(), j.Succeeded, created)

	jobs, err := e.eng.Resume(ctx, nil)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("resume: %d jobs, %v", len(jobs), err)
	}
	j = jobs[0]
	wantBad := n / 97
	if j.Status != CompletedWithErrors || j.Succeeded != n-wantBad || j.Failed != wantBad {
		t.Fatalf("after resume: %s, %d succeeded, %d failed; want %d and %d", j.Status, j.Succeeded, j.Failed, n-wantBad, wantBad)
	}
	e.checkAccounted(j)
	names := e.names("site")
	rows, _ := e.store.Rows(ctx, j.ID)
	for i, r := range rows {
		name := siteName("Crash", i+1)
		want := map[bool]int{true: 0, false: 1}[bad(i+1)]
		if names[name] != want {
			t.Errorf("%s exists %d times, want %d", name, names[name], want)
		}
		if r.Outcome == Fail && !bad(i+1) {
			t.Errorf("row %d (%s) failed: %s", r.Number, name, r.Message)
		}
	}
}
