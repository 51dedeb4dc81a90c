package bulk

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// emptyTarget starts a second sandbox seeded with the empty organization and returns
// it as a target the window can switch to.
func emptyTarget(t *testing.T) *conn.Connection {
	t.Helper()
	sb, api := uitest.SandboxWith(t, sandbox.Options{Seed: sandbox.SeedEmpty, DataFile: filepath.Join(t.TempDir(), "empty.json")})
	return &conn.Connection{OrgID: sb.OrgID(), OrgName: "Empty", User: sandbox.AdminEmail, API: api}
}

// Export the whole demo organization from the window, switch to the empty one, submit
// the workbook from the window: the plan lists every step with what the empty
// organization cannot take, the confirmation names the organization and the counts, the
// dashboard shows one job, and its detail lists every step, each ending Completed, or
// Completed with errors where the plan said rows would fail.
func TestSubmitWorkbookCopiesTheDemo(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.b.View().FileItems[0].Run() // Export the whole organization…
	exported := e.files.saved
	if _, err := os.Stat(exported); err != nil {
		t.Fatalf("the export: %v (the window shows %q)", err, texts(e.win))
	}
	e.b.SetConnection(emptyTarget(t))

	item := e.b.View().FileItems[1]
	if item.Label != "Submit a workbook…" || item.Key == nil || item.Key.ShortcutName() != workbookKey.ShortcutName() {
		t.Fatalf("File menu item %q with shortcut %v", item.Label, item.Key)
	}
	e.files.open_ = exported
	item.Run() // picks the file, checks it against Empty
	p := e.b.workbook
	if e.b.pages.Objects[0] != p.content || p.wd == nil {
		t.Fatalf("the workbook page is not shown with a plan: %q %q", p.note.Text, p.summary.Text)
	}
	wd := p.wd
	if !strings.HasPrefix(p.summary.Text, "Workbook: ") || !strings.Contains(p.summary.Text, "In Empty, ") {
		t.Errorf("summary %q", p.summary.Text)
	}
	if len(p.steps.Items) != len(wd.Steps) || len(wd.Steps) < 15 {
		t.Fatalf("%d steps shown of %d", len(p.steps.Items), len(wd.Steps))
	}
	for i, st := range wd.Steps {
		want := objectTitle(st.Object().Key)
		if got := p.steps.Items[i].Title; !strings.Contains(got, want) {
			t.Errorf("step %d is titled %q, want %s", i+1, got, want)
		}
	}
	if len(wd.Late) > 0 && !strings.Contains(p.extra.Text, "Second pass: the ") {
		t.Errorf("the second pass is not named: %q", p.extra.Text)
	}
	if len(wd.NotCopyable) == 0 || !strings.Contains(p.extra.Text, "Not copyable into Empty: ") {
		t.Errorf("not copyable: %d, shown %q", len(wd.NotCopyable), p.extra.Text)
	}
	if p.submit.Disabled() || p.submit.Text != "Submit to Empty…" {
		t.Fatalf("Submit %q disabled=%v", p.submit.Text, p.submit.Disabled())
	}

	test.Tap(p.submit)
	c := p.confirming
	pv := wd.Preview()
	if c == nil || c.deletes != nil || !strings.Contains(c.text.Text, " rows to Empty as one job? ") ||
		!strings.Contains(c.text.Text, " "+itoa(pv.Creates)+" will be created") {
		t.Fatalf("the confirmation: %+v", c)
	}
	// The one-active-job rule: while the workbook runs nothing else can start.
	checked := false
	e.b.watch = func(pr jobs.Progress) {
		if pr.Status == jobs.InProgress && !checked {
			checked = true
			if !e.b.dash.wbook.Disabled() || !e.b.dash.newOp.Disabled() || !p.submit.Disabled() {
				t.Errorf("while the job runs: workbook %v, new operation %v, submit %v enabled",
					!e.b.dash.wbook.Disabled(), !e.b.dash.newOp.Disabled(), !p.submit.Disabled())
			}
		}
	}
	test.Tap(c.ok) // the job runs inline to its end
	if !checked {
		t.Error("no progress was seen while the job ran")
	}

	if len(e.b.list) != 1 {
		t.Fatalf("the dashboard lists %d jobs, want the one workbook job", len(e.b.list))
	}
	j := e.b.list[0]
	row := e.row(0)
	if want := "Workbook: " + itoa(wd.Types()) + " types, " + thousands(j.Total) + " rows"; row[colObject] != want {
		t.Errorf("dashboard row %q, want %q", row, want)
	}
	if j.Status != jobs.CompletedWithErrors {
		t.Errorf("the copy ended %s: %s", j.Status, j.Reason)
	}
	if e.b.pages.Objects[0] != e.b.detail.content || e.b.detail.id != j.ID {
		t.Fatal("the job's detail is not shown after the submit")
	}
	if got := e.b.detail.fields[fieldObject].Text; got != row[colObject] {
		t.Errorf("the detail's Object reads %q, want %q", got, row[colObject])
	}
	if got := e.b.detail.fields[fieldSucceeded].Text; !strings.HasPrefix(got, itoa(j.Succeeded)+": ") || strings.Contains(got, ": 0 created") {
		t.Errorf("the detail's Succeeded reads %q; the steps created %d records", got, pv.Creates)
	}
	checkSteps(t, e, wd)
	t.Logf("%s: %d steps, %d types, %d rows: %d succeeded, %d failed, %d not copyable in the plan",
		row[colObject], len(wd.Steps), wd.Types(), j.Total, j.Succeeded, j.Failed, len(wd.NotCopyable))
}

