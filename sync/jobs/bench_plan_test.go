package jobs

import (
	"context"
	"fmt"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/webex"
)

// memOrg is an organization held in memory: the sandbox's demo organization read once,
// with its users multiplied to n. The benchmark of the plan measures the plan itself,
// beyond the reads of the organization (which cost requests, not time of ours).
type memOrg struct {
	API
	mu    sync.Mutex
	lists map[string][]webex.Object
	gets  map[string]webex.Object
	users []webex.Object
}

func (m *memOrg) List(ctx context.Context, path string, q url.Values) ([]webex.Object, error) {
	if path == "v2/user" && q.Get("filter") == "" {
		return m.users, nil
	}
	key := path + "?" + q.Encode()
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.lists[key]; ok {
		return l, nil
	}
	l, err := m.API.List(ctx, path, q)
	m.lists[key] = l
	return l, err
}

func (m *memOrg) Get(ctx context.Context, path, id string) (webex.Object, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if o, ok := m.gets[path+"/"+id]; ok {
		return o, nil
	}
	o, err := m.API.Get(ctx, path, id)
	m.gets[path+"/"+id] = o
	return o, err
}

// BenchmarkPlan50kUserUpdates plans 50,000 user updates (each user's External Id
// changed) against an organization of 50,000 users: the plan the CLI prints and the
// window shows, with every changed cell and the suspicious-change warnings.
//
//	go test -run '^$' -bench Plan50k -benchmem ./sync/jobs/
func BenchmarkPlan50kUserUpdates(b *testing.B) {
	const n = 50000
	ctx := context.Background()
	org, sh := benchUserUpdates(b, newBenchEnv(b), n)
	if _, err := previewChecked(ctx, org, sh, nil); err != nil { // the organization, read once into memory
		b.Fatal(err)
	}
	runtime.GC()
	var peak atomic.Uint64
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := watchHeap(&peak)
	b.ResetTimer()
	var p Preview
	var err error
	for range b.N {
		if p, err = previewChecked(ctx, org, sh, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	stop()
	if p.Updates != n || len(p.Plan) != n || len(p.Plan[n-1].Changes) != 1 {
		b.Fatalf("%d updates, %d planned", p.Updates, len(p.Plan))
	}
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base.HeapInuse))/(1<<20), "peak-MB")
}

// benchUserUpdates is an organization of n users in memory and a users sheet that
// changes each one's External Id, as an export edited would.
func benchUserUpdates(b *testing.B, e *env, n int) (*memOrg, *sheets.Sheet) {
	ctx := context.Background()
	obj := mustObject(b, "user")
	org := &memOrg{API: e.api, lists: map[string][]webex.Object{}, gets: map[string]webex.Object{}}
	demo, err := e.api.List(ctx, obj.API.List, listQuery(obj, ""))
	if err != nil || len(demo) == 0 {
		b.Fatalf("demo users: %d, %v", len(demo), err)
	}
	for i := range n {
		u := deepCopy(demo[i%len(demo)])
		u["id"], u["email"], u["externalIdentifier"] = fmt.Sprintf("bench-%06d", i), fmt.Sprintf("bench.%06d@example.com", i), fmt.Sprintf("%07d", i)
		org.users = append(org.users, u)
	}
	sh := sheets.New(obj)
	m := newMapper(obj, "", newResolver(org))
	for _, u := range org.users {
		rows, err := m.exportRows(ctx, u)
		if err != nil {
			b.Fatal(err)
		}
		rows[0][sh.Index("External Id")] = fmt.Sprintf("X%d", len(sh.Rows))
		sh.Rows = append(sh.Rows, sheets.Row{Cells: rows[0]})
	}
	sh.File = "users.csv"
	return org, sh
}

// watchHeap samples the heap in use into peak until stopped.
func watchHeap(peak *atomic.Uint64) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
