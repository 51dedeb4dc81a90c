package jobs

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/bulkops/bulkops/sync/webex"
)

// OrgCache is an API that keeps the lists it reads for a while: what previews and the
// editor's names read of an organization, so that checking a sheet again, or another
// sheet that refers to the same types, does not read them all again. Callers that ask
// for a list being read wait for that one read. A failed read is not kept. Everything
// but List goes straight to the API.
//
// The lists may be up to the TTL old: give an Engine the API itself, never the cache,
// and Invalidate the cache when a job ends (it changed the organization).
type OrgCache struct {
	API
	ttl time.Duration
	now func() time.Time // time.Now; tests move it

	mu    sync.Mutex
	lists map[string]*cachedList
}

// cachedList is one list, read or being read.
type cachedList struct {
	done chan struct{} // closed once objs and err are set
	objs []webex.Object
	err  error
	at   time.Time // when it was read; zero while it is read
}

// OrgTTL is how long what was read of an organization serves the editor's names and the
// previews before a submit. The end of a job reads it again sooner: it changed it.
const OrgTTL = time.Minute

// NewOrgCache keeps the lists api reads for ttl.
func NewOrgCache(api API, ttl time.Duration) *OrgCache {
	return &OrgCache{API: api, ttl: ttl, now: time.Now, lists: map[string]*cachedList{}}
}

// List returns the list at path with query as read within the TTL, or reads it. The
// objects are shared by every caller: read them, never change them.
func (c *OrgCache) List(ctx context.Context, path string, query url.Values) ([]webex.Object, error) {
	key := path + "?" + query.Encode()
	c.mu.Lock()
	if l, ok := c.lists[key]; ok && (l.at.IsZero() || c.now().Sub(l.at) < c.ttl) {
		c.mu.Unlock()
		select {
		case <-l.done:
			return l.objs, l.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	l := &cachedList{done: make(chan struct{})}
	c.lists[key] = l
	c.mu.Unlock()

	objs, err := c.API.List(ctx, path, query)
	c.mu.Lock()
	l.objs, l.err, l.at = objs, err, c.now()
	if err != nil && c.lists[key] == l {
		delete(c.lists, key)
	}
	c.mu.Unlock()
	close(l.done)
	return objs, err
}

// Invalidate forgets every list: the next List reads again. A read under way still
// answers those who wait for it.
func (c *OrgCache) Invalidate() {
	c.mu.Lock()
	c.lists = map[string]*cachedList{}
	c.mu.Unlock()
}
