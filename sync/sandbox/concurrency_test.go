package sandbox

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentWrites: writers racing for the same names; each name is created once.
func TestConcurrentWrites(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty})
	const writers, names = 6, 20
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := map[string]int{}
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items := make([]map[string]any, names)
			for i := range items {
				items[i] = save(i, map[string]any{"name": fmt.Sprintf("Type %d", (i+w)%names), "workTypeCode": "IDLE_CODE", "active": true})
			}
			status, body := c.raw("POST", "work-type/bulk", map[string]any{"items": items}, "application/json")
			if status != http.StatusMultiStatus {
				t.Errorf("writer %d: %d", w, status)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, r := range body["items"].([]any) {
				created[fmt.Sprint(r.(map[string]any)["status"])]++
			}
		}()
		wg.Add(1)
		go func() { // readers at the same time
			defer wg.Done()
			c.raw("GET", "v2/work-type?pageSize=5", nil, "application/json")
		}()
	}
	wg.Wait()
	if created["201"] != names || created["409"] != (writers-1)*names {
		t.Errorf("results %v: want %d created and %d duplicates", created, names, (writers-1)*names)
	}
}
