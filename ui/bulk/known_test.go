package bulk

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// counting counts the GET requests that go through it.
type counting struct {
	gets atomic.Int32
	next http.RoundTripper
}

func (c *counting) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodGet {
		c.gets.Add(1)
	}
	return c.next.RoundTrip(r)
}

// What is read of the organization serves the editor's names and the checks before a
// submit alike, and is read again once a job has changed the organization.
func TestOrgReadsAreShared(t *testing.T) {
	e := newEnv(t)
	reqs := &counting{next: sandboxtest.Bearer{Token: e.sb.MintToken()}}
	api, err := webex.New(e.sb.URL(), e.sb.OrgID(), &http.Client{Transport: reqs}, webex.Options{RatePerMinute: 6_000_000, Burst: 1000})
	if err != nil {
		t.Fatal(err)
	}
	org := jobs.NewOrgCache(api, jobs.OrgTTL)
	e.target.API, e.target.Org = api, org
	e.b.SetConnection(e.target)

	names, err := e.target.Known(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names["multimedia_profile"], "Voice Only") || names["user"] != nil {
		t.Errorf("names: %v", names)
	}
	afterNames := reqs.gets.Load()
	if afterNames == 0 || afterNames > 22 {
		t.Errorf("the editor's names took %d requests", afterNames)
	}

	e.editor.sheets = append(e.editor.sheets, sheetOf(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n"))
	test.Tap(e.b.dash.newOp)
	f := e.b.flow
	for range 2 {
		test.Tap(f.imp.check)
		if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 2. In Sandbox, 1 will be created, 0 updated and 0 left as they are.") {
			t.Errorf("summary %q", got)
		}
	}
	if n := reqs.gets.Load(); n != afterNames {
		t.Errorf("two checks read the organization again: %d requests after the names' %d", n, afterNames)
	}

	test.Tap(f.imp.submit) // the job runs inline to its end
	beforeCheck := reqs.gets.Load()
	test.Tap(f.close)
	test.Tap(e.b.dash.newOp)
	test.Tap(f.imp.check)
	if n := reqs.gets.Load(); n == beforeCheck {
		t.Error("the check after a job ended did not read the organization again")
	}
	if got := f.imp.summary.Text; !strings.HasPrefix(got, "Records: 2. In Sandbox, 0 will be created, 0 updated and 1 left as they are. Nothing will be written.") {
		t.Errorf("summary after the job: %q", got)
	}
	if !strings.Contains(f.imp.org.Text, "Rows that will fail in Sandbox: 1.") {
		t.Errorf("what will fail: %q", f.imp.org.Text)
	}
}