// A workbook whose sheets have errors of their own says which, and cannot be submitted.
func TestWorkbookWithErrorsOfItsOwn(t *testing.T) {
	_, p := submitCSV(t, "Name,Multimedia Profile\nBrno,Voice Only\n,Voice Only\n")
	if !strings.HasPrefix(p.summary.Text, "The sheets have errors of their own: 1.") || !strings.Contains(p.summary.Text, "Row 3, Name: ") {
		t.Errorf("the page says %q", p.summary.Text)
	}
	if !p.submit.Disabled() || len(p.steps.Items) != 0 {
		t.Errorf("Submit enabled %v with %d steps shown", !p.submit.Disabled(), len(p.steps.Items))
	}
}

// A plan is the organization's it was made against: switching to another forgets it.
func TestWorkbookPlanForgottenOnAnotherOrganization(t *testing.T) {
	e, p := submitCSV(t, "Name,Multimedia Profile\nBrno,Voice Only\n")
	if p.wd == nil || p.submit.Disabled() {
		t.Fatalf("no plan: %q %q", p.note.Text, p.summary.Text)
	}
	e.b.SetConnection(emptyTarget(t))
	if p.wd != nil || !p.submit.Disabled() || p.add.Disabled() || p.summary.Text != "" || e.b.pages.Objects[0] == p.content {
		t.Errorf("after switching: plan kept %v, Submit enabled %v, Add disabled %v, summary %q", p.wd != nil, !p.submit.Disabled(), p.add.Disabled(), p.summary.Text)
	}
}

// checkSteps checks the detail's steps: every one ends Completed or Completed with
// errors; one the plan said fails rows ends with errors, its failed rows listed and its
// error file offered.
func checkSteps(t *testing.T, e *env, wd *jobs.WorkbookDraft) {
	t.Helper()
	v := e.b.detail.steps
	if v.content.Hidden || len(v.rows) != len(wd.Steps) {
		t.Fatalf("the detail lists %d steps, want %d", len(v.rows), len(wd.Steps))
	}
	failing := map[string]bool{}
	for _, nc := range wd.NotCopyable {
		failing[nc.Object.Key] = true
	}
	for i, r := range v.rows {
		st := wd.Steps[i]
		if !strings.Contains(r.title.Text, objectTitle(st.Object().Key)) {
			t.Errorf("step %d: %q, want %s", i+1, r.title.Text, objectTitle(st.Object().Key))
		}
		planned := st.Kind == jobs.StepWrite && (st.Draft.Preview.Failing > 0 || failing[st.Object().Key])
		switch r.status.Text {
		case "Completed":
			if planned {
				t.Errorf("step %d (%s) Completed; the plan said %d rows fail", i+1, r.title.Text, st.Draft.Preview.Failing)
			}
		case "Completed with errors":
			if r.export.Hidden || r.errors.Hidden || r.errors.Text == "" {
				t.Errorf("step %d with errors: export hidden %v, errors %q", i+1, r.export.Hidden, r.errors.Text)
			}
			if !planned {
				t.Errorf("step %d (%s) ended with errors the plan did not foresee: %s", i+1, r.title.Text, r.errors.Text)
			}
		default:
			t.Errorf("step %d (%s) ended %q: %s", i+1, r.title.Text, r.status.Text, r.errors.Text)
		}
		if r.bar.Value != 1 {
			t.Errorf("step %d's bar at %v", i+1, r.bar.Value)
		}
	}
	openStepErrors(t, e)
	if !e.b.detail.fix.Hidden || e.b.detail.export.Hidden {
		t.Error("the workbook job offers Fix in editor (one sheet per type: its steps do), or no Export errors")
	}
	exportWorkbookErrors(t, e)
}

func itoa(n int) string { return strconv.Itoa(n) }

