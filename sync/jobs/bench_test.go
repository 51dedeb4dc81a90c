package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// benchRate is the sandbox's rate limit in the benchmark: 20 times Webex's 300 a minute,
// so that 50,000 records take seconds, not minutes; the share of the ceiling is what
// carries over to the real limit.
const benchRate = 6000

// naiveRecords is how many records the naive client creates: enough for a steady rate.
const naiveRecords = 1000

// BenchmarkJob50k runs a 50,000-site job against the sandbox with its rate limit on and
// reports the throughput as a share of the rate-limit ceiling, and, for comparison, what
// a naive client achieves (one item per request, no limiter, backing off only after a
// 429) in the same organization.
//
//	go test -run '^$' -bench Job50k -benchtime 1x ./sync/jobs/
//
// The naive client's figures are for naiveRecords records (its rate is steady after the
// first second); the engine's for the whole job, including reading the organization.
func BenchmarkJob50k(b *testing.B) {
	const n = 50000
	csv := siteCSV("Bench", n, nil)
	var items, reqs, share float64
	for range b.N {
		b.StopTimer()
		e := newBenchEnv(b)
		pkg := e.pack("site", csv)
		j, err := e.eng.Submit(context.Background(), pkg, mustObject(b, "site"), "bench@example.com")
		if err != nil {
			b.Fatal(err)
		}
		before := e.api.Stats()
		b.StartTimer()
		start := time.Now()
		var firstSend, lastSend time.Time
		j, err = e.eng.Run(context.Background(), j.ID, func(p Progress) {
			if p.Message == "sending" {
				if firstSend.IsZero() {
					firstSend = time.Now()
				}
				lastSend = time.Now()
			}
		})
		elapsed := time.Since(start)
		b.Logf("phases: %s before the first batch was committed, %s sending, %s after",
			firstSend.Sub(start).Round(time.Millisecond), lastSend.Sub(firstSend).Round(time.Millisecond), time.Since(lastSend).Round(time.Millisecond))
		b.StopTimer()
		if err != nil || j.Status != Completed || j.Succeeded != n {
			b.Fatalf("job: %v, %s, %d succeeded", err, j.Status, j.Succeeded)
		}
		st := e.api.Stats()
		sent := float64(st.Requests - before.Requests)
		items = n / elapsed.Seconds()
		reqs = sent / elapsed.Seconds()
		share = 100 * reqs / (benchRate / 60.0)
		b.Logf("engine: %d records in %s: %.0f records/s, %.0f requests in all (%.1f/s), %.1f%% of the %d/min ceiling, %d answered 429",
			n, elapsed.Round(time.Millisecond), items, sent, reqs, share, benchRate, st.RateLimited-before.RateLimited)
		b.StartTimer()
	}
	b.ReportMetric(items, "records/s")
	b.ReportMetric(reqs, "requests/s")
	b.ReportMetric(share, "%ceiling")
	b.StopTimer()
	naive := naiveRun(b, naiveRecords)
	b.ReportMetric(naive, "naive-records/s")
	b.ReportMetric(items/naive, "x-naive")
}

func newBenchEnv(b *testing.B) *env {
	sb, err := sandbox.Start(sandbox.Options{Seed: sandbox.SeedDemo, Rate: benchRate, Burst: benchRate / 60})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { sb.Close() })
	e := &env{t: b, sb: sb, token: sb.MintToken(), dir: b.TempDir()}
	e.api = e.client(webex.Options{RatePerMinute: benchRate, Burst: 5})
	if e.store, err = Open(b.TempDir() + "/" + DBName); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.store.Close() })
	e.eng = &Engine{Store: e.store, API: e.api, OrgID: sb.OrgID()}
	// BULKOPS_BENCH_PARALLEL=1 measures the engine strictly batch after batch.
	e.eng.Parallel, _ = strconv.Atoi(os.Getenv("BULKOPS_BENCH_PARALLEL"))
	return e
}

// naiveRun creates n sites one request each, as fast as the server lets it, sleeping
// only when told to by a 429, and returns the records per second it achieved.
func naiveRun(b *testing.B, n int) float64 {
	e := newBenchEnv(b)
	mp := e.id("multimedia_profile", "Voice Only")
	url := e.sb.URL() + "/organization/" + e.sb.OrgID() + "/site"
	hc := &http.Client{}
	var sent, throttled int
	start := time.Now()
	for i := 1; i <= n; {
		body, _ := json.Marshal(map[string]any{"name": fmt.Sprintf("Naive-%05d", i), "multimediaProfileId": mp, "active": true})
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+e.token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		sent++
		switch {
		case resp.StatusCode == http.StatusTooManyRequests:
			throttled++
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			time.Sleep(time.Duration(max(secs, 1)) * time.Second)
		case resp.StatusCode >= 300:
			b.Fatalf("naive create: %s", resp.Status)
		default:
			i++
		}
	}
	elapsed := time.Since(start)
	rate := float64(n) / elapsed.Seconds()
	b.Logf("naive: %d records in %s: %.0f records/s, %d requests (%.1f/s, %.1f%% of the ceiling), %d answered 429",
		n, elapsed.Round(time.Millisecond), rate, sent, float64(sent)/elapsed.Seconds(),
		100*float64(sent)/elapsed.Seconds()/(benchRate/60.0), throttled)
	return rate
}

// BenchmarkPreview50k previews a 50,000-site sheet against the sandbox, a tenth of the
// names misspelt: the check the window and bulkops submit make before a submit. Each
// round reads the organization afresh (a new cache); the requests it takes are reported.
//
//	go test -run '^$' -bench Preview50k -benchtime 3x ./sync/jobs/
func BenchmarkPreview50k(b *testing.B) {
	e := newBenchEnv(b)
	api := e.client(webex.Options{}) // no client-side limit: the sandbox's own applies
	sh, err := sheets.ReadCSV(strings.NewReader(siteCSV("Bench", 50000, func(i int) bool { return i%10 == 0 })),
		"site.csv", sheets.ReadOptions{Object: mustObject(b, "site")})
	if err != nil {
		b.Fatal(err)
	}
	before := api.Stats().Requests
	b.ResetTimer()
	for range b.N {
		p, err := PreviewSheet(context.Background(), NewOrgCache(api, time.Minute), sh)
		if err != nil || p.Creates != 45000 || p.Failing != 5000 {
			b.Fatalf("preview: %d creates, %d failing, %v", p.Creates, p.Failing, err)
		}
	}
	b.ReportMetric(float64(api.Stats().Requests-before)/float64(b.N), "requests/op")
}
