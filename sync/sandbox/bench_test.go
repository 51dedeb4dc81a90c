package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
)

// BenchmarkBulkSave100 posts bulk saves of 100 new teams each over loopback HTTP, the
// rate limit off, from as many client goroutines as GOMAXPROCS: the sandbox must keep
// far ahead of the job engine (thousands of items per second).
func BenchmarkBulkSave100(b *testing.B) {
	c := newTC(b, Options{})
	prague := c.idOf("v2/site", "name", "Prague")
	var batch atomic.Int64
	body := func() []byte {
		n := batch.Add(1)
		items := make([]map[string]any, 100)
		for i := range items {
			items[i] = save(i, map[string]any{"name": fmt.Sprintf("Bench %d-%d", n, i), "teamType": "AGENT",
				"teamStatus": "IN_SERVICE", "active": true, "siteId": prague, "rankQueuesForTeam": false,
				"description": "benchmark team"})
		}
		j, _ := json.Marshal(map[string]any{"items": items})
		return j
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest("POST", c.abs("team/bulk"), bytes.NewReader(body()))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+c.token)
			resp, err := c.hc.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusMultiStatus {
				b.Errorf("status %d", resp.StatusCode)
			}
		}
	})
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "req/s")
	b.ReportMetric(float64(b.N*100)/secs, "items/s")
}

// BenchmarkListUsers pages through the 300 demo users 100 at a time.
func BenchmarkListUsers(b *testing.B) {
	c := newTC(b, Options{})
	for b.Loop() {
		for page := range 3 {
			if status, _, _ := c.call("GET", fmt.Sprintf("v2/user?page=%d&pageSize=100", page), nil); status != 200 {
				b.Fatal(status)
			}
		}
	}
}

func BenchmarkSeedDemo(b *testing.B) {
	for b.Loop() {
		if _, err := seed(newUUID(), SeedDemo, 0); err != nil {
			b.Fatal(err)
		}
	}
}
