package jobs

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// exportWorkbook exports every type of e's organization into a workbook and reads it
// back as a workbook job reads it.
func exportWorkbook(t *testing.T, e *env, name string) []*sheets.Sheet {
	t.Helper()
	types, _ := ExportableTypes()
	ss, err := ExportAll(context.Background(), e.api, types, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(e.dir, name)
	if _, err := WriteExportAll(ss, out); err != nil {
		t.Fatal(err)
	}
	back, err := sheets.ReadWorkbook(out, sheets.ReadOptions{Unprotect: true})
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// TestCopyDemoIntoEmpty (issue 25's Done-when): the demo organization, exported into
// one workbook whose sheets are then shuffled, is submitted to the empty organization
// as one job; the plan made against the empty one lists the users as not copyable and
// fails nothing else; the job runs its steps in dependency order; and an export of the
// copy equals the export of the demo, type by type, apart from the users.
func TestCopyDemoIntoEmpty(t *testing.T) {
	demo := newEnv(t, envOptions{})
	target := newEnv(t, envOptions{sandbox: sandbox.Options{Seed: sandbox.SeedEmpty}})
	ss := exportWorkbook(t, demo, "demo.xlsx")
	want := map[string]string{}
	shuffled := slices.Clone(ss)
	slices.Reverse(shuffled) // users first, multimedia profiles last
	wd, err := BuildWorkbook(WorkbookSource{Sheets: shuffled, Name: "demo.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wd.Err(); err != nil {
		t.Fatal(err)
	}
	if err := wd.Check(context.Background(), NewOrgCache(target.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	checkStepOrder(t, wd)
	p := wd.Preview()
	skip := map[string]bool{} // the records not copyable, by type and row
	for _, nc := range wd.NotCopyable {
		why := nc.Reason.String()
		switch {
		case nc.Object.Key == "user" && strings.Contains(why, "create them in Control Hub first"):
		case strings.Contains(why, "audio files are files"), strings.Contains(why, "which is not copyable"):
		default:
			t.Errorf("not copyable: %s row %d: %s", nc.Object.Key, nc.Row, why)
		}
		skip[nc.Object.Key+"\t"+strconv.Itoa(nc.Row)] = true
	}
	if len(skip) < 300 || len(p.Org) != len(skip) {
		for _, f := range p.Org {
			t.Errorf("plan fails %s row %d, %s: %s", f.File, f.Row, f.Column, f.Message)
		}
		t.Fatalf("%d records not copyable, %d failing in the plan", len(skip), len(p.Org))
	}
	j, err := target.eng.SubmitWorkbook(context.Background(), wd, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := target.store.List(context.Background(), ListOptions{}); len(list) != 1 || list[0].ID != j.ID || list[0].Types != wd.Types() {
		t.Fatalf("the dashboard lists %+v, want the one workbook job %s", list, j.ID)
	}
	j, err = target.eng.Run(context.Background(), j.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != CompletedWithErrors || j.Failed < p.Failing {
		t.Fatalf("the copy ended %s: %d succeeded, %d failed of %d (%d rows not copyable): %s", j.Status, j.Succeeded, j.Failed, j.Total, p.Failing, j.Reason)
	}
	// Every record the plan let through is copied: a row the server refused that the
	// plan did not foresee is a gap of the plan (or of the export: a column a create
	// needs that the sheet lacks).
	first := map[string]bool{} // a record's first row: its other rows fail with it
	for _, s := range ss {
		for _, g := range s.Groups() {
			first[s.Object.Key+"\t"+strconv.Itoa(sheets.RowNumber(g[0]))] = true
		}
	}
	steps, _ := target.store.Steps(context.Background(), j.ID)
	for _, st := range steps {
		rows, _ := target.store.Rows(context.Background(), st.ID, Fail)
		for _, r := range rows {
			if key := st.Object + "\t" + strconv.Itoa(r.Number); first[key] && !skip[key] {
				t.Errorf("not in the plan: step %d, %s row %d: %s", st.Step, st.Object, r.Number, r.Message)
			}
		}
	}
	for _, s := range ss {
		want[s.Object.Key] = sheetText(t, without(s, skip))
	}
	for _, s := range exportWorkbook(t, target, "copy.xlsx") {
		if got := sheetText(t, s); got != want[s.Object.Key] {
			t.Errorf("%s of the copy:\n%s\nof the demo:\n%s", s.Object.Key, got, want[s.Object.Key])
		}
	}
}

// checkStepOrder: every write step comes after the write steps of the types its
// columns refer to, but for the late references, which a second pass fills.
func checkStepOrder(t *testing.T, wd *WorkbookDraft) {
	t.Helper()
	at := map[string]int{}
	for i, st := range wd.Steps {
		if st.Kind == StepWrite {
			at[st.Object().Key] = i
		}
	}
	late := map[string]bool{}
	for _, l := range wd.Late {
		late[l.From+"."+l.Column] = true
	}
	if len(wd.Late) == 0 {
		t.Errorf("no late references: the catalog's cycle (desktop layouts and teams) is gone")
	}
	for i, st := range wd.Steps {
		if st.Kind != StepWrite {
			continue
		}
		for _, c := range st.Object().Columns {
			if j, ok := at[c.Ref]; ok && c.Ref != st.Object().Key && j > i && !late[st.Object().Key+"."+c.Header] {
				t.Errorf("step %d (%s) refers to %s, which goes after it (step %d)", i, st.Object().Key, c.Ref, j)
			}
		}
	}
}

// without is s without the records whose first row is in skip (type key, tab, row).
func without(s *sheets.Sheet, skip map[string]bool) *sheets.Sheet {
	out := *s
	out.Rows = nil
	for _, g := range s.Groups() {
		if !skip[s.Object.Key+"\t"+strconv.Itoa(sheets.RowNumber(g[0]))] {
			out.Rows = append(out.Rows, s.Rows[g[0]:g[1]]...)
		}
	}
	return &out
}