// A workbook that deletes asks for the deletes on their own: Submit stays disabled until
// the box naming their count is ticked.
func TestWorkbookDeletesNeedTheirOwnConfirmation(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	dir := t.TempDir()
	sites := filepath.Join(dir, "sites.csv")
	teams := filepath.Join(dir, "teams.csv")
	createSite(t, e, "Old Office") // a site nothing refers to, which can go
	write(t, sites, "Name,Multimedia Profile,Action\nBrno Workbook,Voice Only,\nOld Office,Voice Only,DELETE\n")
	write(t, teams, "Name,Site,Type\nWorkbook Team,Brno Workbook,AGENT\n")
	e.files.open_ = teams
	e.b.SubmitWorkbook()
	e.files.open_ = sites
	test.Tap(e.b.workbook.add)
	p := e.b.workbook
	if p.wd == nil || len(p.files) != 2 {
		t.Fatalf("files %q: %q %q", p.files, p.note.Text, p.summary.Text)
	}
	if got := p.steps.Items[0].Title; !strings.HasPrefix(got, "1. Site — deletes: 1 to delete") {
		t.Errorf("the first step %q; want the site's delete first", got)
	}
	test.Tap(p.submit)
	c := p.confirming
	if c.deletes == nil || c.deletes.Text != "Delete 1 record from Sandbox" || !c.ok.Disabled() {
		t.Fatalf("the deletes' box %+v, Submit disabled %v", c.deletes, c.ok.Disabled())
	}
	c.deletes.SetChecked(true)
	if c.ok.Disabled() {
		t.Error("Submit stays disabled with the deletes ticked")
	}
	c.deletes.SetChecked(false)
	if !c.ok.Disabled() {
		t.Error("Submit enabled with the deletes not ticked")
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// createSite creates a site in the sandbox as a job of the window's engine would.
func createSite(t *testing.T, e *env, name string) {
	t.Helper()
	sh := sheetOf(t, "site", "Name,Multimedia Profile\n"+name+",Voice Only\n")
	c, orgErr, err := readAndCheck(e.b.ctx, e.b.orgAPI(), sh.Object, sh, "", "old.csv")
	if err != nil || orgErr != nil {
		t.Fatal(err, orgErr)
	}
	j, err := e.b.engine.SubmitDraft(e.b.ctx, c.draft, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.b.engine.Run(e.b.ctx, j.ID, nil); err != nil || j.Status != jobs.Completed {
		t.Fatalf("creating %s: %v %s %s", name, err, j.Status, j.Reason)
	}
	e.b.orgChanged()
	e.b.Refresh()
}

// openStepErrors saves the error file of the first step with failed rows and opens its
// rows in the editor, each message on its cell.
func openStepErrors(t *testing.T, e *env) {
	t.Helper()
	for _, r := range e.b.detail.steps.rows {
		if r.job.Failed == 0 {
			continue
		}
		test.Tap(r.export)
		saved, err := sheets.ReadFile(e.files.saved, sheets.ReadOptions{Unprotect: true})
		if err != nil || len(saved.Rows) == 0 || len(saved.Rows) > r.job.Failed || saved.Object == nil || saved.Object.Key != r.job.Object {
			t.Fatalf("step %d's error file %s: %v, %d rows of %d failed", r.job.Step, e.files.saved, err, len(saved.Rows), r.job.Failed)
		}
		test.Tap(r.fix)
		if sh := e.editor.opened; sh == nil || sh.Object.Key != r.job.Object || len(e.editor.messages) == 0 {
			t.Errorf("Fix in editor of step %d opened %v with %d messages", r.job.Step, sh, len(e.editor.messages))
		}
		return
	}
	t.Error("no step has failed rows")
}

// submitCSV chooses Submit a workbook… with a sites CSV of text on the demo organization.
func submitCSV(t *testing.T, text string) (*env, *workbookPage) {
	t.Helper()
	e := newEnv(t)
	e.b.SetConnection(e.target)
	path := filepath.Join(t.TempDir(), "sites.csv")
	write(t, path, text)
	e.files.open_ = path
	e.b.SubmitWorkbook()
	return e, e.b.workbook
}

// exportWorkbookErrors saves the workbook job's error file: a worksheet per type with
// failed rows.
func exportWorkbookErrors(t *testing.T, e *env) {
	t.Helper()
	types := map[string]bool{}
	for _, r := range e.b.detail.steps.rows {
		if r.job.Failed > 0 {
			types[r.job.Object] = true
		}
	}
	test.Tap(e.b.detail.export)
	ss, err := sheets.ReadWorkbook(e.files.saved, sheets.ReadOptions{Unprotect: true})
	if err != nil || len(ss) != len(types) {
		t.Fatalf("the workbook's error file %s: %v, %d sheets for %d types with failed rows", e.files.saved, err, len(ss), len(types))
	}
	for _, sh := range ss {
		if !types[sh.Object.Key] || len(sh.Rows) == 0 {
			t.Errorf("the error file's sheet of %s has %d rows", sh.Object.Key, len(sh.Rows))
		}
	}
}

// The organization's own export submitted back to it changes nothing and fails nothing:
// a record the organization has is not taken for one the job creates (a team named
// twice made every reference to it ambiguous: 74 rows failed in the plan).
func TestWorkbookOfTheOrganizationItself(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	e.b.View().FileItems[0].Run()
	e.files.open_ = e.files.saved
	e.b.SubmitWorkbook()
	p := e.b.workbook
	if p.wd == nil {
		t.Fatalf("no plan: %q", p.note.Text)
	}
	pv := p.wd.Preview()
	if pv.Failing != 0 || pv.Creates != 0 || pv.Updates != 0 || pv.Unchanged < 300 {
		t.Errorf("%d to create, %d to update, %d unchanged, %d failing: %s", pv.Creates, pv.Updates, pv.Unchanged, pv.Failing, findingLines(pv.Org, 5))
	}
}
