package jobs

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// workbookOf builds and checks a workbook draft of CSV texts, a sheet each (key, text),
// in the order given, against e's organization.
func (e *env) workbookOf(t *testing.T, name string, sheetTexts ...[2]string) *WorkbookDraft {
	t.Helper()
	var ss []*sheets.Sheet
	for _, st := range sheetTexts {
		s, err := sheets.ReadCSV(strings.NewReader(st[1]), st[0]+".csv", sheets.ReadOptions{Object: mustObject(t, st[0])})
		if err != nil {
			t.Fatal(err)
		}
		ss = append(ss, s)
	}
	wd, err := BuildWorkbook(WorkbookSource{Sheets: ss, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	if err := wd.Err(); err != nil {
		t.Fatal(err)
	}
	if err := wd.Check(context.Background(), NewOrgCache(e.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	return wd
}

// runWorkbook submits and runs wd; it must complete without a failed row.
func (e *env) runWorkbook(t *testing.T, wd *WorkbookDraft) Job {
	t.Helper()
	if p := wd.Preview(); p.Failing > 0 {
		t.Fatalf("the plan fails %d rows: %v", p.Failing, p.Org)
	}
	j, err := e.eng.SubmitWorkbook(context.Background(), wd, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(context.Background(), j.ID, nil); err != nil {
		t.Fatal(err)
	}
	if j.Status != Completed {
		t.Fatalf("the job ended %s, %d of %d failed: %s\n%s", j.Status, j.Failed, j.Total, j.Reason, e.stepErrors(j.ID))
	}
	return j
}

// stepErrors are the failed rows of a workbook job's steps, for a test's message.
func (e *env) stepErrors(id string) string {
	steps, _ := e.store.Steps(context.Background(), id)
	var b strings.Builder
	for _, st := range steps {
		rows, _ := e.store.Rows(context.Background(), st.ID, Fail)
		for _, r := range rows {
			b.WriteString(st.Object + ": row " + strings.TrimSpace(strings.Join(r.Cells, ",")) + ": " + r.Message + "\n")
		}
	}
	return b.String()
}

// exported is the organization's sheet of type key as an export writes it, as CSV text.
func (e *env) exported(t *testing.T, key string) string {
	t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(t, key))
	if err != nil {
		t.Fatal(err)
	}
	return sheetText(t, s)
}

// The cycle's second pass: a desktop layout (it goes before teams, since teams name
// layouts) whose Teams column names teams the same workbook creates is written first
// without them, then given them by the second pass once the teams exist.
func TestWorkbookSecondPassFillsTheCycle(t *testing.T) {
	e := newEnv(t, envOptions{})
	wd := e.workbookOf(t, "brno.xlsx",
		[2]string{"desktop_layout", "Name,Teams\nGlobal Layout,Brno Sales|Brno Support\n"},
		[2]string{"team", "Name,Site,Type,Desktop Layout\nBrno Sales,Brno,AGENT,Global Layout\nBrno Support,Brno,AGENT,Global Layout\n"},
		[2]string{"site", "Name,Multimedia Profile\nBrno,Voice Only\n"})
	if kinds := stepKinds(wd); kinds != "site desktop_layout team desktop_layout (second pass)" {
		t.Fatalf("steps %q", kinds)
	}
	e.runWorkbook(t, wd)
	layouts := e.exported(t, "desktop_layout")
	if !strings.Contains(layouts, "Brno Sales|Brno Support") {
		t.Errorf("after the job the layout does not name the new teams:\n%s", layouts)
	}
	if teams := e.exported(t, "team"); !strings.Contains(teams, "Brno Sales,Brno,AGENT") {
		t.Errorf("the teams were not created:\n%s", teams)
	}
}

// Deletes in a workbook: a team marked for deletion goes before the site it names,
// whatever the sheets' order, and both are gone after the job.
func TestWorkbookDeletesTeamBeforeItsSite(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.runWorkbook(t, e.workbookOf(t, "brno.xlsx",
		[2]string{"team", "Name,Site,Type\nBrno Sales,Brno,AGENT\n"},
		[2]string{"site", "Name,Multimedia Profile\nBrno,Voice Only\n"}))
	if e.names("site")["Brno"] != 1 {
		t.Fatal("the site was not created")
	}
	wd := e.workbookOf(t, "brno-gone.xlsx",
		[2]string{"site", "Name,Multimedia Profile,Action\nBrno,Voice Only,DELETE\n"},
		[2]string{"team", "Name,Site,Type,Action\nBrno Sales,Brno,AGENT,DELETE\n"})
	if kinds := stepKinds(wd); kinds != "team (deletes) site (deletes)" {
		t.Fatalf("steps %q", kinds)
	}
	if p := wd.Preview(); p.Deletes != 2 {
		t.Errorf("the plan deletes %d records, want 2", p.Deletes)
	}
	e.runWorkbook(t, wd)
	if n := e.names("site")["Brno"]; n != 0 {
		t.Errorf("the site is still there")
	}
	if n := e.names("team")["Brno Sales"]; n != 0 {
		t.Errorf("the team is still there")
	}
}

// stepKinds are wd's steps as "type" or "type (what)", in order.
func stepKinds(wd *WorkbookDraft) string {
	var kinds []string
	for _, st := range wd.Steps {
		kinds = append(kinds, st.Object().Key+stepName("", st))
	}
	return strings.Join(kinds, " ")
}

// The wrong-organization guard's ground: an export of several types, as a workbook or a
// zip of CSVs, records the organization it was read from, and a workbook draft of it
// is a copy when submitted to another organization, not to its own.
func TestWorkbookCopyFrom(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"lab.xlsx", "lab.zip"} {
		var ss []*sheets.Sheet
		for _, st := range [][2]string{{"site", "Name,Multimedia Profile\nBrno,Voice Only\n"}, {"team", "Name,Site,Type\nBrno Sales,Brno,AGENT\n"}} {
			s, err := sheets.ReadCSV(strings.NewReader(st[1]), st[0]+".csv", sheets.ReadOptions{Object: mustObject(t, st[0])})
			if err != nil {
				t.Fatal(err)
			}
			ss = append(ss, s)
		}
		FromOrganization(ss, "lab-id", "Lab")
		path := filepath.Join(dir, name)
		if _, err := WriteExportAll(ss, path); err != nil {
			t.Fatal(err)
		}
		back, err := sheets.ReadWorkbook(path, sheets.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		wd, err := BuildWorkbook(WorkbookSource{Sheets: back, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if from := wd.CopyFrom("prod-id"); from == nil || from.OrgID != "lab-id" || from.OrgName != "Lab" {
			t.Errorf("%s submitted to another organization: a copy from %+v", name, from)
		}
		if from := wd.CopyFrom("lab-id"); from != nil {
			t.Errorf("%s submitted to its own organization is taken for a copy from %+v", name, from)
		}
	}
}
