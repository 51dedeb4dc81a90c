package jobs

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// BenchmarkUpdateAtTheRate measures issue 20's targets for updates at Webex's own pace:
// the sandbox at its default 300 requests a minute, the client at its defaults. From the
// check to the job's end, updating N records costs N writes, the list pages (the check's,
// and the job's read of them again just before it writes) and the GETs of one object
// each that live lists force (the plan names them), the job exactly the requests its plan
// said, and takes at most 1.1 times what those requests take at 300 a minute. N is 200:
// some 45 s for work types, 90 s for teams (a GET of each: live team lists leave out
// fields a PUT must send back).
//
//	go test -run '^$' -bench UpdateAtTheRate -benchtime 1x ./sync/jobs/
func BenchmarkUpdateAtTheRate(b *testing.B) {
	const n = 200
	for _, key := range []string{"work_type", "team"} {
		b.Run(key, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				e := newRateEnv(b)
				edited := e.changedCopies(key, n)
				_, mark := e.log.since(0)
				b.StartTimer()
				start := time.Now()
				ctx := context.Background()
				d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{edited}})
				if err == nil {
					err = d.Check(ctx, e.api)
				}
				if err != nil {
					b.Fatal(err)
				}
				p := d.Preview
				checked, atJob := e.log.since(mark)
				j, err := e.eng.SubmitDraft(ctx, d, "bench@example.com")
				if err == nil {
					j, err = e.eng.Run(ctx, j.ID, nil)
				}
				if err != nil || j.Status != Completed {
					b.Fatalf("job: %v %s", err, j.Status)
				}
				wall := time.Since(start)
				b.StopTimer()
				job, _ := e.log.since(atJob)
				all := len(checked) + len(job)
				w := len(writes(job))
				lists := len(checked) + len(job) - w - p.Gets
				floor := time.Duration(float64(all) / sandbox.DefaultRate * float64(time.Minute))
				b.ReportMetric(float64(all), "requests/op")
				b.ReportMetric(float64(p.Gets), "forced-GETs/op")
				b.ReportMetric(wall.Seconds()/floor.Seconds(), "wall/floor")
				b.ReportMetric(wall.Minutes()/(float64(n)/sandbox.DefaultRate), "wall/(N/300min)")
				b.Logf("%d %s: %d requests: the check %d reads; the job %d (planned %d): %d writes, %d GETs of one object each (forced), %d list reads; %s, floor %s",
					n, key, all, len(checked), len(job), p.Requests, w, p.Gets, len(job)-w-p.Gets,
					wall.Round(100*time.Millisecond), floor.Round(100*time.Millisecond))
				if p.Updates != n || w != n || len(job) != p.Requests || len(writes(checked)) != 0 {
					b.Errorf("%d updates planned, %d writes sent; the job made %d requests, the plan said %d", p.Updates, w, len(job), p.Requests)
				}
				if lists > 2*len(checked) {
					b.Errorf("%d list reads besides the %d forced GETs: the check read %d, the job may read those again, no more", lists, p.Gets, len(checked))
				}
				if wall > floor*11/10 {
					b.Errorf("took %s, more than 1.1 times the %s its requests take at %d a minute", wall, floor, sandbox.DefaultRate)
				}
			}
		})
	}
}

// newRateEnv is an env whose sandbox limits requests as Webex does by default and whose
// client paces itself with its defaults, logging every request.
func newRateEnv(b *testing.B) *env {
	sb, err := sandbox.Start(sandbox.Options{Seed: sandbox.SeedDemo, Rate: sandbox.DefaultRate})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { sb.Close() })
	e := &env{t: b, sb: sb, token: sb.MintToken(), dir: b.TempDir(), log: &requestLog{}}
	e.api = e.client(webex.Options{RatePerMinute: sandbox.DefaultRate})
	if e.store, err = Open(b.TempDir() + "/" + DBName); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.store.Close() })
	e.eng = &Engine{Store: e.store, API: e.api, OrgID: sb.OrgID()}
	return e
}

// changedCopies makes n copies of the organization's first record of type key, named
// "Rate NNN", and returns them with one column changed in each: a work type's
// Description, a team's Multimedia Profile.
func (e *env) changedCopies(key string, n int) *sheets.Sheet {
	e.t.Helper()
	s, err := Export(context.Background(), e.api, mustObject(e.t, key))
	if err != nil {
		e.t.Fatal(err)
	}
	col, from, to := "Description", "first", "second"
	if key == "team" {
		col, from, to = "Multimedia Profile", "Voice Only", "Blended Digital"
	}
	name, changed := s.Index("Name"), s.Index(col)
	if name < 0 || changed < 0 {
		e.t.Fatalf("%s has no %s column: %q", key, col, s.Headers())
	}
	made := s.Clone()
	made.Rows = nil
	for i := range n {
		row := s.Rows[0]
		row.Cells = append([]string(nil), row.Cells...)
		row.Cells[name], row.Cells[changed] = fmt.Sprintf("Rate %03d", i), from
		made.Rows = append(made.Rows, row)
	}
	if j := e.submitRun(key, e.packSheet(made)); j.Status != Completed {
		e.t.Fatalf("creating %d %s: %s\n%s", n, key, j.Status, e.errorCSV(j.ID))
	}
	edited := made.Clone()
	for _, r := range edited.Rows {
		r.Cells[changed] = strings.Replace(r.Cells[changed], from, to, 1)
	}
	return edited
}
