package jobs

import (
	"context"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Under injected 429s, 500s, 503s, connection resets and answers lost after the server
// applied the request, every row still ends succeeded or failed for its own reason, and
// nothing is created twice.
func TestJobUnderFaults(t *testing.T) {
	faults := sandbox.Faults{Error500: 0.06, Error503: 0.04, Reset: 0.05, Lost: 0.05, Extra429: 0.03}
	e := newEnv(t, envOptions{sandbox: sandbox.Options{Faults: faults, FaultSeed: 8}}) // a seed under which each kind of fault happens to this job
	e.eng.BatchSize = 50
	bad := func(i int) bool { return i%40 == 0 }
	const n = 2000
	start := time.Now()
	j := e.submitRun("site", e.pack("site", siteCSV("Flaky", n, bad)))
	t.Logf("%d rows under faults in %s", n, time.Since(start).Round(time.Millisecond))
	e.checkAccounted(j)
	if wantBad := n / 40; j.Status != CompletedWithErrors || j.Failed != wantBad || j.Succeeded != n-wantBad {
		t.Fatalf("job: %s, %d succeeded, %d failed; want %d failed", j.Status, j.Succeeded, j.Failed, wantBad)
	}
	rows, _ := e.store.Rows(context.Background(), j.ID, Fail)
	for _, r := range rows {
		if want := `Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)`; r.Message != want {
			t.Errorf("row %d failed with %q", r.Number, r.Message)
		}
	}
	names := e.names("site")
	for i := 1; i <= n; i++ {
		if got, want := names[siteName("Flaky", i)], map[bool]int{true: 0, false: 1}[bad(i)]; got != want {
			t.Errorf("%s exists %d times, want %d", siteName("Flaky", i), got, want)
		}
	}
	if st := e.api.Stats(); st.Retries == 0 || st.RateLimited == 0 {
		t.Errorf("the faults did not happen: %+v", st)
	}
}
