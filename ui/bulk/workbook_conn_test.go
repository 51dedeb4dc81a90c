package bulk

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/connections"
)

// The copy of the demo into the empty organization from the window, end to end through
// the connection service the Connections page uses (embedded sandboxes in the data
// directory, as a user has them, not sandboxes a test starts): the demo connection's
// whole export, the empty connection used, Submit a workbook… of that export: the plan
// and the confirmation name both organizations, and the dashboard shows the one job.
func TestCopyTheDemoIntoTheEmptyConnection(t *testing.T) {
	e := newEnv(t)
	// The data directory's embedded sandboxes, at 20 times Webex's rate, with the
	// secrets in memory (no OS keyring is touched).
	svc := &connections.AuthService{Options: connect.Options{DataDir: os.Getenv("BULKOPS_HOME"),
		SandboxRate: 6000, Keyring: auth.MemoryKeyring()}}
	demo := sessionTarget(t, svc, auth.EmbeddedProfile())
	e.b.SetConnection(demo)
	e.b.View().FileItems[0].Run() // Export the whole organization…
	exported := e.files.saved

	empty := sessionTarget(t, svc, auth.EmptyProfile())
	if empty.OrgID == demo.OrgID || empty.OrgName != jobs.EmptySandboxOrgName {
		t.Fatalf("the empty connection is %q (%s); the demo is %s", empty.OrgName, empty.OrgID, demo.OrgID)
	}
	e.b.SetConnection(empty)
	e.files.open_ = exported
	e.b.View().FileItems[1].Run() // Submit a workbook…
	p := e.b.workbook
	wd := p.wd
	if wd == nil {
		t.Fatalf("no plan: %q %q", p.note.Text, p.summary.Text)
	}
	want := " was exported from Sandbox (embedded) (" + demo.OrgID + "): submitting it to Empty sandbox (embedded) (" + empty.OrgID + ") copies it into another organization."
	if !strings.Contains(p.extra.Text, want) || len(wd.NotCopyable) == 0 {
		t.Errorf("the plan (%d not copyable) says %q", len(wd.NotCopyable), p.extra.Text)
	}
	pv := wd.Preview()
	if pv.Creates < 50 || pv.Updates != 0 {
		t.Errorf("%d to create, %d to update in the empty organization", pv.Creates, pv.Updates)
	}
	test.Tap(p.submit)
	if c := p.confirming; c == nil || c.copying == nil || !strings.Contains(c.copying.Text, want) {
		t.Fatalf("the confirmation does not name the copy: %+v", c)
	}
	test.Tap(p.confirming.ok) // the job runs inline to its end
	if len(e.b.list) != 1 {
		t.Fatalf("the dashboard lists %d jobs, want the one workbook job", len(e.b.list))
	}
	j := e.b.list[0]
	if row := e.row(0); row[colObject] != "Workbook: "+itoa(wd.Types())+" types, "+thousands(j.Total)+" rows" {
		t.Errorf("dashboard row %q", row)
	}
	if j.Status != jobs.CompletedWithErrors || j.Succeeded < pv.Creates || j.Failed != pv.Failing {
		t.Errorf("the copy ended %s (%s): %d succeeded of %d planned creates, %d failed of %d failing in the plan", j.Status, j.Reason, j.Succeeded, pv.Creates, j.Failed, pv.Failing)
	}
	checkSteps(t, e, wd) // each step ends Completed, or with the errors its plan foresaw
	t.Logf("%d types, %d rows: %d created in the plan, %d succeeded, %d failed (%d failing in the plan, %d not copyable)", wd.Types(), j.Total, pv.Creates, j.Succeeded, j.Failed, pv.Failing, len(wd.NotCopyable))
}

// sessionTarget connects profile through the connection service: the connection the
// window's wiring hands the bulk views (cmd/bulkops window.connectionChanged).
func sessionTarget(t *testing.T, svc connections.Service, profile auth.Profile) *conn.Connection {
	t.Helper()
	s, err := svc.Restore(context.Background(), profile)
	if err != nil {
		t.Fatalf("connecting %s: %v", profile.Name, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
