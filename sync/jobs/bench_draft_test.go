package jobs

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// BenchmarkDraft50kUsers builds the draft of 50,000 user updates (checked, packed into
// ten files and zipped, in memory) and submits it: the job stored with its package and
// rows, as the window's and the command line's Submit do, before the job runs.
//
//	go test -run '^$' -bench Draft50k -benchmem ./sync/jobs/
func BenchmarkDraft50kUsers(b *testing.B) {
	const n = 50000
	e := newBenchEnv(b)
	_, sh := benchUserUpdates(b, e, n)
	ctx := context.Background()
	runtime.GC()
	var peak atomic.Uint64
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := watchHeap(&peak)
	b.ResetTimer()
	for range b.N {
		d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{sh}, Base: "users"})
		if err != nil || d.Err() != nil {
			b.Fatal(err, d.Err())
		}
		j, err := e.eng.SubmitDraft(ctx, d, "bench")
		if err != nil || j.Total != n {
			b.Fatalf("job of %d rows: %v", j.Total, err)
		}
		b.StopTimer()
		if err := e.store.RequestCancel(ctx, j.ID); err != nil { // the next submit may go
			b.Fatal(err)
		}
		if _, err := e.eng.Run(ctx, j.ID, nil); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	stop()
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapInuse))/(1<<20), "peak-MB")
}
