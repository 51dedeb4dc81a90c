package bulk

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/conn"
)

// A job submitted by another process (the command line) and not yet run disables New
// bulk operation, with the reason; while the window runs it, the button stays disabled;
// once it ends the button is back, and since the window was not in front a desktop
// notification says how it ended.
func TestNewOperationDisabledWhileJobActive(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(&conn.Connection{OrgID: e.target.OrgID, OrgName: "Sandbox", API: e.api}) // no engine run yet: nothing stored
	eng := &jobs.Engine{Store: e.store, API: e.api, OrgID: e.target.OrgID, OrgName: "Sandbox"}
	j, err := eng.Submit(context.Background(), packSites(t, "Name,Multimedia Profile\nZlin,Voice Only\nJihlava,Bogus\n"),
		mustObject(t, "site"), "cli@example.com")
	if err != nil {
		t.Fatal(err)
	}
	e.b.Refresh()
	if !e.b.dash.newOp.Disabled() {
		t.Fatal("New bulk operation is enabled while a job is New")
	}
	if want := "Job " + j.ID + " is New"; e.b.dash.why.Text != want {
		t.Errorf("reason %q, want %q", e.b.dash.why.Text, want)
	}
	if got := e.row(0)[colStatus]; got != "New" {
		t.Errorf("status %q, want New", got)
	}

	var seen []string
	e.b.watch = func(p jobs.Progress) {
		if p.Status == jobs.InProgress {
			seen = append(seen, e.row(0)[colStatus])
			if !e.b.dash.newOp.Disabled() || !strings.Contains(e.b.dash.why.Text, "is In Progress") {
				t.Errorf("while In Progress: disabled=%v, reason %q", e.b.dash.newOp.Disabled(), e.b.dash.why.Text)
			}
			if _, ok := e.b.RunningJob(); !ok {
				t.Error("RunningJob reports none while the window runs one")
			}
		}
	}
	e.b.front = false
	test.AssertNotificationSent(t, &fyne.Notification{
		Title:   "Bulk job " + j.ID + ": Completed with errors",
		Content: "Rows failed: 1 of 2. Open the job to fix them.",
	}, func() {
		e.b.Resume() // as at the next start: the job nobody runs is run
	})
	if len(seen) == 0 || !strings.HasPrefix(seen[0], "In Progress") {
		t.Errorf("statuses seen while running: %q", seen)
	}
	if e.b.dash.newOp.Disabled() {
		t.Errorf("New bulk operation still disabled after the job ended: %q", e.b.dash.why.Text)
	}
	if _, ok := e.b.RunningJob(); ok {
		t.Error("RunningJob reports one after the job ended")
	}
	if got := e.row(0)[colSubmitted]; !strings.HasPrefix(got, "cli@example.com · ") {
		t.Errorf("submitted by %q", got)
	}
}

// Not connected, or signed out: the dashboard says why nothing can be submitted.
func TestNewOperationDisabledWithoutConnection(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		target *conn.Connection
		why    string
	}{
		{&conn.Connection{}, "Connect to an organization first"},
		{&conn.Connection{OrgID: e.target.OrgID, OrgName: "Acme"}, "Sign in to Acme to submit jobs"},
		{&conn.Connection{OrgName: "Acme"}, "Sign in to Acme to submit jobs"},
		{e.target, ""},
	}
	for _, c := range cases {
		e.b.SetConnection(c.target)
		if got := e.b.dash.why.Text; got != c.why || e.b.dash.newOp.Disabled() != (c.why != "") {
			t.Errorf("target %q: reason %q, disabled %v; want %q", c.target.OrgName, got, e.b.dash.newOp.Disabled(), c.why)
		}
	}
}

func mustObject(t *testing.T, key string) *catalog.Object {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	return o
}

// packSites packs sites as the command line does before a submit.
func packSites(t *testing.T, csv string) jobs.Package {
	t.Helper()
	p, err := sheets.Pack(sheetOf(t, "site", csv), t.TempDir()+"/sites", sheets.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := jobs.ReadPackage(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
