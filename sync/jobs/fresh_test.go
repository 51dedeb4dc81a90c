package jobs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// A job reads the records of each run after the first again just before sending them:
// an object changed in the organization while the job ran (after its first reading)
// fails as changed since the check without a write being sent over it, the plan counts
// those reads, and the job makes exactly the requests the plan said.
func TestRereadBeforeEachRun(t *testing.T) {
	defer func(n int) { freshEvery = n }(freshEvery)
	freshEvery = 10
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	const n = 30
	d := e.checkSheet(t, e.workTypesToUpdate("Fresh", n))
	p := d.Preview
	if p.Updates != n || p.Rereads != 2 || p.RereadEvery != 10 {
		t.Fatalf("%d updates, %d rereads of runs of %d planned; want %d, 2 (runs 2 and 3, 10 names a request each), 10",
			p.Updates, p.Rereads, p.RereadEvery, n)
	}
	// The first write of the job changes record 26 (in the third run) behind its back.
	var victim map[string]any
	for _, o := range e.objects("work_type") {
		if o["name"] == "Fresh 025" {
			victim = o
		}
	}
	victim["description"] = "changed by someone else"
	var once sync.Once
	e.eng.API = updateAPI{API: e.api, before: func() {
		once.Do(func() {
			if _, err := e.api.Update(ctx, "work-type", str(victim["id"]), victim); err != nil {
				t.Error(err)
			}
		})
	}}
	_, atJob := e.log.since(0)
	j := e.submitDraftRun(d)
	rows, _ := e.store.Rows(ctx, j.ID)
	if msg := rows[25].Message; !strings.HasPrefix(msg, "changed in the organization since the check: Description is now changed by someone else") {
		t.Errorf("row 27: %s %q, want it refused as changed since the check", rows[25].Outcome, msg)
	}
	sent, _ := e.log.since(atJob)
	puts, lists := 0, 0
	for _, r := range sent {
		switch {
		case r == "PUT work-type/"+str(victim["id"]):
			puts++
		case r == "GET v2/work-type":
			lists++
		}
	}
	if puts != 1 { // the other change's own
		t.Errorf("the job sent %d writes over the changed record; want none", puts-1)
	}
	// The job's requests: the plan's, less the write it did not send, plus the test's;
	// its list reads: the first, and one before each further run.
	if len(sent) != p.Requests || lists != 3 {
		t.Errorf("the job made %d requests (%d list reads), the plan said %d:\n%s", len(sent), lists, p.Requests, strings.Join(sent, "\n"))
	}
}

// workTypesToUpdate creates n work types named prefix 000… with the description
// "first", and returns the sheet that changes each one's to "second".
func (e *env) workTypesToUpdate(prefix string, n int) *sheets.Sheet {
	e.t.Helper()
	var b strings.Builder
	b.WriteString("Name,Description,Type\n")
	for i := range n {
		fmt.Fprintf(&b, "%s %03d,first,IDLE_CODE\n", prefix, i)
	}
	if j := e.submitRun("work_type", e.pack("work_type", b.String())); j.Status != Completed {
		e.t.Fatalf("creating: %s %s", j.Status, e.errorCSV(j.ID))
	}
	edited := strings.ReplaceAll(b.String(), ",first,", ",second,")
	sh, err := sheets.ReadCSV(strings.NewReader(edited), "work_types.csv", sheets.ReadOptions{Object: mustObject(e.t, "work_type")})
	if err != nil {
		e.t.Fatal(err)
	}
	return sh
}

// submitDraftRun submits a checked draft and runs its job to the end.
func (e *env) submitDraftRun(d *Draft) Job {
	e.t.Helper()
	ctx := context.Background()
	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err == nil {
		j, err = e.eng.Run(ctx, j.ID, nil)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return j
}

// Reading a run again costs the fewer of its names 25 a request and the whole list
// 1,000 a page.
func TestFreshCost(t *testing.T) {
	for _, c := range []struct {
		org, names, want int
		byName           bool
	}{
		{500, 100, 1, false}, // 4 filtered requests or 1 page
		{5000, 10, 1, true},  // 1 filtered request or 5 pages
		{5000, 1000, 5, false},
		{60000, 1000, 40, true},
		{100, 0, 0, true},
	} {
		if got, byName := freshCost(c.org, c.names); got != c.want || byName != c.byName {
			t.Errorf("org %d, %d names: %d requests (by name %v), want %d (%v)", c.org, c.names, got, byName, c.want, c.byName)
		}
	}
}
