package jobs

import (
	"context"
	"sync"
	"testing"

	"github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// An export tells its progress.Func the objects of its own type read, ending at how many
// the organization has: the list's pages, then each object where the list leaves fields
// out. The lists of the types its names refer to (a team's site) are not counted.
func TestExportReportsItsOwnCounts(t *testing.T) {
	e := newEnv(t, envOptions{})
	for _, key := range []string{"team", "skill_profile"} {
		t.Run(key, func(t *testing.T) {
			obj, _ := catalog.Lookup(key)
			objects := 0
			for _, n := range e.names(key) {
				objects += n
			}
			var mu sync.Mutex
			last := map[progress.Step]progress.Count{}
			ctx := progress.With(context.Background(), func(c progress.Count) {
				mu.Lock()
				defer mu.Unlock()
				if c.Done < last[c.Step].Done || c.Total != objects {
					t.Errorf("reported %+v after %+v; the organization has %d", c, last[c.Step], objects)
				}
				last[c.Step] = c
			})
			if _, err := Export(ctx, e.api, obj); err != nil {
				t.Fatal(err)
			}
			if got := last[progress.Listing]; got.Done != objects {
				t.Errorf("the list's count ended at %+v, want %d", got, objects)
			}
			_, byGet := exportNeedsGet(obj)
			if got := last[progress.Fetching]; byGet != (got.Done == objects) {
				t.Errorf("each %s read by itself (%v): the count ended at %+v", key, byGet, got)
			}
		})
	}
}
