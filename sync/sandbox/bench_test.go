package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// BenchmarkBulkSave100 posts bulk saves of 100 new teams each over loopback HTTP, the
// rate limit off, from as many client goroutines as GOMAXPROCS: the sandbox must keep
// far ahead of the job engine (thousands of items per second).
func BenchmarkBulkSave100(b *testing.B) { bothSpecModes(b, benchBulkSave100) }

// bothSpecModes runs a benchmark with the spec check (as under test and with
// BULKOPS_SANDBOX_STRICT=1) and without it (the app's embedded sandbox): the difference
// is the check's cost per request.
func bothSpecModes(b *testing.B, run func(b *testing.B, c *tc)) {
	for _, on := range []bool{true, false} {
		b.Run(fmt.Sprintf("spec=%v", on), func(b *testing.B) {
			c := newTC(b, Options{})
			if !on {
				c.s.spec = nil
			}
			run(b, c)
		})
	}
}

func benchBulkSave100(b *testing.B, c *tc) {
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
	bothSpecModes(b, func(b *testing.B, c *tc) {
		for b.Loop() {
			for page := range 3 {
				if status, _, _ := c.call("GET", fmt.Sprintf("v2/user?page=%d&pageSize=100", page), nil); status != 200 {
					b.Fatal(status)
				}
			}
		}
	})
}

// BenchmarkExportUsers10k pages through 10,000 users with the spec's default page size
// (100 requests, 20 s of a 300 requests/minute budget) and with pageSize=1000 (10).
func BenchmarkExportUsers10k(b *testing.B) {
	for _, size := range []int{100, 1000} {
		b.Run(fmt.Sprintf("pageSize=%d", size), func(b *testing.B) {
			bothSpecModes(b, func(b *testing.B, c *tc) {
				addUsers(b, c.s, 10000)
				for b.Loop() {
					n := 0
					for page := 0; n < 10000; page++ {
						m := c.object("GET", fmt.Sprintf("v2/user?page=%d&pageSize=%d", page, size), nil, http.StatusOK)
						n += len(m["data"].([]any))
					}
				}
			})
		})
	}
}

// addUsers brings the organization to total contact-center users, copies of the first.
func addUsers(b *testing.B, s *Server, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var proto map[string]any
	for _, rec := range s.st.records(userResource, "") {
		proto = rec.obj
		break
	}
	for i := len(s.st.tables["user"].recs); i < total; i++ {
		u := cloneMap(proto)
		delete(u, "id")
		u["email"], u["ciUserId"] = fmt.Sprintf("bench.%d@example.com", i), newUUID()
		u["id"] = newUUID()
		if _, _, e := s.st.save(userResource, "", u, saveOpts{seeding: true}); e != nil {
			b.Fatal(e.msgs)
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

// BenchmarkWriteLargeOrg is one create answered (and so stored) in an organization kept
// in a state file, with 300 and with 50,000 users: a write must cost far less than the
// 200 ms a request the API's rate allows, whatever the organization's size (writing
// the whole state file for each took 1.7 s at 50,000 users).
func BenchmarkWriteLargeOrg(b *testing.B) {
	for _, users := range []int{300, 50000} {
		b.Run(fmt.Sprintf("users=%d", users), func(b *testing.B) {
			c := newTC(b, Options{DataFile: filepath.Join(b.TempDir(), StateFileName)})
			c.s.spec = nil
			addUsers(b, c.s, users)
			if err := c.s.Save(); err != nil {
				b.Fatal(err)
			}
			prague := c.idOf("v2/site", "name", "Prague")
			for i := 0; b.Loop(); i++ {
				item := save(1, map[string]any{"name": fmt.Sprintf("W %d", i), "teamType": "AGENT",
					"teamStatus": "IN_SERVICE", "active": true, "siteId": prague, "rankQueuesForTeam": false})
				if st, _, body := c.call("POST", "team/bulk", map[string]any{"items": []any{item}}); st != http.StatusMultiStatus {
					b.Fatalf("%d %s", st, body)
				}
			}
		})
	}
}
