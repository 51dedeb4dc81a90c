package jobs

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// countingLists answers List with one object named after the path and counts the calls
// by path; with gate set, a List waits for it to close.
type countingLists struct {
	API
	mu    sync.Mutex
	calls map[string]int
	fail  bool
	gate  chan struct{}
}

func (c *countingLists) List(ctx context.Context, path string, _ url.Values) ([]webex.Object, error) {
	c.mu.Lock()
	c.calls[path]++
	fail := c.fail
	c.mu.Unlock()
	if c.gate != nil {
		<-c.gate
	}
	if fail {
		return nil, errors.New("connection refused")
	}
	return []webex.Object{{"id": "1", "name": path}}, nil
}

func (c *countingLists) count(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls[path]
}

// failingLists is an organization that cannot be read.
type failingLists struct{ API }

func (failingLists) List(context.Context, string, url.Values) ([]webex.Object, error) {
	return nil, errors.New("connection refused")
}

func TestOrgCache(t *testing.T) {
	ctx := context.Background()
	api := &countingLists{calls: map[string]int{}}
	c := NewOrgCache(api, time.Minute)
	now := time.Unix(1_000_000, 0)
	c.now = func() time.Time { return now }
	q := url.Values{"pageSize": {"1000"}}

	steps := []struct {
		name  string
		do    func()
		path  string
		reads int // reads of path so far
	}{
		{"first read", nil, "v2/site", 1},
		{"within the TTL", func() { now = now.Add(59 * time.Second) }, "v2/site", 1},
		{"another query is another list", nil, "v2/team", 1},
		{"past the TTL", func() { now = now.Add(2 * time.Second) }, "v2/site", 2},
		{"after Invalidate", c.Invalidate, "v2/site", 3},
		{"a failed read is not kept", func() { api.fail = true; c.Invalidate() }, "v2/site", 4},
		{"so the next asks again", func() { api.fail = false }, "v2/site", 5},
	}
	for _, s := range steps {
		if s.do != nil {
			s.do()
		}
		objs, err := c.List(ctx, s.path, q)
		if api.fail != (err != nil) || (err == nil && objs[0]["name"] != s.path) {
			t.Errorf("%s: %v, %v", s.name, objs, err)
		}
		if n := api.count(s.path); n != s.reads {
			t.Errorf("%s: %s read %d times, want %d", s.name, s.path, n, s.reads)
		}
	}
}

// Callers that ask for a list while it is read wait for that one read.
func TestOrgCacheSharesAReadUnderWay(t *testing.T) {
	api := &countingLists{calls: map[string]int{}, gate: make(chan struct{})}
	c := NewOrgCache(api, time.Minute)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.List(context.Background(), "v2/site", nil); err != nil {
				t.Error(err)
			}
		}()
	}
	for api.count("v2/site") == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let the others reach the wait
	close(api.gate)
	wg.Wait()
	if n := api.count("v2/site"); n != 1 {
		t.Errorf("4 callers read the list %d times", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	api.gate = make(chan struct{})
	c.Invalidate()
	go c.List(context.Background(), "v2/site", nil)
	for api.count("v2/site") < 2 {
		time.Sleep(time.Millisecond)
	}
	if _, err := c.List(ctx, "v2/site", nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled wait: %v", err)
	}
	close(api.gate)
}

// Only the types some reference column names are read for the editor's names; users,
// the largest list, are not among them.
func TestReferencedTypes(t *testing.T) {
	site, team := mustObject(t, "site"), mustObject(t, "team")
	if got := ReferencedTypes(site); !slices.Equal(got, []string{"multimedia_profile"}) {
		t.Errorf("site: %v", got)
	}
	if got := ReferencedTypes(team, site); !slices.Equal(got, []string{"desktop_layout", "multimedia_profile", "site", "skill_profile"}) {
		t.Errorf("team and site: %v", got)
	}
	all := ReferencedTypes(catalog.All()...)
	if slices.Contains(all, "user") || !slices.Contains(all, "team") || slices.Contains(all, "threshold_rule") {
		t.Errorf("all: %v", all)
	}
}

func TestNames(t *testing.T) {
	e := newEnv(t, envOptions{})
	k, err := Names(context.Background(), e.api, []string{"multimedia_profile", "team"})
	if err != nil {
		t.Fatal(err)
	}
	if got := k["multimedia_profile"]; !slices.Equal(got, []string{"Blended Digital", "Digital Only", "Voice Only"}) {
		t.Errorf("multimedia profiles: %v", got)
	}
	if !slices.Contains(k["team"], "Sales") || len(k) != 2 {
		t.Errorf("names: %v", k)
	}
	k, err = Names(context.Background(), failingLists{}, []string{"site", "team"})
	if err == nil || len(k) != 0 {
		t.Errorf("an organization that cannot be read: %v, %v", k, err)
	}
}
